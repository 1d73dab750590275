package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** Comparison, conversion and typing of runtime values (case-insensitive collation for strings). */
final class Values {

    private Values() {
    }

    static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof Number n) {
            return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
                    : BigDecimal.valueOf(n.longValue());
        }
        return null;
    }

    /** @return negative, zero, positive; both non-null */
    static int compare(Object a, Object b) throws SqlError {
        BigDecimal da = decimal(a);
        BigDecimal db = decimal(b);
        if (da != null && db != null) {
            return da.compareTo(db);
        }
        if (da != null && b instanceof String s) {
            return da.compareTo(parseNumber(s));
        }
        if (db != null && a instanceof String s) {
            return parseNumber(s).compareTo(db);
        }
        if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
            return x.compareTo(y);
        }
        if (a instanceof LocalDateTime x && b instanceof String s) {
            return x.compareTo(parseDate(s));
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compare(x, y);
        }
        return text(a).compareToIgnoreCase(text(b));
    }

    /** Total order for ORDER BY: NULL first, numbers numerically, everything else by case-insensitive text. */
    static int sortCompare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        BigDecimal da = decimal(a);
        BigDecimal db = decimal(b);
        if (da != null && db != null) {
            return da.compareTo(db);
        }
        if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
            return x.compareTo(y);
        }
        return text(a).compareToIgnoreCase(text(b));
    }

    private static BigDecimal parseNumber(String s) throws SqlError {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw Errors.error(245, "Conversion failed when converting the nvarchar value '" + s
                    + "' to data type int.");
        }
    }

    static String text(Object v) {
        if (v instanceof byte[] b) {
            return "0x" + HexFormat.of().withUpperCase().formatHex(b);
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }

    /** Accepts yyyymmdd, yyyy-mm-dd[ hh:mm:ss[.fff]], MM/DD/YYYY. */
    static LocalDateTime parseDate(String s) throws SqlError {
        String t = s.trim();
        try {
            if (t.matches("\\d{8}")) {
                return LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
            }
            if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(t, DateTimeFormatter.ofPattern("M/d/yyyy")).atStartOfDay();
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t).atStartOfDay();
            }
            return LocalDateTime.parse(t.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw Errors.error(241, "Conversion failed when converting date and/or time from character string.");
        }
    }

    /** @return the wire type for a runtime value */
    static SqlType typeOfValue(Object v) {
        if (v instanceof Integer) {
            return SqlType.INT;
        }
        if (v instanceof Long) {
            return SqlType.BIGINT;
        }
        if (v instanceof Boolean) {
            return SqlType.BIT;
        }
        if (v instanceof BigDecimal) {
            return SqlType.DECIMAL;
        }
        if (v instanceof Double || v instanceof Float) {
            return SqlType.FLOAT;
        }
        if (v instanceof byte[]) {
            return SqlType.VARBINARY_MAX;
        }
        if (v instanceof LocalDateTime) {
            return SqlType.DATETIME2;
        }
        if (v instanceof OffsetDateTime) {
            return SqlType.DATETIMEOFFSET;
        }
        if (v instanceof UUID) {
            return SqlType.UNIQUEIDENTIFIER;
        }
        return SqlType.NVARCHAR;
    }

    /** @return the SqlType for a T-SQL type name such as {@code NVARCHAR(MAX)} */
    static SqlType typeOfName(String name) throws SqlError {
        String base = name.replaceAll("\\(.*", "").toUpperCase(Locale.ROOT);
        boolean max = name.toUpperCase(Locale.ROOT).contains("(MAX)");
        return switch (base) {
            case "INT" -> SqlType.INT;
            case "BIGINT" -> SqlType.BIGINT;
            case "SMALLINT" -> SqlType.SMALLINT;
            case "TINYINT" -> SqlType.TINYINT;
            case "BIT" -> SqlType.BIT;
            case "NVARCHAR", "VARCHAR", "NCHAR", "CHAR", "SYSNAME", "SQL_VARIANT" -> max ? SqlType.NVARCHAR_MAX
                    : SqlType.NVARCHAR;
            case "VARBINARY", "BINARY" -> max ? SqlType.VARBINARY_MAX : SqlType.VARBINARY;
            case "DECIMAL", "NUMERIC" -> SqlType.DECIMAL;
            case "FLOAT", "REAL" -> SqlType.FLOAT;
            case "DATETIME2", "DATETIME", "DATE", "SMALLDATETIME" -> SqlType.DATETIME2;
            case "DATETIMEOFFSET" -> SqlType.DATETIMEOFFSET;
            case "UNIQUEIDENTIFIER" -> SqlType.UNIQUEIDENTIFIER;
            default -> throw Errors.error(2715, "Column, parameter, or variable #1: Cannot find data type " + base + ".");
        };
    }

    /** Converts a value to the Java type of {@code type} (CAST / DECLARE semantics). */
    static Object convert(Object v, SqlType type) throws SqlError {
        if (v == null) {
            return null;
        }
        try {
            return switch (type) {
                case INT, SMALLINT, TINYINT -> v instanceof String s ? Integer.valueOf(s.trim())
                        : Integer.valueOf(decimal(v).intValueExact());
                case BIGINT -> v instanceof String s ? Long.valueOf(s.trim()) : Long.valueOf(decimal(v).longValueExact());
                case BIT -> v instanceof String s ? !"0".equals(s.trim()) && !"false".equalsIgnoreCase(s.trim())
                        : decimal(v).signum() != 0;
                case DECIMAL -> v instanceof String s ? new BigDecimal(s.trim()) : decimal(v);
                case FLOAT -> v instanceof String s ? Double.valueOf(s.trim()) : decimal(v).doubleValue();
                case NVARCHAR, NVARCHAR_MAX -> v instanceof LocalDateTime d ? d.toString().replace('T', ' ') : text(v);
                case VARBINARY, VARBINARY_MAX -> v instanceof byte[] b ? b
                        : text(v).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
                case DATETIME2 -> v instanceof LocalDateTime ? v : parseDate(text(v));
                case DATETIMEOFFSET -> v;
                case UNIQUEIDENTIFIER -> v instanceof UUID ? v : UUID.fromString(text(v));
            };
        } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
            throw Errors.error(245, "Conversion failed when converting the value '" + text(v) + "' to data type "
                    + type.name().toLowerCase(Locale.ROOT) + ".");
        } catch (IllegalArgumentException e) {
            throw Errors.error(8169, "Conversion failed when converting from a character string to uniqueidentifier.");
        }
    }

    /** T-SQL LIKE with % and _ (and [..] classes), case-insensitive. */
    static boolean like(String value, String pattern) {
        StringBuilder re = new StringBuilder("(?is)");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 1);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    String cls = pattern.substring(i + 1, end);
                    re.append('[').append(cls.startsWith("^") ? "^" + java.util.regex.Pattern.quote(cls.substring(1))
                            : java.util.regex.Pattern.quote(cls)).append(']');
                    i = end;
                }
            } else {
                re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(re.toString());
    }
}
