package dev.milink.e2e;

import static dev.milink.e2e.Worlds.DB;
import static dev.milink.e2e.Worlds.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.plan.PlanAccess;
import dev.milink.demo.SimulatedEnvironment;
import dev.milink.DatabaseName;
import dev.milink.DropOptions;
import dev.milink.FailoverOptions;
import dev.milink.InitialPrimary;
import dev.milink.Link;
import dev.milink.LinkDefinition;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkHealth;
import dev.milink.LinkPlan;
import dev.milink.LinkRole;
import dev.milink.PlanKind;
import dev.milink.core.LinkRun;
import dev.milink.step.BackupLog;
import dev.milink.testkit.world.WorldSnapshot;
import dev.milink.testkit.world.Workload;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The link's whole life through the real runner, the JDBC adapter and the ARM adapter, over the linked simulator
 * world: create, health, planned failover under a workload, fail back, drop; every refusal; forced failover and
 * split-brain repair both ways; certificate rotation; the log-backup guard; the Managed Instance as initial primary.
 */
@Timeout(120)
class LinkLifecycleEndToEndTest {

    private SimulatedEnvironment env;

    @AfterEach
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    private LinkDefinition definition() {
        return env.linkFromSqlServer(DB);
    }

    private LinkHealth health() {
        return env.monitor().health(definition().spec()).get(0);
    }

    private static LinkPlan plannedToMi(LinkDefinition d) {
        return d.planFailover(FailoverOptions.plannedToManagedInstance().workloadStopped(true));
    }

    private LinkException refused(LinkPlan plan) {
        WorldSnapshot before = env.world().snapshot();
        LinkRun run = env.runner().run(plan);
        assertThat(run.succeeded()).as("the run should have been refused").isFalse();
        LinkException e = run.failure().orElseThrow();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(LinkErrorCode.GATE_REFUSED);
        assertThat(env.world().snapshot()).as("a refused plan changes nothing").isEqualTo(before);
        return e;
    }

    @Test
    void createFailoverUnderAWorkloadFailBackAndDropLoseNothing() {
        env = Worlds.sqlPrimary();
        Worlds.succeed(env, definition().plan());
        assertThat(health().status()).isEqualTo(LinkHealth.Status.HEALTHY);

        Workload app = env.world().workload(DB);
        assertThat(app.run(250)).isEqualTo(250);
        // the application stops; the asynchronous secondary is still behind when the failover starts
        LinkRun failover = env.runner().run(plannedToMi(definition()));
        assertThat(failover.succeeded()).as(failure(failover)).isTrue();

        LinkHealth afterFailover = health();
        assertThat(afterFailover.sqlServerRole()).contains(LinkRole.SECONDARY);
        assertThat(afterFailover.managedInstanceRole()).contains(LinkRole.PRIMARY);
        assertThat(Worlds.workloadRows(env.world().managedInstanceDataSource()))
                .as("rows on the new primary = committed transactions: zero lost").isEqualTo(app.committed());
        assertThat(app.failures()).isEmpty();
        System.out.printf("lifecycle: planned failover to the Managed Instance with %d committed transactions, %d rows on"
                + " the new primary, lost 0%n", app.committed(), Worlds.workloadRows(env.world().managedInstanceDataSource()));

        // the application moves to the new primary and writes there; then fails back
        assertThat(app.run(40)).isEqualTo(40);
        LinkRun failback = env.runner().run(definition().planFailback(true));
        assertThat(failback.succeeded()).as(failure(failback)).isTrue();
        assertThat(health().sqlServerRole()).contains(LinkRole.PRIMARY);
        assertThat(health().managedInstanceRole()).contains(LinkRole.SECONDARY);
        assertThat(Worlds.workloadRows(env.world().sqlServerDataSource())).isEqualTo(app.committed());
        assertThat(health().status()).isEqualTo(LinkHealth.Status.HEALTHY);

        LinkRun drop = env.runner().run(definition().planDrop(DropOptions.defaults()));
        assertThat(drop.succeeded()).as(failure(drop)).isTrue();
        assertThat(env.world().arm().journal().count("DELETE", ".*/distributedAvailabilityGroups/DAG_SalesDb")).isEqualTo(1);
        assertThat(health().status()).isEqualTo(LinkHealth.Status.MISSING);
        WorldSnapshot dropped = env.world().snapshot();
        assertThat(dropped.arm().links()).isEmpty();
        assertThat(dropped.sqlServer().groups()).isEmpty();
        assertThat(Worlds.workloadRows(env.world().sqlServerDataSource())).isEqualTo(app.committed());
    }

