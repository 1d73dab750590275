package dev.milink.testkit.world;

import static dev.milink.testkit.world.LinkSteps.DAG;
import static dev.milink.testkit.world.LinkSteps.DB;
import static dev.milink.testkit.world.LinkSteps.scalar;
import static dev.milink.testkit.world.LinkSteps.sql;
import static dev.milink.testkit.world.LinkedWorldLifecycleTest.LOCAL_ROLE;
import static dev.milink.testkit.world.LinkedWorldLifecycleTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure paths and the other directions of the linked world. */
@Timeout(60)
class LinkedWorldScenariosTest {

    static final String REMOTE = "SELECT %s FROM sys.dm_hadr_availability_replica_states WHERE is_local = 0 AND group_id = "
            + "(SELECT group_id FROM sys.availability_groups WHERE name = '" + DAG + "')";

    LinkedWorld world;
    LinkSteps steps;

    LinkedWorld sqlPrimaryWorld() {
        world = LinkedWorld.builder().seedingBytesPerSecond(10L << 20)
                .sqlServerDatabase(DB, d -> d.recoveryFull().fullBackup().sizeBytes(100L << 20).table("Orders",
                        List.of("id", "item"), List.of(List.of(1, "apple"), List.of(2, "pear"), List.of(3, "plum"))))
                .build().start();
        steps = new LinkSteps(world);
        return world;
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    /** Creates the link and lets it seed. */
    void linked() {
        sqlPrimaryWorld();
        steps.createSqlPrimaryLink();
        world.advance(Duration.ofSeconds(10));
        assertThat(steps.armDatabase()).containsEntry("replicaState", "Catchup");
    }

    @Test
    void managedInstanceAsInitialPrimarySeedsToSqlServer() {
        world = LinkedWorld.builder().seedingBytesPerSecond(10L << 20)
                .managedInstanceDatabase(DB, d -> d.recoveryFull().sizeBytes(50L << 20).table("Orders", List.of("id", "item"),
                        List.of(List.of(1, "apple"), List.of(2, "pear"))))
                .build().start();
        steps = new LinkSteps(world);
        DataSource sqlDs = world.sqlServerDataSource();
        DataSource miDs = world.managedInstanceDataSource();
        steps.uploadTrust(steps.sqlCertificate());
        steps.importMiCertificate(world.managedInstanceFqdn());
        steps.endpoint();
        steps.miPrimaryGroups();
        steps.createLink("Primary");

        assertThat(scalar(sqlDs, "SELECT state_desc FROM sys.databases WHERE name = 'SalesDb'")).isEqualTo("RESTORING");
        assertThat(scalar(sqlDs, "SELECT is_source FROM sys.dm_hadr_automatic_seeding")).isEqualTo(false);
        assertThat(scalar(miDs, "SELECT is_source FROM sys.dm_hadr_automatic_seeding")).isEqualTo(true);
        world.advance(Duration.ofSeconds(5));

        assertThat(steps.armDatabase()).containsEntry("replicaState", "Catchup");
        assertThat(count(sqlDs)).isEqualTo(2);
        assertThat(scalar(sqlDs, LOCAL_ROLE)).isEqualTo("SECONDARY");
        assertThat(scalar(miDs, LOCAL_ROLE)).isEqualTo("PRIMARY");
        assertThatThrownBy(() -> sql(sqlDs, "INSERT INTO SalesDb.dbo.Orders (id, item) VALUES (9, 'x')")).hasMessageStartingWith("3906");

        Workload workload = world.workload(DB, "Orders");
        assertThat(workload.run(5)).isEqualTo(5);
        world.advance(Duration.ofSeconds(1));
        assertThat(count(sqlDs)).isEqualTo(7);
    }

    @Test
    void missingTrustUploadFailsWith41973UntilTheCertificateIsUploaded() {
        sqlPrimaryWorld();
        byte[] publicKey = steps.sqlCertificate();
        steps.importMiCertificate(world.managedInstanceFqdn());
        steps.endpoint();
        steps.sqlPrimaryGroups();
        steps.createLink("Secondary");

        assertThat(scalar(world.sqlServerDataSource(), String.format(REMOTE, "last_connect_error_number"))).isEqualTo(41973);
        assertThat(scalar(world.sqlServerDataSource(), String.format(REMOTE, "connected_state_desc"))).isEqualTo("DISCONNECTED");
        assertThat(steps.armDatabase()).containsEntry("replicaState", "LinkInitError")
                .hasEntrySatisfying("mostRecentLinkError", e -> assertThat((String) e).contains("41973"));

        steps.uploadTrust(publicKey);
        assertThat(steps.armDatabase()).containsEntry("replicaState", "Seeding");
        assertThat(scalar(world.sqlServerDataSource(), String.format(REMOTE, "last_connect_error_number"))).isNull();
    }

    @Test
    void instanceCertificateUnderTheWrongNameFailsWith41974() {
        sqlPrimaryWorld();
        steps.uploadTrust(steps.sqlCertificate());
        steps.importMiCertificate(world.managedInstanceName());
        steps.endpoint();
        steps.sqlPrimaryGroups();
        steps.createLink("Secondary");

        assertThat(scalar(world.sqlServerDataSource(), String.format(REMOTE, "last_connect_error_number"))).isEqualTo(41974);
        assertThat(steps.armDatabase()).containsEntry("replicaState", "LinkInitError")
                .hasEntrySatisfying("mostRecentLinkError", e -> assertThat((String) e).contains("41974"));
        assertThat(scalar(world.managedInstanceDataSource(), "SELECT COUNT(*) FROM sys.availability_groups")).isEqualTo(0);
    }

    @Test
    void armLinkWithoutSqlServerHalfReportsLinkInitErrorAfterFiveMinutes() {
        sqlPrimaryWorld();
        steps.createLink("Secondary");
        assertThat(steps.armDatabase()).containsEntry("replicaState", "CreatingLink");
        world.advance(Duration.ofMinutes(6));
        assertThat(steps.armDatabase()).containsEntry("replicaState", "LinkInitError")
                .hasEntrySatisfying("mostRecentLinkError", e -> assertThat((String) e).contains("41962"));
    }

    @Test
    void forcedFailoverGivesSplitBrainThatEitherSideCanRepair() {
        linked();
        DataSource sqlDs = world.sqlServerDataSource();
        DataSource miDs = world.managedInstanceDataSource();
        Workload workload = world.workload(DB, "Orders");
        workload.run(5); // still in flight (asynchronous, clock not moved): a forced failover loses them

        steps.failover("ForcedAllowDataLoss");
        assertThat(scalar(sqlDs, LOCAL_ROLE)).isEqualTo("PRIMARY");
        assertThat(scalar(miDs, LOCAL_ROLE)).isEqualTo("PRIMARY");
        assertThat(steps.armLinkProperties()).containsEntry("instanceLinkRole", "Primary").containsEntry("partnerLinkRole", "Primary");
        assertThat(count(miDs)).isEqualTo(3);
        sql(miDs, "INSERT INTO SalesDb.dbo.Orders (id, item) VALUES (50, 'mi only')");
        assertThat(count(sqlDs)).isEqualTo(8);

        // repair 1: demote SQL Server with T-SQL; it becomes a copy of the instance again
        sql(sqlDs, "ALTER AVAILABILITY GROUP [" + DAG + "] SET (ROLE = SECONDARY)");
        assertThat(scalar(sqlDs, LOCAL_ROLE)).isEqualTo("SECONDARY");
        assertThat(steps.armLinkProperties()).containsEntry("partnerLinkRole", "Secondary");
        assertThat(count(sqlDs)).isEqualTo(4);
        sql(miDs, "INSERT INTO SalesDb.dbo.Orders (id, item) VALUES (51, 'replicated')");
        world.advance(Duration.ofSeconds(1));
        assertThat(count(sqlDs)).isEqualTo(5);

        // split brain again from the other side, repaired through ARM setRole
        sql(sqlDs, "ALTER AVAILABILITY GROUP [" + DAG + "] FORCE_FAILOVER_ALLOW_DATA_LOSS");
        assertThat(scalar(sqlDs, LOCAL_ROLE)).isEqualTo("PRIMARY");
        assertThat(scalar(miDs, LOCAL_ROLE)).isEqualTo("PRIMARY");
        sql(sqlDs, "INSERT INTO SalesDb.dbo.Orders (id, item) VALUES (52, 'sql wins')");
        steps.setRole("Secondary");
        assertThat(scalar(miDs, LOCAL_ROLE)).isEqualTo("SECONDARY");
        assertThat(steps.armLinkProperties()).containsEntry("instanceLinkRole", "Secondary").containsEntry("partnerLinkRole", "Primary");
        assertThat(count(miDs)).isEqualTo(6);
    }

    @Test
    void plannedFailoverIsRefusedUntilTheSecondaryCaughtUp() {
        sqlPrimaryWorld();
        steps.createSqlPrimaryLink();
        assertThatThrownBy(() -> steps.failover("Planned")).isInstanceOfSatisfying(ManagementException.class, e -> assertThat(
                e.getValue().getCode()).isEqualTo("DistributedAvailabilityGroupFailoverSecondariesNotSynchronizing"));
        world.advance(Duration.ofSeconds(10));
        world.workload(DB, "Orders").run(3);
        assertThatThrownBy(() -> steps.failover("Planned")).isInstanceOfSatisfying(ManagementException.class, e -> assertThat(
                e.getValue().getCode()).isEqualTo("DistributedAvailabilityGroupFailoverSecondariesNotSynchronizing"));
        assertThatThrownBy(() -> sql(world.sqlServerDataSource(), "ALTER AVAILABILITY GROUP [" + DAG + "] FAILOVER"))
                .hasMessageStartingWith("41142");

        world.advance(Duration.ofSeconds(1));
        steps.failover("Planned");
        assertThat(scalar(world.managedInstanceDataSource(), LOCAL_ROLE)).isEqualTo("PRIMARY");
    }

    @Test
    void tsqlFailoverInSynchronousModeLosesNothing() {
        linked();
        DataSource sqlDs = world.sqlServerDataSource();
        sql(sqlDs, "ALTER AVAILABILITY GROUP [" + DAG + "] MODIFY AVAILABILITY GROUP ON 'AG_SalesDb' WITH "
                + "(AVAILABILITY_MODE = SYNCHRONOUS_COMMIT), 'AG_SalesDb_MI' WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT)");
        Workload workload = world.workload(DB);
        assertThat(workload.run(25)).isEqualTo(25);

        sql(sqlDs, "ALTER AVAILABILITY GROUP [" + DAG + "] FAILOVER");
        assertThat(steps.armLinkProperties()).containsEntry("instanceLinkRole", "Primary").containsEntry("partnerLinkRole", "Secondary");
        assertThat(scalar(world.managedInstanceDataSource(), "SELECT COUNT(*) FROM SalesDb.dbo.milink_workload"))
                .isEqualTo(workload.committed());
        assertThat(scalar(world.managedInstanceDataSource(), LOCAL_ROLE)).isEqualTo("PRIMARY");

        // fail back with T-SQL on the instance's endpoint: its side must be synchronous first (ARM PATCH)
        assertThatThrownBy(() -> sql(world.managedInstanceDataSource(), "ALTER AVAILABILITY GROUP [" + DAG + "] FAILOVER"))
                .hasMessageStartingWith("41142");
        steps.patchMode("Sync");
        assertThat(workload.run(5)).isEqualTo(5);
        sql(world.managedInstanceDataSource(), "ALTER AVAILABILITY GROUP [" + DAG + "] FAILOVER");
        assertThat(scalar(sqlDs, LOCAL_ROLE)).isEqualTo("PRIMARY");
        assertThat(steps.armLinkProperties()).containsEntry("instanceLinkRole", "Secondary");
        assertThat(scalar(sqlDs, "SELECT COUNT(*) FROM SalesDb.dbo.milink_workload")).isEqualTo(workload.committed());
    }

    @Test
    void concurrentWritersLoseNothingInSynchronousMode() throws Exception {
        linked();
        sql(world.sqlServerDataSource(), "ALTER AVAILABILITY GROUP [" + DAG + "] MODIFY AVAILABILITY GROUP ON 'AG_SalesDb' WITH "
                + "(AVAILABILITY_MODE = SYNCHRONOUS_COMMIT), 'AG_SalesDb_MI' WITH (AVAILABILITY_MODE = SYNCHRONOUS_COMMIT)");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String table = "load" + i;
                runs.add(pool.submit(() -> world.workload(DB, table).run(25)));
            }
            runs.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    world.tick();
                    steps.armDatabase();
                }
                return 0;
            }));
            int committed = 0;
            for (java.util.concurrent.Future<Integer> f : runs) {
                committed += f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(committed).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
        steps.failover("Planned");
        long onMi = 0;
        for (int i = 0; i < 4; i++) {
            onMi += ((Number) scalar(world.managedInstanceDataSource(), "SELECT COUNT(*) FROM SalesDb.dbo.load" + i)).longValue();
        }
        assertThat(onMi).isEqualTo(100);
    }

    @Test
    void logBackupDuringSeedingIsRecordedAndBreaksTheSeeding() {
        sqlPrimaryWorld();
        steps.createSqlPrimaryLink();
        world.advance(Duration.ofSeconds(2));
        sql(world.sqlServerDataSource(), "BACKUP LOG [SalesDb] TO DISK = N'/backup/SalesDb.trn'");

        assertThat(world.logBackupsDuringSeeding()).containsExactly(DB);
        assertThat(scalar(world.sqlServerDataSource(), "SELECT current_state FROM sys.dm_hadr_automatic_seeding")).isEqualTo("FAILED");
        assertThat(scalar(world.sqlServerDataSource(), "SELECT error_code FROM sys.dm_hadr_automatic_seeding")).isEqualTo(1412);
        assertThat(steps.armDatabase()).containsEntry("replicaState", "LinkCreationError");
        world.advance(Duration.ofSeconds(30));
        assertThat(steps.armDatabase()).containsEntry("replicaState", "LinkCreationError");
    }

    @Test
    void droppingOnSqlServerFirstDisconnectsTheInstanceAndArmDeleteCleansUp() {
        linked();
        sql(world.sqlServerDataSource(), "DROP AVAILABILITY GROUP [" + DAG + "]");
        assertThat(steps.armDatabase()).containsEntry("connectedState", "DISCONNECTED");
        assertThat(scalar(world.managedInstanceDataSource(), String.format(REMOTE, "connected_state_desc"))).isEqualTo("DISCONNECTED");
        steps.deleteLink();
        assertThat(scalar(world.managedInstanceDataSource(), "SELECT COUNT(*) FROM sys.availability_groups")).isEqualTo(0);
        sql(world.managedInstanceDataSource(), "INSERT INTO SalesDb.dbo.Orders (id, item) VALUES (7, 'read write')");
        assertThat(count(world.managedInstanceDataSource())).isEqualTo(4);
    }

    @Test
    void refusedOperationsLeaveTheWorldUnchanged() {
        linked();
        WorldSnapshot before = world.snapshot();
        assertThatThrownBy(() -> steps.setRole("Secondary")).isInstanceOf(ManagementException.class);
        assertThatThrownBy(() -> sql(world.sqlServerDataSource(), "ALTER AVAILABILITY GROUP [" + DAG + "] FORCE_FAILOVER_ALLOW_DATA_LOSS"))
                .hasMessageStartingWith("41122");
        world.tick();
        assertThat(world.snapshot()).isEqualTo(before);
    }
}
