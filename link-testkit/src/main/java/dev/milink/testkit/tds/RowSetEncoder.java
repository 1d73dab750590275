package dev.milink.testkit.tds;

import dev.milink.testkit.sql.SqlResult;
import dev.milink.testkit.sql.SqlType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes a result set as COLMETADATA and ROW tokens. Column wire types are fixed per {@link SqlType},
 * except that a DECIMAL column takes the largest scale among its values (precision 38), and an NVARCHAR
 * or VARBINARY column whose values do not fit 4000 characters / 8000 bytes is sent as its MAX variant.
 */
final class RowSetEncoder {

    private static final int MAX_SCALE = 38;

    private RowSetEncoder() {
    }

    static void write(PacketWriter w, SqlResult.Rows rows) throws IOException {
        List<SqlResult.Column> columns = rows.columns();
        SqlType[] types = new SqlType[columns.size()];
        int[] scales = new int[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = effectiveType(columns.get(i).type(), rows.rows(), i);
            scales[i] = types[i] == SqlType.DECIMAL ? decimalScale(rows.rows(), i) : 0;
        }
        w.writeByte(TdsProtocol.TOKEN_COLMETADATA);
        w.writeShort(types.length);
        for (int i = 0; i < types.length; i++) {
            w.writeInt(0); // user type
            w.writeShort(0x0001); // flags: nullable
            writeTypeInfo(w, types[i], scales[i]);
            w.writeBVarchar(columns.get(i).name() == null ? "" : columns.get(i).name());
        }
        for (List<Object> row : rows.rows()) {
            w.writeByte(TdsProtocol.TOKEN_ROW);
            for (int i = 0; i < types.length; i++) {
                Object value = i < row.size() ? row.get(i) : null;
                writeValue(w, types[i], scales[i], value);
            }
        }
    }

    private static SqlType effectiveType(SqlType declared, List<List<Object>> rows, int column) {
        if (declared != SqlType.NVARCHAR && declared != SqlType.VARBINARY) {
            return declared;
        }
        for (List<Object> row : rows) {
            Object v = column < row.size() ? row.get(column) : null;
            if (declared == SqlType.NVARCHAR && v != null && String.valueOf(v).length() > 4000) {
                return SqlType.NVARCHAR_MAX;
            }
            if (declared == SqlType.VARBINARY && v instanceof byte[] b && b.length > 8000) {
                return SqlType.VARBINARY_MAX;
            }
        }
        return declared;
    }

    private static int decimalScale(List<List<Object>> rows, int column) {
        int scale = 0;
        for (List<Object> row : rows) {
            Object v = column < row.size() ? row.get(column) : null;
            if (v != null) {
                scale = Math.max(scale, Math.min(MAX_SCALE, toDecimal(v).scale()));
            }
        }
        return scale;
    }

    private static void writeTypeInfo(PacketWriter w, SqlType type, int scale) throws IOException {
        switch (type) {
            case INT -> intN(w, 4);
            case BIGINT -> intN(w, 8);
            case SMALLINT -> intN(w, 2);
            case TINYINT -> intN(w, 1);
            case BIT -> {
                w.writeByte(0x68);
                w.writeByte(1);
            }
            case NVARCHAR, NVARCHAR_MAX -> {
                w.writeByte(0xE7);
                w.writeShort(type == SqlType.NVARCHAR ? 8000 : 0xFFFF);
                w.writeBytes(TdsProtocol.COLLATION);
            }
            case VARBINARY, VARBINARY_MAX -> {
                w.writeByte(0xA5);
                w.writeShort(type == SqlType.VARBINARY ? 8000 : 0xFFFF);
            }
            case DECIMAL -> {
                w.writeByte(0x6A);
                w.writeByte(17);
                w.writeByte(38);
                w.writeByte(scale);
            }
            case FLOAT -> {
                w.writeByte(0x6D);
                w.writeByte(8);
            }
            case DATETIME2 -> {
                w.writeByte(0x2A);
                w.writeByte(7);
            }
            case DATETIMEOFFSET -> {
                w.writeByte(0x2B);
                w.writeByte(7);
            }
            case UNIQUEIDENTIFIER -> {
                w.writeByte(0x24);
                w.writeByte(16);
            }
            default -> throw new IllegalArgumentException("no TDS mapping for " + type);
        }
    }

