package dev.milink.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.testkit.sql.catalog.BackupInfo;
import dev.milink.testkit.sql.catalog.HadrEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkloadTest extends SqlTestSupport {

    @BeforeEach
    void setUp() throws SqlError {
        open(standard().build());
    }

    @Test
    void insertAdvancesLsnAndCounts() {
        BigDecimal before = server.catalog().database("SalesDb").orElseThrow().endOfLogLsn();
        List<SqlResult> r = ok("INSERT INTO [SalesDb].dbo.[Orders] (id, item) VALUES (3, N'plum'), (4, N'fig')");
        assertThat(r).containsExactly(new SqlResult.UpdateCount(2));
        ok("USE SalesDb; INSERT INTO Orders VALUES (5, NULL)");
        assertThat(scalar("SELECT COUNT(*) FROM [SalesDb].dbo.[Orders]")).isEqualTo(5);
        assertThat(scalar("SELECT MAX(id) FROM SalesDb.dbo.Orders")).isEqualTo(5);
        assertThat(scalar("SELECT COUNT(item) FROM SalesDb.dbo.Orders")).isEqualTo(4);
        assertThat(rows("SELECT * FROM SalesDb.dbo.Orders WHERE item IS NULL").rows()).containsExactly(
                java.util.Arrays.asList(5, null));
        BigDecimal after = server.catalog().database("SalesDb").orElseThrow().endOfLogLsn();
        assertThat(after).isGreaterThan(before);
        assertThat(ok("SET NOCOUNT ON; INSERT INTO Orders (id) VALUES (6)")).isEmpty();
        assertThat(errorNumber("INSERT INTO Orders (nope) VALUES (1)")).isEqualTo(207);
        assertThat(errorNumber("INSERT INTO Orders VALUES (1)")).isEqualTo(213);
        assertThat(errorNumber("INSERT INTO Orders (id, item) VALUES (1)")).isEqualTo(109);
        assertThat(errorNumber("INSERT INTO NoTable VALUES (1)")).isEqualTo(208);
    }

    @Test
    void createTableAndDatabase() {
        ok("CREATE DATABASE [Fresh]; CREATE TABLE [Fresh].dbo.[Items] (id int NOT NULL PRIMARY KEY, "
                + "name nvarchar(50) NULL, price decimal(10, 2))");
        ok("INSERT INTO Fresh.dbo.Items (id, name, price) VALUES (1, N'a', 1.50)");
        assertThat(rows("SELECT id, name, price FROM Fresh.dbo.Items").rows())
                .containsExactly(List.of(1, "a", new BigDecimal("1.50")));
        assertThat(errorNumber("CREATE DATABASE [fresh]")).isEqualTo(1801);
        assertThat(errorNumber("CREATE TABLE Fresh.dbo.Items (x int)")).isEqualTo(2714);
    }

    @Test
    void lsnDmvFollowsWorkload() {
        LinkSetupTest helper = new LinkSetupTest();
        helper.server = server;
        helper.session = session;
        helper.fullSetup();
        ok("INSERT INTO SalesDb.dbo.Orders VALUES (10, 'kiwi')");
        SqlResult.Rows r = rows("SELECT end_of_log_lsn, last_hardened_lsn, last_commit_lsn, last_commit_time "
                + "FROM sys.dm_hadr_database_replica_states WHERE is_local = 1 AND database_id = DB_ID(N'SalesDb') "
                + "AND group_id = (SELECT group_id FROM sys.availability_groups WHERE name = 'DAG1_SalesDb')");
        BigDecimal lsn = server.catalog().database("SalesDb").orElseThrow().endOfLogLsn();
        assertThat(r.rows().get(0).subList(0, 3)).containsExactly(lsn, lsn, lsn);
        assertThat(r.columns().get(0).type()).isEqualTo(SqlType.DECIMAL);
        assertThat(r.rows().get(0).get(3)).isEqualTo(java.time.LocalDateTime.of(2026, 1, 15, 10, 0));
        server.catalog().groups().setRemoteLsn("DAG1_SalesDb", "SalesDb", lsn);
        assertThat(scalar("SELECT last_hardened_lsn FROM sys.dm_hadr_database_replica_states WHERE is_local = 0 "
                + "AND group_id = (SELECT group_id FROM sys.availability_groups WHERE name = 'DAG1_SalesDb')"))
                .isEqualTo(lsn);
    }

    @Test
    void backupsLandInMsdbAndLogBackupDuringSeedingIsFlagged() {
        List<HadrEvent> events = new ArrayList<>();
        server.catalog().addListener(events::add);
        assertThat(errorNumber("BACKUP LOG [SimpleDb] TO DISK = N'x'")).isEqualTo(4208);
        ok("BACKUP DATABASE [SalesDb] TO DISK = N'C:\\b\\full.bak' WITH CHECKSUM, INIT");
        ok("BACKUP DATABASE [SalesDb] TO DISK = N'C:\\b\\diff.bak' WITH DIFFERENTIAL");
        ok("BACKUP LOG [SalesDb] TO DISK = N'C:\\b\\l1.trn'");
        SqlResult.Rows r = rows("SELECT database_name, type, is_copy_only FROM msdb.dbo.backupset "
                + "WHERE database_name = N'SalesDb' ORDER BY backup_set_id");
        assertThat(r.rows()).containsExactly(List.of("SalesDb", "D", false), List.of("SalesDb", "D", false),
                List.of("SalesDb", "I", false), List.of("SalesDb", "L", false));
        assertThat(scalar("SELECT COUNT(*) FROM msdb.dbo.backupset WHERE type = 'D' AND is_copy_only = 0 "
                + "AND database_name = 'SalesDb'")).isEqualTo(2);
        LinkSetupTest helper = new LinkSetupTest();
        helper.server = server;
        helper.session = session;
        helper.fullSetup();
        server.catalog().groups().startSeeding("DAG1_SalesDb", "SalesDb", "AG_SalesDb_MI", 512L << 20, true);
        ok("BACKUP LOG [SalesDb] TO DISK = N'C:\\b\\l2.trn'");
        assertThat(server.catalog().backups()).extracting(BackupInfo::duringSeeding).endsWith(true);
        assertThat(events).extracting(HadrEvent::type).contains(HadrEvent.Type.LOG_BACKUP_DURING_SEEDING);
        ok("BACKUP LOG [SalesDb] TO DISK = N'C:\\b\\tail.trn' WITH NORECOVERY");
        assertThat(scalar("SELECT state_desc FROM sys.databases WHERE name = 'SalesDb'")).isEqualTo("RESTORING");
        assertThat(errorNumber("INSERT INTO SalesDb.dbo.Orders VALUES (9, 'x')")).isEqualTo(976);
        assertThat(errorNumber("BACKUP DATABASE [Nope] TO DISK = 'x'")).isEqualTo(911);
    }

    @Test
    void databaseViews() {
        SqlResult.Rows db = rows("SELECT name, recovery_model_desc, state_desc, collation_name, is_encrypted, "
                + "is_broker_enabled FROM sys.databases WHERE name = 'SalesDb'");
        assertThat(db.rows()).containsExactly(List.of("SalesDb", "FULL", "ONLINE", "SQL_Latin1_General_CP1_CI_AS",
                false, false));
        ok("ALTER DATABASE [SalesDb] SET ENABLE_BROKER WITH ROLLBACK IMMEDIATE");
        assertThat(scalar("SELECT is_broker_enabled FROM sys.databases WHERE name = 'SalesDb'")).isEqualTo(true);
        assertThat(scalar("SELECT COUNT(*) FROM SalesDb.sys.database_files WHERE type = 1")).isEqualTo(1);
        assertThat(rows("SELECT file_id, type_desc FROM sys.master_files WHERE database_id = DB_ID('SalesDb')").rows())
                .containsExactly(List.of(1, "ROWS"), List.of(2, "LOG"));
        assertThat(errorNumber("ALTER DATABASE [Nope] SET RECOVERY FULL")).isEqualTo(5011);
    }
}