    @Test
    void plannedFailoverIsRefusedWhileSeeding() {
        env = Worlds.sqlPrimary(b -> b.seedingBytesPerSecond(1L << 10)); // 64 MiB at 1 KiB/s: hours of seeding
        LinkRun create = env.runner().awaitTimeout(Duration.ofMinutes(2)).run(definition().plan());
        assertThat(create.failure()).get().extracting(LinkException::code).isEqualTo(LinkErrorCode.TIMEOUT);
        assertThat(health().status()).isEqualTo(LinkHealth.Status.SEEDING);

        LinkException e = refused(plannedToMi(definition()));
        assertThat(e.getMessage()).contains("LINK_SYNCHRONIZED");
    }

    @Test
    void theFirstLogBackupIsRefusedWhileSeedingAndRunsAfterwards() {
        env = Worlds.sqlPrimary(b -> b.seedingBytesPerSecond(1L << 20)); // 64 s of seeding
        LinkRun create = env.runner().awaitTimeout(Duration.ofSeconds(10)).run(definition().plan());
        assertThat(create.failure()).get().extracting(LinkException::code).isEqualTo(LinkErrorCode.TIMEOUT);
        LinkPlan firstBackup = PlanAccess.plan(PlanKind.CREATE, definition().spec(),
                List.of(new BackupLog(DatabaseName.of(DB), "/backup/SalesDb_first.trn", false)));

        LinkException e = refused(firstBackup);
        assertThat(e.getMessage()).contains("seeding");
        assertThat(env.world().logBackupsDuringSeeding()).isEmpty();

        env.world().advance(Duration.ofMinutes(2));
        Worlds.succeed(env, definition().plan());
        LinkRun backup = env.runner().run(firstBackup);
        assertThat(backup.succeeded()).as(failure(backup)).isTrue();
        assertThat(env.world().snapshot().sqlServer().backups()).isNotEmpty();
        assertThat(health().status()).isEqualTo(LinkHealth.Status.HEALTHY);
    }

    @Test
    void plannedFailoverIsRefusedWhenTheSecondaryLagsTooFarBehind() {
        env = Worlds.sqlPrimary(b -> b.replicationDelay(Duration.ofMinutes(10)));
        Worlds.succeed(env, definition().plan());
        env.world().workload(DB).run(20);
        env.world().advance(Duration.ofMinutes(3));

        LinkException e = refused(plannedToMi(definition()));
        assertThat(e.getMessage()).contains("LINK_SYNCHRONIZED");
    }

    @Test
    void wrongRolesAreRefused() {
        env = Worlds.sqlPrimary();
        Worlds.succeed(env, definition().plan());
        // fail back while SQL Server is still the primary
        assertThat(refused(definition().planFailback(true)).getMessage()).contains("FAILOVER_ROLES");
        Worlds.succeed(env, plannedToMi(definition()));
        // repair a split brain that is not there
        assertThat(refused(definition().planSplitBrainRepair(InitialPrimary.MANAGED_INSTANCE, null)).getMessage())
                .contains("SPLIT_BRAIN");
    }

    @Test
    void failBackIsRefusedWithAnUpdatePolicyThatCannotGoBack() {
        env = Worlds.sqlPrimary(b -> b.updatePolicy("AlwaysUpToDate"));
        LinkDefinition oneWay = definition().twoWayDR(false);
        Worlds.succeed(env, oneWay.plan());
        Worlds.succeed(env, plannedToMi(oneWay));

        LinkException e = refused(definition().planFailback(true));
        assertThat(e.getMessage()).contains("UPDATE_POLICY", "AlwaysUpToDate");
        assertThat(health().managedInstanceRole()).contains(LinkRole.PRIMARY);
    }

    @Test
    void dropIsRefusedWhileLsnsDifferUnlessUnsynchronizedIsAllowed() {
        env = Worlds.sqlPrimary(b -> b.replicationDelay(Duration.ofMinutes(10)));
        Worlds.succeed(env, definition().plan());
        env.world().workload(DB).run(10);

        LinkException e = refused(definition().planDrop(DropOptions.defaults()));
        assertThat(e.getMessage()).contains("LSNS_IN_SYNC");

        LinkRun forced = env.runner().run(definition().planDrop(new DropOptions(true, false, true)));
        assertThat(forced.succeeded()).as(failure(forced)).isTrue();
        assertThat(env.world().snapshot().arm().links()).isEmpty();
    }