    private static void intN(PacketWriter w, int length) throws IOException {
        w.writeByte(0x26);
        w.writeByte(length);
    }

    private static void writeValue(PacketWriter w, SqlType type, int scale, Object v) throws IOException {
        switch (type) {
            case NVARCHAR, NVARCHAR_MAX -> {
                byte[] bytes = v == null ? null : String.valueOf(v).getBytes(StandardCharsets.UTF_16LE);
                writeVariable(w, type == SqlType.NVARCHAR_MAX, bytes);
                return;
            }
            case VARBINARY, VARBINARY_MAX -> {
                writeVariable(w, type == SqlType.VARBINARY_MAX, (byte[]) v);
                return;
            }
            default -> {
                // fixed-size types below
            }
        }
        if (v == null) {
            w.writeByte(0); // zero length is NULL for all the *N types used here
            return;
        }
        switch (type) {
            case INT -> {
                w.writeByte(4);
                w.writeInt(((Number) v).intValue());
            }
            case BIGINT -> {
                w.writeByte(8);
                w.writeLong(((Number) v).longValue());
            }
            case SMALLINT -> {
                w.writeByte(2);
                w.writeShort(((Number) v).intValue());
            }
            case TINYINT -> {
                w.writeByte(1);
                w.writeByte(((Number) v).intValue());
            }
            case BIT -> {
                w.writeByte(1);
                w.writeByte(v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).intValue() != 0 ? 1 : 0);
            }
            case DECIMAL -> writeDecimal(w, toDecimal(v).setScale(scale, RoundingMode.HALF_UP));
            case FLOAT -> {
                w.writeByte(8);
                w.writeLong(Double.doubleToRawLongBits(((Number) v).doubleValue()));
            }
            case DATETIME2 -> {
                w.writeByte(8);
                TemporalCodec.writeDateTime2(w, v instanceof OffsetDateTime o ? o.toLocalDateTime() : (LocalDateTime) v);
            }
            case DATETIMEOFFSET -> {
                w.writeByte(10);
                TemporalCodec.writeDateTimeOffset(w, v instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : (OffsetDateTime) v);
            }
            case UNIQUEIDENTIFIER -> writeGuid(w, v instanceof UUID u ? u : UUID.fromString(v.toString()));
            default -> throw new IllegalArgumentException("no TDS mapping for " + type);
        }
    }

    private static void writeVariable(PacketWriter w, boolean plp, byte[] bytes) throws IOException {
        if (!plp) {
            w.writeShort(bytes == null ? 0xFFFF : bytes.length);
            if (bytes != null) {
                w.writeBytes(bytes);
            }
            return;
        }
        if (bytes == null) {
            w.writeLong(-1L); // PLP NULL
            return;
        }
        w.writeLong(bytes.length);
        if (bytes.length > 0) {
            w.writeInt(bytes.length); // one chunk
            w.writeBytes(bytes);
        }
        w.writeInt(0); // PLP terminator
    }

    private static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d.scale() < 0 ? d.setScale(0) : d;
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return new BigDecimal(v.toString());
    }

    private static void writeDecimal(PacketWriter w, BigDecimal d) throws IOException {
        byte[] be = d.unscaledValue().abs().toByteArray();
        if (be.length > 17 || (be.length == 17 && be[0] != 0)) {
            throw new IllegalArgumentException("decimal value does not fit numeric(38): " + d);
        }
        w.writeByte(17);
        w.writeByte(d.signum() < 0 ? 0 : 1);
        for (int i = 0; i < 16; i++) {
            int index = be.length - 1 - i;
            w.writeByte(index >= 0 ? be[index] : 0);
        }
    }

    private static void writeGuid(PacketWriter w, UUID u) throws IOException {
        w.writeByte(16);
        long msb = u.getMostSignificantBits();
        w.writeInt((int) (msb >>> 32)); // the first three groups are little-endian on the wire
        w.writeShort((int) (msb >>> 16));
        w.writeShort((int) msb);
        long lsb = u.getLeastSignificantBits();
        for (int i = 7; i >= 0; i--) {
            w.writeByte((int) (lsb >>> (8 * i)));
        }
    }
}
