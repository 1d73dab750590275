/**
 * Renders plans as T-SQL: the SQLCMD runbook a DBA reviews, the statements of each SQL Server step and
 * the observation batch. Pure: no JDBC driver, no I/O. {@code dev.milink.jdbc} runs what it renders.
 */
module dev.milink.tsql {
    requires transitive dev.milink.api;
    requires dev.milink.arm;

    exports dev.milink.tsql;
    // The observation batch's SQL and its result tags are a contract between this renderer and the one
    // reader that parses the results: shared with that module only, never published as API.
    exports dev.milink.tsql.internal to dev.milink.jdbc;
}
