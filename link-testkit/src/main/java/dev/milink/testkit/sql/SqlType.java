package dev.milink.testkit.sql;

/**
 * The column types the simulated servers return, with the Java type a row value must have.
 */
public enum SqlType {
    /** {@code int}; Integer. */
    INT,
    /** {@code bigint}; Long. */
    BIGINT,
    /** {@code smallint}; Integer. */
    SMALLINT,
    /** {@code tinyint}; Integer. */
    TINYINT,
    /** {@code bit}; Boolean. */
    BIT,
    /** {@code nvarchar(4000)}; String. */
    NVARCHAR,
    /** {@code nvarchar(max)}; String (sent as PLP). */
    NVARCHAR_MAX,
    /** {@code varbinary(8000)}; byte[]. */
    VARBINARY,
    /** {@code varbinary(max)}; byte[] (sent as PLP). */
    VARBINARY_MAX,
    /** {@code numeric(25,0)}, as used for LSNs; java.math.BigDecimal. */
    DECIMAL,
    /** {@code float}; Double. */
    FLOAT,
    /** {@code datetime2(7)}; java.time.LocalDateTime. */
    DATETIME2,
    /** {@code datetimeoffset(7)}; java.time.OffsetDateTime. */
    DATETIMEOFFSET,
    /** {@code uniqueidentifier}; java.util.UUID. */
    UNIQUEIDENTIFIER
}
