package dev.milink.jdbc.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Result rows of the observation batch, grouped by their tag, with lenient typed accessors (servers
 * differ in the exact JDBC types they return for the same column).
 */
public final class Rows {

    private final Map<String, List<Map<String, Object>>> byTag;

    /**
     * @param byTag rows per tag; each row maps lower-case column labels to values
     */
    public Rows(Map<String, List<Map<String, Object>>> byTag) {
        this.byTag = byTag;
    }

    /**
     * @param tag a result set tag
     * @return its rows, empty when the server returned none
     */
    public List<Map<String, Object>> of(String tag) {
        return byTag.getOrDefault(tag, Collections.emptyList());
    }

    static String text(Map<String, Object> row, String column) {
        Object v = row.get(column.toLowerCase(Locale.ROOT));
        return v == null ? null : v.toString();
    }

    static long number(Map<String, Object> row, String column, long fallback) {
        Object v = row.get(column.toLowerCase(Locale.ROOT));
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v != null) {
            try {
                return new BigDecimal(v.toString().trim()).longValue();
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    static Optional<Long> optionalNumber(Map<String, Object> row, String column) {
        Object v = row.get(column.toLowerCase(Locale.ROOT));
        return v == null ? Optional.empty() : Optional.of(number(row, column, 0));
    }

    static boolean flag(Map<String, Object> row, String column) {
        return number(row, column, 0) != 0;
    }

    static BigInteger lsn(Map<String, Object> row, String column) {
        Object v = row.get(column.toLowerCase(Locale.ROOT));
        if (v == null) {
            return BigInteger.ZERO;
        }
        if (v instanceof BigDecimal d) {
            return d.toBigInteger();
        }
        if (v instanceof Number n) {
            return BigInteger.valueOf(n.longValue());
        }
        try {
            return new BigDecimal(v.toString().trim()).toBigInteger();
        } catch (NumberFormatException e) {
            return BigInteger.ZERO;
        }
    }

    static Optional<Instant> instant(Map<String, Object> row, String column) {
        Object v = row.get(column.toLowerCase(Locale.ROOT));
        if (v instanceof Timestamp t) {
            // SQL Server datetime columns carry no zone; the catalog stores UTC for the columns we read.
            return Optional.of(t.toLocalDateTime().toInstant(ZoneOffset.UTC));
        }
        if (v instanceof LocalDateTime l) {
            return Optional.of(l.toInstant(ZoneOffset.UTC));
        }
        if (v instanceof OffsetDateTime o) {
            return Optional.of(o.toInstant());
        }
        if (v instanceof java.util.Date d) {
            return Optional.of(d.toInstant());
        }
        return Optional.empty();
    }

    static Optional<byte[]> bytes(Map<String, Object> row, String column) {
        Object v = row.get(column.toLowerCase(Locale.ROOT));
        return v instanceof byte[] b ? Optional.of(b) : Optional.empty();
    }
}
