/**
 * Renders plans as T-SQL (SQLCMD scripts and per-step statements) and runs SQL Server steps over JDBC.
 */
module dev.milink.tsql {
    requires transitive dev.milink.api;
    requires dev.milink.arm;
    requires transitive java.sql;
    requires com.microsoft.sqlserver.jdbc;
    requires java.naming;
    requires static org.slf4j;

    exports dev.milink.tsql;
}
