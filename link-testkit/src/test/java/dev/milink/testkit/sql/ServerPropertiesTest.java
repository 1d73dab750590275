package dev.milink.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerPropertiesTest extends SqlTestSupport {

    @Test
    void sqlServerFlavor() throws SqlError {
        open(standard().build());
        SqlResult.Rows r = rows("SELECT SERVERPROPERTY('ProductVersion') AS v, SERVERPROPERTY('EngineEdition') AS e, "
                + "SERVERPROPERTY('IsHadrEnabled') h, SERVERPROPERTY('Edition'), SERVERPROPERTY('Collation'), "
                + "SERVERPROPERTY('ServerName'), SERVERPROPERTY('MachineName'), SERVERPROPERTY('ProductLevel'), "
                + "SERVERPROPERTY('ProductUpdateLevel'), @@SERVERNAME");
        assertThat(r.rows().get(0)).containsExactly("16.0.4175.1", 3, 1, "Enterprise Edition (64-bit)",
                "SQL_Latin1_General_CP1_CI_AS", "SQLBOX01", "SQLBOX01", "RTM", "CU17", "SQLBOX01");
        assertThat(r.columns().get(1).type()).isEqualTo(SqlType.INT);
        assertThat((String) scalar("SELECT @@VERSION")).startsWith("Microsoft SQL Server 2022 (RTM-CU17)")
                .contains(" - 16.0.4175.1 (X64)");
    }

    @Test
    void standardEditionAndHadrOff() throws SqlError {
        open(SimulatedSqlServer.builder().edition("Standard Edition (64-bit)").productVersion("15.0.4415.2")
                .login("sa", PASSWORD, true).build());
        assertThat(scalar("SELECT SERVERPROPERTY('EngineEdition')")).isEqualTo(2);
        assertThat(scalar("SELECT SERVERPROPERTY('IsHadrEnabled')")).isEqualTo(0);
        assertThat((String) scalar("SELECT @@VERSION")).startsWith("Microsoft SQL Server 2019 (RTM-CU30)");
        assertThat(scalar("SELECT SERVERPROPERTY('ProductUpdateLevel')")).isEqualTo("CU30");
    }

    @Test
    void updateLevelIsDerivedFromTheBuild() throws SqlError {
        open(standard().productVersion("16.0.4135.4").build());
        assertThat((String) scalar("SELECT @@VERSION")).startsWith("Microsoft SQL Server 2022 (RTM-CU14)")
                .contains(" - 16.0.4135.4 (X64)");
        open(standard().productVersion("16.0.1000.6").build());
        assertThat((String) scalar("SELECT @@VERSION")).startsWith("Microsoft SQL Server 2022 (RTM) (KB");
        assertThat(scalar("SELECT SERVERPROPERTY('ProductUpdateLevel')")).isNull();
    }

    @Test
    void managedInstanceFlavor() throws SqlError {
        open(SimulatedSqlServer.builder().serverName("mi-one").flavor(Flavor.MANAGED_INSTANCE)
                .login("sa", PASSWORD, true).build());
        SqlResult.Rows r = rows("SELECT SERVERPROPERTY('EngineEdition'), SERVERPROPERTY('ProductVersion'), @@VERSION");
        assertThat(r.rows().get(0).get(0)).isEqualTo(8);
        assertThat(r.rows().get(0).get(1)).isEqualTo("12.0.2000.8");
        assertThat((String) r.rows().get(0).get(2)).startsWith("Microsoft Azure SQL Managed Instance");
        assertThat(scalar("SELECT SERVERPROPERTY('IsHadrEnabled')")).isEqualTo(1);
    }

    @Test
    void traceFlagsAndLogSpace() throws SqlError {
        open(standard().build());
        SqlResult.Rows t = rows("DBCC TRACESTATUS(-1)");
        assertThat(t.columns()).extracting(SqlResult.Column::name).containsExactly("TraceFlag", "Status", "Global",
                "Session");
        assertThat(t.rows()).containsExactly(List.of(1800, 1, 1, 0), List.of(9567, 1, 1, 0));
        List<SqlResult> on = ok("DBCC TRACEON(3226, -1)");
        assertThat(on).anyMatch(x -> x instanceof SqlResult.Info i && i.number() == 2528);
        assertThat(rows("DBCC TRACESTATUS").rows()).hasSize(3);
        assertThat(rows("DBCC TRACESTATUS (3226) WITH NO_INFOMSGS").rows()).containsExactly(List.of(3226, 1, 1, 0));
        SqlResult.Rows log = rows("DBCC SQLPERF(LOGSPACE)");
        assertThat(log.columns()).extracting(SqlResult.Column::name).containsExactly("Database Name", "Log Size (MB)",
                "Log Space Used (%)", "Status");
        assertThat(log.rows()).extracting(x -> x.get(0)).contains("SalesDb", "master");
        assertThat(errorNumber("DBCC CHECKDB")).isEqualTo(2526);
    }
}
