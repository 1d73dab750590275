/**
 * The {@code milink} command line: plans, scripts and (with link-core and link-azure) runs Managed Instance links.
 */
module dev.milink.cli {
    requires transitive dev.milink.api;
    requires dev.milink.tsql;
    requires transitive info.picocli;
    requires org.slf4j;
    requires com.microsoft.sqlserver.jdbc;
    requires transitive java.sql;
    requires java.naming;

    opens dev.milink.cli to info.picocli;

    exports dev.milink.cli;
}
