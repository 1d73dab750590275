package dev.milink.testkit.world;

import static dev.milink.testkit.world.LinkSteps.DAG;
import static dev.milink.testkit.world.LinkSteps.DB;
import static dev.milink.testkit.world.LinkSteps.rows;
import static dev.milink.testkit.world.LinkSteps.scalar;
import static dev.milink.testkit.world.LinkSteps.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole life of a SQL-Server-primary link, through the real driver and the real Azure SDK. */
@Timeout(60)
class LinkedWorldLifecycleTest {

    static final long SIZE = 100L << 20;
    /** docs/LINK-FACTS.md section 7.3 joins the two views; the simulated engine reads one table per SELECT, so a subquery does it. */
    static final String LOCAL_ROLE = "SELECT role_desc FROM sys.dm_hadr_availability_replica_states WHERE is_local = 1 "
            + "AND group_id = (SELECT group_id FROM sys.availability_groups WHERE is_distributed = 1 AND name = '" + DAG + "')";

    LinkedWorld world;
    LinkSteps steps;

    @BeforeEach
    void start() {
        world = LinkedWorld.builder().seedingBytesPerSecond(10L << 20).replicationDelay(Duration.ofSeconds(1))
                .sqlServerDatabase(DB, d -> d.recoveryFull().fullBackup().sizeBytes(SIZE).table("Orders",
                        List.of("id", "item"), List.of(List.of(1, "apple"), List.of(2, "pear"), List.of(3, "plum"))))
                .build().start();
        steps = new LinkSteps(world);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    static long count(DataSource ds) {
        return ((Number) scalar(ds, "SELECT COUNT(*) FROM SalesDb.dbo.Orders")).longValue();
    }

    @Test
    void createSeedSynchronizeFailOverFailBackAndDrop() {
        DataSource sqlDs = world.sqlServerDataSource();
        DataSource miDs = world.managedInstanceDataSource();
        steps.createSqlPrimaryLink();

        // seeding starts at once and is visible on both sides and in ARM
        assertThat(steps.armDatabase()).containsEntry("replicaState", "Seeding").containsEntry("seedingProgress", "0%")
                .containsEntry("connectedState", "CONNECTED");
        assertThat(rows(sqlDs, "SELECT current_state, is_source FROM sys.dm_hadr_automatic_seeding"))
                .containsExactly(Map.of("current_state", "SEEDING", "is_source", true));
        assertThat(rows(sqlDs, "SELECT rs.connected_state_desc FROM sys.dm_hadr_availability_replica_states rs "
                + "WHERE rs.is_local = 0")).allSatisfy(r -> assertThat(r).containsEntry("connected_state_desc", "CONNECTED"));
        assertThat(scalar(miDs, "SELECT state_desc FROM sys.databases WHERE name = 'SalesDb'")).isEqualTo("RESTORING");
        assertThat(scalar(miDs, "SELECT COUNT(*) FROM sys.availability_groups WHERE name IN ('AG_SalesDb_MI', '" + DAG + "')"))
                .isEqualTo(2);

        world.advance(Duration.ofSeconds(5));
        assertThat(scalar(sqlDs, "SELECT transferred_size_bytes FROM sys.dm_hadr_physical_seeding_stats")).isEqualTo(SIZE / 2);
        assertThat(scalar(miDs, "SELECT transferred_size_bytes FROM sys.dm_hadr_physical_seeding_stats")).isEqualTo(SIZE / 2);
        assertThat(steps.armDatabase()).containsEntry("seedingProgress", "50%");

        world.advance(Duration.ofSeconds(5));
        assertThat(steps.armDatabase()).containsEntry("replicaState", "Catchup").containsEntry("synchronizationHealth", "HEALTHY")
                .containsEntry("connectedState", "CONNECTED").containsKey("partnerAuthCertValidity");
        assertThat(scalar(sqlDs, "SELECT current_state FROM sys.dm_hadr_automatic_seeding")).isEqualTo("COMPLETED");
        assertThat(scalar(sqlDs, "SELECT synchronization_state_desc FROM sys.dm_hadr_database_replica_states WHERE is_local = 0 "
                + "AND group_id = (SELECT group_id FROM sys.availability_groups WHERE name = '" + DAG + "')"))
                .isEqualTo("SYNCHRONIZING");
        assertThat(scalar(miDs, "SELECT state_desc FROM sys.databases WHERE name = 'SalesDb'")).isEqualTo("ONLINE");
        assertThat(count(miDs)).isEqualTo(3);
        assertThat(world.arm().databases(world.subscriptionId(), world.resourceGroup(), world.managedInstanceName()))
                .contains(DB);

        // asynchronous: rows arrive after the replication delay
        Workload workload = world.workload(DB, "Orders");
        assertThat(workload.run(20)).isEqualTo(20);
        assertThat(count(miDs)).isEqualTo(3);
        world.advance(Duration.ofSeconds(1));
        assertThat(count(miDs)).isEqualTo(23);

        // synchronous: rows arrive at once
        sql(sqlDs, "ALTER AVAILABILITY GROUP [" + DAG + "] MODIFY AVAILABILITY GROUP ON 'AG_SalesDb' WITH "
                + "(AVAILABILITY_MODE = SYNCHRONOUS_COMMIT), 'AG_SalesDb_MI' WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT)");
        assertThat(workload.run(10)).isEqualTo(10);
        assertThat(count(miDs)).isEqualTo(33);
        BigLsns before = lsns(sqlDs);
        assertThat(before.local()).isEqualTo(before.remote());
        assertThat(steps.armDatabase().get("lastHardenedLsn")).isEqualTo(before.local().toPlainString());

        // planned failover to the instance: nothing lost, roles swap everywhere
        steps.failover("Planned");
        assertThat(scalar(sqlDs, LOCAL_ROLE)).isEqualTo("SECONDARY");
        assertThat(scalar(miDs, LOCAL_ROLE)).isEqualTo("PRIMARY");
        assertThat(steps.armLinkProperties()).containsEntry("instanceLinkRole", "Primary").containsEntry("partnerLinkRole", "Secondary");
        assertThat(count(miDs)).isEqualTo(3 + workload.committed());
        assertThatThrownBy(() -> sql(sqlDs, "INSERT INTO SalesDb.dbo.Orders (id, item) VALUES (99, 'x')"))
                .hasMessageStartingWith("3906");

        // the workload follows the primary; replication now runs from the instance (async again on that side)
        assertThat(workload.run(10)).isEqualTo(10);
        assertThat(workload.failures()).isEmpty();
        assertThat(count(sqlDs)).isEqualTo(33);
        world.advance(Duration.ofSeconds(1));
        assertThat(count(sqlDs)).isEqualTo(43);

        // fail back the same way
        steps.failover("Planned");
        assertThat(scalar(sqlDs, LOCAL_ROLE)).isEqualTo("PRIMARY");
        assertThat(scalar(miDs, LOCAL_ROLE)).isEqualTo("SECONDARY");
        assertThat(count(sqlDs)).isEqualTo(3 + workload.committed());

        // drop: ARM first, then SQL Server
        steps.deleteLink();
        assertThat(scalar(miDs, "SELECT COUNT(*) FROM sys.availability_groups")).isEqualTo(0);
        sql(miDs, "INSERT INTO SalesDb.dbo.Orders (id, item) VALUES (100, 'independent')");
        assertThat(scalar(sqlDs, "SELECT connected_state_desc FROM sys.dm_hadr_availability_replica_states WHERE is_local = 0 "
                + "AND group_id = (SELECT group_id FROM sys.availability_groups WHERE name = '" + DAG + "')"))
                .isEqualTo("DISCONNECTED");
        sql(sqlDs, "DROP AVAILABILITY GROUP [" + DAG + "]");
        sql(sqlDs, "INSERT INTO SalesDb.dbo.Orders (id, item) VALUES (101, 'still primary')");
        assertThat(world.arm().databases(world.subscriptionId(), world.resourceGroup(), world.managedInstanceName()))
                .contains(DB);
        assertThat(count(miDs)).isEqualTo(44);
        assertThat(count(sqlDs)).isEqualTo(44);
    }

    record BigLsns(java.math.BigDecimal local, java.math.BigDecimal remote) {
    }

    static BigLsns lsns(DataSource ds) {
        List<Map<String, Object>> r = rows(ds, "SELECT is_local, last_hardened_lsn FROM sys.dm_hadr_database_replica_states "
                + "WHERE group_id = (SELECT group_id FROM sys.availability_groups WHERE name = '" + DAG + "') ORDER BY is_local");
        return new BigLsns((java.math.BigDecimal) r.get(1).get("last_hardened_lsn"), (java.math.BigDecimal) r.get(0).get("last_hardened_lsn"));
    }
}
