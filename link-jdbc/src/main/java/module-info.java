/**
 * milink's SQL Server adapter: {@link dev.milink.jdbc.JdbcSqlServerPort} runs exactly the statements
 * {@code dev.milink.tsql.TsqlScript} renders, over mssql-jdbc, and reads SQL Server's state with the
 * renderer's one observation batch. The only milink module that depends on a JDBC driver.
 */
module dev.milink.jdbc {
    requires transitive dev.milink.api;
    requires transitive java.sql;
    requires dev.milink.tsql;
    requires com.microsoft.sqlserver.jdbc;
    requires java.naming;
    requires org.slf4j;

    exports dev.milink.jdbc;
}
