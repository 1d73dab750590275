package dev.milink.testkit.tds;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Decodes one RPC parameter value: TYPE_INFO ([MS-TDS] 2.2.5.4) then the value, into the Java objects
 * {@link dev.milink.testkit.sql.SqlSession#execute} promises (String, Integer, Long, Boolean, BigDecimal,
 * Double, byte[], LocalDateTime, OffsetDateTime, UUID, LocalDate, LocalTime, or null).
 */
final class ParameterDecoder {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final long PLP_NULL = -1L;

    private ParameterDecoder() {
    }

    static Object read(PayloadCursor c) {
        int type = c.readByte();
        return switch (type) {
            case 0x1F -> null; // NULLTYPE
            case 0x30 -> c.readByte(); // TINYINT
            case 0x32 -> c.readByte() != 0; // BIT
            case 0x34 -> (int) (short) c.readUnsignedShort(); // SMALLINT
            case 0x38 -> c.readInt(); // INT
            case 0x7F -> c.readLong(); // BIGINT
            case 0x3E -> Double.longBitsToDouble(c.readLong()); // FLOAT
            case 0x3B -> (double) Float.intBitsToFloat(c.readInt()); // REAL
            case 0x3D -> TemporalCodec.readDateTime(c); // DATETIME
            case 0x3A -> TemporalCodec.readSmallDateTime(c); // SMALLDATETIME
            case 0x3C -> money(c, 8);
            case 0x7A -> money(c, 4);
            case 0x26 -> integerN(c);
            case 0x68 -> bitN(c);
            case 0x6D -> floatN(c);
            case 0x6E -> moneyN(c);
            case 0x6F -> dateTimeN(c);
            case 0x24 -> guid(c);
            case 0x6A, 0x6C -> decimal(c);
            case 0x28 -> c.readByte() == 0 ? null : TemporalCodec.readDate(c);
            case 0x29 -> time(c);
            case 0x2A -> dateTime2(c);
            case 0x2B -> dateTimeOffset(c);
            case 0xA5, 0xAD -> binary(c);
            case 0xA7, 0xAF -> characters(c, false);
            case 0xE7, 0xEF -> characters(c, true);
            case 0xF1 -> xml(c);
            default -> throw new MalformedRequestException(String.format("unsupported parameter type 0x%02X", type));
        };
    }

    private static Object integerN(PayloadCursor c) {
        c.readByte(); // max length
        int len = c.readByte();
        return switch (len) {
            case 0 -> null;
            case 1 -> c.readByte();
            case 2 -> (int) (short) c.readUnsignedShort();
            case 4 -> c.readInt();
            case 8 -> c.readLong();
            default -> throw new MalformedRequestException("INTN length " + len);
        };
    }

    private static Object bitN(PayloadCursor c) {
        c.readByte();
        int len = c.readByte();
        return len == 0 ? null : c.readByte() != 0;
    }

    private static Object floatN(PayloadCursor c) {
        c.readByte();
        int len = c.readByte();
        return switch (len) {
            case 0 -> null;
            case 4 -> (double) Float.intBitsToFloat(c.readInt());
            case 8 -> Double.longBitsToDouble(c.readLong());
            default -> throw new MalformedRequestException("FLTN length " + len);
        };
    }

    private static Object moneyN(PayloadCursor c) {
        c.readByte();
        int len = c.readByte();
        return len == 0 ? null : money(c, len);
    }

    private static BigDecimal money(PayloadCursor c, int len) {
        long units;
        if (len == 4) {
            units = c.readInt();
        } else {
            long high = c.readInt();
            long low = c.readInt() & 0xFFFFFFFFL;
            units = (high << 32) | low;
        }
        return BigDecimal.valueOf(units, 4);
    }

    private static Object dateTimeN(PayloadCursor c) {
        c.readByte();
        int len = c.readByte();
        return switch (len) {
            case 0 -> null;
            case 4 -> TemporalCodec.readSmallDateTime(c);
            case 8 -> TemporalCodec.readDateTime(c);
            default -> throw new MalformedRequestException("DATETIMN length " + len);
        };
    }

    private static Object guid(PayloadCursor c) {
        c.readByte();
        int len = c.readByte();
        if (len == 0) {
            return null;
        }
        long d1 = c.readInt() & 0xFFFFFFFFL;
        long d2 = c.readUnsignedShort();
        long d3 = c.readUnsignedShort();
        long low = 0;
        for (int i = 0; i < 8; i++) {
            low = (low << 8) | c.readByte(); // the last 8 bytes are in display order
        }
        return new UUID((d1 << 32) | (d2 << 16) | d3, low);
    }

    private static Object decimal(PayloadCursor c) {
        c.readByte(); // max length
        c.readByte(); // precision
        int scale = c.readByte();
        int len = c.readByte();
        if (len == 0) {
            return null;
        }
        boolean positive = c.readByte() == 1;
        byte[] magnitudeLe = c.readBytes(len - 1);
        byte[] be = new byte[magnitudeLe.length];
        for (int i = 0; i < be.length; i++) {
            be[i] = magnitudeLe[be.length - 1 - i];
        }
        BigInteger unscaled = new BigInteger(1, be);
        return new BigDecimal(positive ? unscaled : unscaled.negate(), scale);
    }

    private static Object time(PayloadCursor c) {
        int scale = c.readByte();
        int len = c.readByte();
        return len == 0 ? null : TemporalCodec.readTime(c, scale, len);
    }

    private static Object dateTime2(PayloadCursor c) {
        int scale = c.readByte();
        int len = c.readByte();
        return len == 0 ? null : TemporalCodec.readDateTime2(c, scale, len);
    }

    private static Object dateTimeOffset(PayloadCursor c) {
        int scale = c.readByte();
        int len = c.readByte();
        return len == 0 ? null : TemporalCodec.readDateTimeOffset(c, scale, len);
    }

    private static Object binary(PayloadCursor c) {
        int max = c.readUnsignedShort();
        return max == 0xFFFF ? plp(c) : shortLengthBytes(c);
    }

    private static Object characters(PayloadCursor c, boolean unicode) {
        int max = c.readUnsignedShort();
        c.skip(5); // collation: the driver's database collation; text is decoded as CP1252 or UCS-2
        byte[] bytes = max == 0xFFFF ? plp(c) : shortLengthBytes(c);
        if (bytes == null) {
            return null;
        }
        return new String(bytes, unicode ? StandardCharsets.UTF_16LE : CP1252);
    }

    private static Object xml(PayloadCursor c) {
        if (c.readByte() != 0) {
            c.readBVarchar();
            c.readBVarchar();
            c.readUcs2(c.readUnsignedShort());
        }
        byte[] bytes = plp(c);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_16LE);
    }

    private static byte[] shortLengthBytes(PayloadCursor c) {
        int len = c.readUnsignedShort();
        return len == 0xFFFF ? null : c.readBytes(len);
    }

    /** Reads a partially length-prefixed value: total length (or NULL), then chunks up to a zero chunk. */
    private static byte[] plp(PayloadCursor c) {
        long total = c.readLong();
        if (total == PLP_NULL) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(total > 0 && total < 1 << 24 ? (int) total : 256);
        while (true) {
            int chunk = c.readInt();
            if (chunk == 0) {
                return out.toByteArray();
            }
            byte[] part = c.readBytes(chunk);
            out.write(part, 0, part.length);
        }
    }
}