    @Test
    void forcedFailoverLeavesASplitBrainThatIsRepairedByDemotingSqlServer() {
        env = Worlds.sqlPrimary();
        Worlds.succeed(env, definition().plan());
        Workload app = env.world().workload(DB);
        app.run(5); // in flight: the forced failover may lose them, and says so
        LinkPlan forced = definition().planFailover(FailoverOptions.forcedTo(InitialPrimary.MANAGED_INSTANCE).allowDataLoss(true));
        LinkRun run = env.runner().run(forced);
        assertThat(run.succeeded()).as(failure(run)).isTrue();
        assertThat(health().status()).isEqualTo(LinkHealth.Status.SPLIT_BRAIN);

        LinkRun repair = env.runner().run(definition().planSplitBrainRepair(InitialPrimary.SQL_SERVER, "/backup/{db}_tail.trn"));
        assertThat(repair.succeeded()).as(failure(repair)).isTrue();
        LinkHealth h = health();
        assertThat(h.sqlServerRole()).contains(LinkRole.SECONDARY);
        assertThat(h.managedInstanceRole()).contains(LinkRole.PRIMARY);
        assertThat(h.status()).isNotEqualTo(LinkHealth.Status.SPLIT_BRAIN);
        assertThat(env.world().snapshot().sqlServer().backups()).anySatisfy(b -> assertThat(b.toString()).contains("SalesDb_tail.trn"));
    }

    @Test
    void forcedFailoverLeavesASplitBrainThatIsRepairedByDemotingTheManagedInstance() {
        env = Worlds.sqlPrimary();
        Worlds.succeed(env, definition().plan());
        Worlds.succeed(env, definition().planFailover(FailoverOptions.forcedTo(InitialPrimary.MANAGED_INSTANCE).allowDataLoss(true)));
        assertThat(health().status()).isEqualTo(LinkHealth.Status.SPLIT_BRAIN);

        LinkRun repair = env.runner().run(definition().planSplitBrainRepair(InitialPrimary.MANAGED_INSTANCE, null));
        assertThat(repair.succeeded()).as(failure(repair)).isTrue();
        LinkHealth h = health();
        assertThat(h.sqlServerRole()).contains(LinkRole.PRIMARY);
        assertThat(h.managedInstanceRole()).contains(LinkRole.SECONDARY);
        env.world().advance(Duration.ofSeconds(5));
        assertThat(health().status()).isEqualTo(LinkHealth.Status.HEALTHY);
    }

    @Test
    void certificateRotationKeepsTheLinkHealthy() {
        env = Worlds.sqlPrimary();
        Worlds.succeed(env, definition().plan());
        LinkRun rotate = env.runner().run(definition().planCertificateRotation("Cert_SQLBOX01_2027", LocalDate.of(2027, 6, 30)));
        assertThat(rotate.succeeded()).as(failure(rotate)).isTrue();
        env.world().advance(Duration.ofSeconds(5));
        assertThat(health().status()).isEqualTo(LinkHealth.Status.HEALTHY);
        assertThat(env.world().snapshot().arm().trustCertificates()).containsKey("Cert_SQLBOX01_2027");
        assertThat(env.world().snapshot().sqlServer().certificates()).noneSatisfy(c -> assertThat(c.toString()).contains("Cert_SQLBOX01_endpoint"));
        // the link still replicates
        env.world().workload(DB).run(3);
        env.world().advance(Duration.ofSeconds(5));
        assertThat(Worlds.workloadRows(env.world().managedInstanceDataSource())).isEqualTo(3);
    }

    @Test
    void theManagedInstanceAsInitialPrimarySeedsSqlServer() {
        env = SimulatedEnvironment.of(dev.milink.testkit.world.LinkedWorld.builder()
                .clock(dev.milink.testkit.world.SimulatedClock.standard())
                .managedInstanceDatabase(DB, d -> d.recoveryFull().sizeBytes(32L << 20)).seedingBytesPerSecond(8L << 20)
                .build().start());
        LinkDefinition fromMi = Link.from(env.managedInstanceId()).database(DB).to(env.sqlServerInstance());
        LinkRun run = env.runner().run(fromMi.plan());
        assertThat(run.succeeded()).as(failure(run)).isTrue();
        LinkHealth h = env.monitor().health(fromMi.spec()).get(0);
        assertThat(h.managedInstanceRole()).contains(LinkRole.PRIMARY);
        assertThat(h.sqlServerRole()).contains(LinkRole.SECONDARY);
        assertThat(h.status()).isEqualTo(LinkHealth.Status.HEALTHY);
        env.world().workload(DB).run(7);
        env.world().advance(Duration.ofSeconds(5));
        assertThat(Worlds.workloadRows(env.world().sqlServerDataSource())).isEqualTo(7);
    }
}
