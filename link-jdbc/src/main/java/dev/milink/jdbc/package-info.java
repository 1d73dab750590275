/**
 * SQL Server over JDBC: the one milink package that needs a driver (mssql-jdbc).
 *
 * <p>{@link dev.milink.jdbc.JdbcSqlServerPort} implements {@link dev.milink.port.SqlServerPort}: it runs exactly the
 * batches {@code dev.milink.tsql.TsqlScript} renders for a step, never SQL of its own, and reads the whole state
 * with the renderer's one observation batch. {@link dev.milink.jdbc.SqlServerConnection} holds safe connection
 * defaults (encryption on, certificates validated, the password never in {@code toString()}), and
 * {@link dev.milink.jdbc.SqlErrorMapping} turns SQL Server error numbers into
 * {@link dev.milink.LinkException}s with a fix, marking the transient ones for retry.
 */
package dev.milink.jdbc;
