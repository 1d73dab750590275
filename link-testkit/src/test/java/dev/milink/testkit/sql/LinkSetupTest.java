package dev.milink.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.testkit.sql.catalog.AvailabilityGroupInfo;
import dev.milink.testkit.sql.catalog.CatalogSnapshot;
import dev.milink.testkit.sql.catalog.HadrEvent;
import dev.milink.testkit.tls.TestCertificates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkSetupTest extends SqlTestSupport {

    static final String MI_FQDN = "mi-one.abc123.database.windows.net";
    static final String ENDPOINT = "CREATE ENDPOINT database_mirroring_endpoint STATE = STARTED "
            + "AS TCP (LISTENER_PORT = 5022, LISTENER_IP = ALL) FOR DATABASE_MIRRORING (ROLE = ALL, "
            + "AUTHENTICATION = CERTIFICATE [Cert_SQLBOX01_endpoint], ENCRYPTION = REQUIRED ALGORITHM AES)";
    static final String AG = "CREATE AVAILABILITY GROUP [AG_SalesDb] WITH (CLUSTER_TYPE = NONE) FOR DATABASE [SalesDb] "
            + "REPLICA ON N'SQLBOX01' WITH (ENDPOINT_URL = N'TCP://10.0.0.4:5022', "
            + "AVAILABILITY_MODE = SYNCHRONOUS_COMMIT, FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC)";
    static final String DAG = "CREATE AVAILABILITY GROUP [DAG1_SalesDb] WITH (DISTRIBUTED) AVAILABILITY GROUP ON "
            + "N'AG_SalesDb' WITH (LISTENER_URL = N'TCP://10.0.0.4:5022', AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT, "
            + "FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC, SESSION_TIMEOUT = 20), "
            + "N'AG_SalesDb_MI' WITH (LISTENER_URL = N'tcp://" + MI_FQDN + ":5022;Server=[mi-one]', "
            + "AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT, FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC);";

    final List<HadrEvent> events = new ArrayList<>();

    @BeforeEach
    void setUp() throws SqlError {
        open(standard().build());
        server.catalog().addListener(events::add);
    }

    void trust() {
        String miCert = HexFormat.of().formatHex(TestCertificates.endpoint(MI_FQDN,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")).encoded());
        ok("USE master;\nIF NOT EXISTS (SELECT * FROM sys.symmetric_keys WHERE symmetric_key_id = 101)\n"
                + "    CREATE MASTER KEY ENCRYPTION BY PASSWORD = '<strong_password>';\n"
                + "CREATE CERTIFICATE [Cert_SQLBOX01_endpoint] WITH SUBJECT = 'Certificate for Cert_SQLBOX01_endpoint', "
                + "EXPIRY_DATE = '03/30/2027';\nCREATE CERTIFICATE [" + MI_FQDN + "] FROM BINARY = 0x" + miCert);
    }

    void fullSetup() {
        trust();
        ok(ENDPOINT);
        ok(AG);
        ok(DAG);
    }

    @Test
    void fullSqlServerSideSetupShowsInDmvs() {
        fullSetup();
        SqlResult.Rows ep = rows("SELECT name, type_desc, state_desc, role_desc, connection_auth_desc, "
                + "is_encryption_enabled, encryption_algorithm_desc FROM sys.database_mirroring_endpoints "
                + "WHERE type_desc = 'DATABASE_MIRRORING'");
        assertThat(ep.rows()).containsExactly(List.of("database_mirroring_endpoint", "DATABASE_MIRRORING", "STARTED",
                "ALL", "CERTIFICATE", true, "AES"));
        assertThat(scalar("SELECT port FROM sys.tcp_endpoints WHERE type_desc = 'DATABASE_MIRRORING'")).isEqualTo(5022);
        SqlResult.Rows groups = rows("SELECT name, is_distributed, cluster_type_desc FROM sys.availability_groups "
                + "ORDER BY name");
        assertThat(groups.rows()).containsExactly(List.of("AG_SalesDb", false, "none"),
                List.of("DAG1_SalesDb", true, "none"));
        UUID dagId = (UUID) scalar("SELECT group_id FROM sys.availability_groups WHERE name = 'DAG1_SalesDb'");
        SqlResult.Rows replicas = rows("SELECT replica_server_name, endpoint_url, availability_mode_desc, "
                + "seeding_mode_desc FROM sys.availability_replicas WHERE group_id = @P0 ORDER BY replica_server_name",
                dagId);
        assertThat(replicas.rows()).extracting(r -> r.get(0)).containsExactly("AG_SalesDb", "AG_SalesDb_MI");
        assertThat(replicas.rows().get(1).get(1)).isEqualTo("tcp://" + MI_FQDN + ":5022;Server=[mi-one]");
        SqlResult.Rows states = rows("SELECT is_local, role, role_desc, connected_state_desc "
                + "FROM sys.dm_hadr_availability_replica_states WHERE group_id = @P0 ORDER BY is_local", dagId);
        assertThat(states.rows()).containsExactly(List.of(false, 2, "SECONDARY", "DISCONNECTED"),
                List.of(true, 1, "PRIMARY", "CONNECTED"));
        assertThat(scalar("SELECT COUNT(*) FROM sys.availability_databases_cluster WHERE database_name = N'SalesDb'"))
                .isEqualTo(2);
        assertThat(rows("SELECT synchronization_state_desc FROM sys.dm_hadr_database_replica_states "
                + "WHERE group_id = @P0 AND is_local = 0", dagId).rows()).containsExactly(List.of("NOT SYNCHRONIZING"));
        assertThat(scalar("SELECT replica_id FROM sys.databases WHERE name = 'SalesDb'")).isNotNull();
        assertThat(events).extracting(HadrEvent::type).contains(HadrEvent.Type.AG_CREATED, HadrEvent.Type.DAG_CREATED);
        assertThat(ok("EXEC sp_get_endpoint_certificate 4").stream().filter(r -> r instanceof SqlResult.Rows)
                .map(r -> ((SqlResult.Rows) r).rows().get(0).get(0)).findFirst().orElseThrow()).isInstanceOf(byte[].class);
    }

    @Test
    void endpointRules() {
        trust();
        ok(ENDPOINT);
        assertThat(errorNumber(ENDPOINT)).isEqualTo(7862);
        assertThat(errorNumber(ENDPOINT.replace("database_mirroring_endpoint", "second"))).isEqualTo(7862);
        assertThat(errorNumber("DROP CERTIFICATE [Cert_SQLBOX01_endpoint]")).isEqualTo(15352);
        ok("ALTER ENDPOINT [database_mirroring_endpoint] STATE = STARTED AS TCP (LISTENER_PORT = 5023, LISTENER_IP = ALL) "
                + "FOR DATABASE_MIRRORING (ROLE = ALL, AUTHENTICATION = WINDOWS NEGOTIATE CERTIFICATE "
                + "[Cert_SQLBOX01_endpoint], ENCRYPTION = REQUIRED ALGORITHM AES RC4)");
        assertThat(rows("SELECT connection_auth_desc, encryption_algorithm_desc FROM sys.database_mirroring_endpoints")
                .rows()).containsExactly(List.of("NEGOTIATE, CERTIFICATE", "AES, RC4"));
        assertThat(scalar("SELECT port FROM sys.tcp_endpoints WHERE name = 'database_mirroring_endpoint'")).isEqualTo(5023);
        assertThat(errorNumber("ALTER ENDPOINT [nope] STATE = STOPPED")).isEqualTo(15151);
        ok("DROP ENDPOINT [database_mirroring_endpoint]");
        assertThat(errorNumber("DROP ENDPOINT [database_mirroring_endpoint]")).isEqualTo(15151);
        ok("DROP CERTIFICATE [Cert_SQLBOX01_endpoint]");
    }

    @Test
    void availabilityGroupPrerequisites() throws SqlError {
        open(standard().hadrEnabled(false).build());
        assertThat(errorNumber(AG)).isEqualTo(35221);
        open(standard().build());
        assertThat(errorNumber(AG)).isEqualTo(41158);
        trust();
        ok(ENDPOINT);
        CatalogSnapshot before = server.catalog().snapshot();
        assertThat(errorNumber(AG.replace("[SalesDb]", "[SimpleDb]"))).isEqualTo(1475);
        ok("ALTER DATABASE [SimpleDb] SET RECOVERY FULL");
        assertThat(errorNumber(AG.replace("[SalesDb]", "[SimpleDb]"))).isEqualTo(1475);
        ok("BACKUP DATABASE [SimpleDb] TO DISK = N'NUL' WITH COPY_ONLY");
        assertThat(errorNumber(AG.replace("[SalesDb]", "[SimpleDb]"))).isEqualTo(1475);
        ok("BACKUP DATABASE [SimpleDb] TO DISK = N'C:\\b\\s.bak' WITH CHECKSUM, COMPRESSION, STATS = 10");
        assertThat(errorNumber(AG.replace("[SalesDb]", "[NoDb]"))).isEqualTo(911);
        assertThat(errorNumber(AG.replace("N'SQLBOX01'", "N'OTHERBOX'"))).isEqualTo(35237);
        assertThat(server.catalog().snapshot().groups()).isEqualTo(before.groups());
        ok(AG);
        assertThat(errorNumber(AG)).isEqualTo(41042);
        assertThat(errorNumber(AG.replace("[AG_SalesDb]", "[AG2]"))).isEqualTo(41145);
        assertThat(errorNumber("ALTER DATABASE [SalesDb] SET RECOVERY SIMPLE")).isEqualTo(1468);
        ok("ALTER AVAILABILITY GROUP [AG_SalesDb] GRANT CREATE ANY DATABASE");
        assertThat(server.catalog().groups().group("ag_salesdb")).map(AvailabilityGroupInfo::createAnyDatabaseGranted)
                .contains(true);
        assertThat(errorNumber("DROP AVAILABILITY GROUP [nope]")).isEqualTo(15151);
    }

    @Test
    void emptyAgForManagedInstancePrimary() {
        trust();
        ok(ENDPOINT);
        ok("CREATE AVAILABILITY GROUP [AG_Remote] WITH (CLUSTER_TYPE = NONE) FOR REPLICA ON N'SQLBOX01' WITH ("
                + "ENDPOINT_URL = N'TCP://10.0.0.4:5022', FAILOVER_MODE = MANUAL, AVAILABILITY_MODE = SYNCHRONOUS_COMMIT, "
                + "SEEDING_MODE = AUTOMATIC); ALTER AVAILABILITY GROUP [AG_Remote] GRANT CREATE ANY DATABASE;");
        ok(DAG.replace("AG_SalesDb'", "AG_Remote'").replace("Server=[mi-one]", "Server=[mi-one];Database=[Remote]"));
        assertThat(scalar("SELECT role_desc FROM sys.dm_hadr_availability_replica_states WHERE is_local = 1 AND "
                + "group_id = (SELECT group_id FROM sys.availability_groups WHERE name = 'DAG1_SalesDb')"))
                .isEqualTo("SECONDARY");
        assertThat(errorNumber(DAG.replace("[DAG1_SalesDb]", "[DAG2]").replace("N'AG_SalesDb'", "N'NoSuchAg'")))
                .isEqualTo(15151);
    }

    @Test
    void plannedFailoverNeedsSynchronizedPrimary() {
        fullSetup();
        ok("ALTER AVAILABILITY GROUP [DAG1_SalesDb] MODIFY AVAILABILITY GROUP ON N'AG_SalesDb' WITH "
                + "(AVAILABILITY_MODE = SYNCHRONOUS_COMMIT), N'AG_SalesDb_MI' WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT)");
        assertThat(rows("SELECT availability_mode_desc FROM sys.availability_replicas WHERE replica_server_name "
                + "LIKE 'AG[_]SalesDb%' AND group_id = (SELECT group_id FROM sys.availability_groups WHERE "
                + "is_distributed = 1)").rows()).containsOnly(List.of("SYNCHRONOUS_COMMIT"));
        assertThat(errorNumber("ALTER AVAILABILITY GROUP [DAG1_SalesDb] MODIFY AVAILABILITY GROUP ON N'x' WITH "
                + "(AVAILABILITY_MODE = SYNCHRONOUS_COMMIT)")).isEqualTo(35223);
        assertThat(errorNumber("ALTER AVAILABILITY GROUP [DAG1_SalesDb] FAILOVER")).isEqualTo(41142);
        assertThat(errorNumber("ALTER AVAILABILITY GROUP [DAG1_SalesDb] FORCE_FAILOVER_ALLOW_DATA_LOSS")).isEqualTo(41122);
        server.catalog().groups().setReplicaConnection("DAG1_SalesDb", "AG_SalesDb_MI", "CONNECTED", "HEALTHY", null,
                null);
        server.catalog().groups().setSynchronization("DAG1_SalesDb", "SalesDb", "SYNCHRONIZED", "HEALTHY");
        events.clear();
        ok("ALTER AVAILABILITY GROUP [DAG1_SalesDb] FAILOVER");
        assertThat(events).extracting(HadrEvent::type).contains(HadrEvent.Type.FAILOVER_REQUESTED);
        assertThat(scalar("SELECT role_desc FROM sys.dm_hadr_availability_replica_states rs WHERE rs.is_local = 1 "
                + "AND rs.group_id = (SELECT group_id FROM sys.availability_groups WHERE name = N'DAG1_SalesDb')"))
                .isEqualTo("SECONDARY");
        assertThat(errorNumber("INSERT INTO SalesDb.dbo.Orders VALUES (3, 'plum')")).isEqualTo(3906);
        assertThat(errorNumber("ALTER AVAILABILITY GROUP [DAG1_SalesDb] FAILOVER")).isEqualTo(41142);
        ok("ALTER AVAILABILITY GROUP [DAG1_SalesDb] FORCE_FAILOVER_ALLOW_DATA_LOSS");
        assertThat(events).extracting(HadrEvent::type).contains(HadrEvent.Type.FORCED_FAILOVER_REQUESTED);
        ok("INSERT INTO SalesDb.dbo.Orders VALUES (3, 'plum')");
        ok("ALTER AVAILABILITY GROUP [DAG1_SalesDb] SET (ROLE = SECONDARY)");
        assertThat(events).extracting(HadrEvent::type).contains(HadrEvent.Type.ROLE_SET);
        assertThat(server.catalog().groups().isSecondary("SalesDb")).isTrue();
    }

    @Test
    void dropDagThenAg() {
        fullSetup();
        ok("DROP AVAILABILITY GROUP [DAG1_SalesDb]; DROP AVAILABILITY GROUP [AG_SalesDb];");
        assertThat(events).extracting(HadrEvent::type).contains(HadrEvent.Type.DAG_DROPPED, HadrEvent.Type.AG_DROPPED);
        assertThat(rows("SELECT * FROM sys.availability_groups").rows()).isEmpty();
        assertThat(rows("SELECT * FROM sys.dm_hadr_database_replica_states").rows()).isEmpty();
        assertThat(scalar("SELECT replica_id FROM sys.databases WHERE name = 'SalesDb'")).isNull();
    }
}
