package dev.milink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.plan.PlanAccess;
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
import dev.milink.LinkPlanningException;
import dev.milink.LinkRole;
import dev.milink.ManagedInstance;
import dev.milink.PlanKind;
import dev.milink.Secret;
import dev.milink.SecretSource;
import dev.milink.SqlServerInstance;
import dev.milink.SqlServerVersion;
import dev.milink.core.fake.FakeClock;
import dev.milink.core.fake.LinkPair;
import dev.milink.event.LinkEvent;
import dev.milink.state.LogState;
import dev.milink.state.SeedingState;
import dev.milink.step.BackupLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final LinkPair pair = new LinkPair();
    private final FakeClock clock = new FakeClock();
    private final List<LinkEvent> events = new CopyOnWriteArrayList<>();

    static LinkDefinition definition() {
        return Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022")).database("SalesDb")
                .to(ManagedInstance.of("00000000-0000-0000-0000-000000000000", "rg", "mi-name")).twoWayDR(true);
    }

    LinkRunner runner() {
        return LinkRunner.with(pair.sql, pair.mi).journal(JournalStore.inMemory())
                .secrets(SecretSource.ofMasterKeyPassword(Secret.of("Sup3r-S3cret-Pa55word!"))).listener(events::add)
                .clock(clock).sleeper(clock.sleeper()).retry(new RetryPolicy(5, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5), 0.2))
                .pollInterval(Duration.ofSeconds(5)).awaitTimeout(Duration.ofMinutes(5)).endpointProbe((h, p) -> Optional.empty());
    }

    static LinkPlan plannedToMi() {
        return definition().planFailover(FailoverOptions.plannedToManagedInstance().workloadStopped(true).lsnStableFor(Duration.ofSeconds(10)));
    }

    private <T extends LinkEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private LinkException refused(LinkPlan plan) {
        int applies = pair.count("sql.apply") + pair.count("mi.apply");
        LinkRun run = runner().run(plan);
        assertThat(run.succeeded()).isFalse();
        assertThat(pair.count("sql.apply") + pair.count("mi.apply")).as("nothing changed").isEqualTo(applies);
        return run.failure().orElseThrow();
    }

    @Test
    void plannedFailoverWaitsForStableLsnsAndLosesNothing() {
        pair.workloadLeft = 6;
        pair.catchUpPerCall = 1;
        LinkRun run = runner().run(plannedToMi());
        assertThat(run.succeeded()).as(run.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(pair.sqlRole).isEqualTo(LinkRole.SECONDARY);
        assertThat(pair.miRole).isEqualTo(LinkRole.PRIMARY);
        assertThat(pair.roleSwitches).isEqualTo(1);
        assertThat(pair.workloadLeft).isZero();
        assertThat(pair.rows(LinkRole.PRIMARY)).as("rows on the new primary").isEqualTo(6).isEqualTo(pair.rows(LinkRole.SECONDARY));
        assertThat(events(LinkEvent.Progress.class)).anySatisfy(p -> assertThat(p.message()).contains("SQL Server", "Managed Instance", "gap"));
        assertThat(clock.sleptMillis.get()).isGreaterThanOrEqualTo(10_000);
        assertThat(pair.mode).isEqualTo(dev.milink.ReplicationMode.ASYNC);
    }

    @Test
    void wrongRolesAreRefusedBeforeAnyChange() {
        pair.sqlRole = LinkRole.SECONDARY;
        pair.miRole = LinkRole.PRIMARY;
        LinkException e = refused(plannedToMi());
        assertThat(e.code()).isEqualTo(LinkErrorCode.GATE_REFUSED);
        assertThat(e.getMessage()).contains("gate FAILOVER_ROLES refused", "SQL Server is SECONDARY, the Managed Instance is PRIMARY");
        assertThat(e.fix()).contains("milink status");
    }

    @Test
    void unsynchronizedOrLaggingLinksAreRefused() {
        pair.connected = false;
        assertThat(refused(plannedToMi()).getMessage()).contains("gate LINK_SYNCHRONIZED refused", "DISCONNECTED");
        pair.connected = true;
        pair.lagSeconds = 600L;
        assertThat(refused(plannedToMi()).getMessage()).contains("lag 600 s (max 60 s)", "exceeds the maximum");
        LinkRun tolerant = runner().maxFailoverLag(Duration.ofMinutes(15)).run(plannedToMi());
        assertThat(tolerant.succeeded()).as(tolerant.failure().map(Throwable::getMessage).orElse("")).isTrue();
    }

    @Test
    void lsnsThatNeverSettleTimeOutNamingTheLastLsns() {
        pair.workloadLeft = -1;
        pair.catchUpPerCall = 0;
        LinkRun run = runner().run(plannedToMi());
        assertThat(run.failure()).get().satisfies(e -> {
            assertThat(e.code()).isEqualTo(LinkErrorCode.TIMEOUT);
            assertThat(e.getMessage()).contains("last seen SQL Server", "Managed Instance 1000");
        });
        assertThat(pair.roleSwitches).isZero();
        assertThat(pair.sqlRole).isEqualTo(LinkRole.PRIMARY);
    }

    @Test
    void oldVersionsNeedTheEndOfLinkAcknowledgementAtPlanTime() {
        LinkDefinition d2019 = definition().twoWayDR(false).sqlServerVersion(SqlServerVersion.SQL_SERVER_2019);
        assertThatThrownBy(() -> d2019.planFailover(FailoverOptions.plannedToManagedInstance().workloadStopped(true)))
                .isInstanceOfSatisfying(LinkPlanningException.class, e -> {
                    assertThat(e.code()).isEqualTo(LinkErrorCode.GATE_REFUSED);
                    assertThat(e.getMessage()).contains("ends the link");
                });
        LinkPlan ending = d2019.planFailover(FailoverOptions.plannedToManagedInstance().workloadStopped(true).endLink(true));
        assertThat(ending.steps()).anyMatch(s -> s instanceof dev.milink.step.DeleteManagedInstanceLink);
    }

    @Test
    void forcedFailoverReportsTheLsnGapAndLeavesASplitBrainTheMonitorSees() {
        pair.connected = false;
        pair.sqlLsn = 1100;
        LinkPlan forced = definition().planFailover(FailoverOptions.forcedTo(InitialPrimary.MANAGED_INSTANCE).allowDataLoss(true));
        LinkRun run = runner().run(forced);
        assertThat(run.succeeded()).as(run.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(run.notes()).singleElement().asString().contains("up to 100 log blocks", "between 1000", "and 1100");
        assertThat(events(LinkEvent.Warning.class)).anySatisfy(w -> assertThat(w.message()).contains("up to 100 log blocks"));
        assertThat(events(LinkEvent.Warning.class)).anySatisfy(w -> assertThat(w.message()).contains("split brain"));
        assertThat(events(LinkEvent.StepCompleted.class)).anySatisfy(c -> assertThat(c.detail()).contains("100 log blocks"));
        List<LinkHealth> health = LinkMonitor.of(pair.sql, pair.mi).clock(clock).health(forced.spec());
        assertThat(health).singleElement().satisfies(h -> assertThat(h.status()).isEqualTo(LinkHealth.Status.SPLIT_BRAIN));
    }

    @Test
    void splitBrainIsRepairedByDemotingSqlServerAfterATailLogBackup() {
        pair.miRole = LinkRole.PRIMARY;
        LinkRun run = runner().run(definition().planSplitBrainRepair(InitialPrimary.SQL_SERVER, "/backup/{db}_tail.trn"));
        assertThat(run.succeeded()).as(run.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(pair.backups).containsExactly("tail:/backup/SalesDb_tail.trn");
        assertThat(pair.sqlRole).isEqualTo(LinkRole.SECONDARY);
        assertThat(pair.miRole).isEqualTo(LinkRole.PRIMARY);
    }

    @Test
    void splitBrainIsRepairedByDemotingTheManagedInstance() {
        pair.miRole = LinkRole.PRIMARY;
        LinkRun run = runner().run(definition().planSplitBrainRepair(InitialPrimary.MANAGED_INSTANCE, null));
        assertThat(run.succeeded()).as(run.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(pair.sqlRole).isEqualTo(LinkRole.PRIMARY);
        assertThat(pair.miRole).isEqualTo(LinkRole.SECONDARY);
    }

    @Test
    void splitBrainRepairIsRefusedWithoutASplitBrain() {
        LinkException e = refused(definition().planSplitBrainRepair(InitialPrimary.MANAGED_INSTANCE, null));
        assertThat(e.getMessage()).contains("gate SPLIT_BRAIN refused", "SQL Server is PRIMARY, the Managed Instance is SECONDARY");
    }

    @Test
    void failbackIsRefusedWithTheWrongUpdatePolicyAndRunsWithTheRightOne() {
        pair.sqlRole = LinkRole.SECONDARY;
        pair.miRole = LinkRole.PRIMARY;
        pair.updatePolicy = "AlwaysUpToDate";
        LinkException e = refused(definition().planFailback(true));
        assertThat(e.code()).isEqualTo(LinkErrorCode.GATE_REFUSED);
        assertThat(e.getMessage()).contains("gate UPDATE_POLICY refused", "AlwaysUpToDate", "SQLServer2022");
        pair.updatePolicy = "SQLServer2022";
        LinkRun run = runner().run(definition().planFailback(true));
        assertThat(run.succeeded()).as(run.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(pair.sqlRole).isEqualTo(LinkRole.PRIMARY);
        assertThat(pair.roleSwitches).isEqualTo(1);
    }

    @Test
    void dropIsRefusedWhileLsnsDifferAndAllowedWhenAcknowledged() {
        pair.connected = false;
        pair.sqlLsn = 1005;
        LinkException e = refused(definition().planDrop(DropOptions.defaults()));
        assertThat(e.code()).isEqualTo(LinkErrorCode.GATE_REFUSED);
        assertThat(e.getMessage()).contains("gate LSNS_IN_SYNC refused", "SQL Server 1005", "Managed Instance 1000");
        assertThat(pair.linkExists).isTrue();
        LinkRun forced = runner().run(definition().planDrop(new DropOptions(true, false, true)));
        assertThat(forced.succeeded()).as(forced.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(pair.linkExists).isFalse();
    }

    @Test
    void certificateRotationRunsAndVerifiesTheEndpointSwitch() {
        CertificateReport before = LinkMonitor.of(pair.sql, pair.mi).clock(clock).certificates(definition().spec());
        assertThat(before.endpointCertificate()).get().satisfies(c -> assertThat(c.daysLeft()).isEqualTo(11));
        assertThat(before.warnings()).singleElement().asString().contains("expires in 11 day(s)");
        LinkRun run = runner().run(definition().planCertificateRotation("Cert_SQLBOX01_2027", LocalDate.of(2027, 6, 30)));
        assertThat(run.succeeded()).as(run.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(pair.endpointCert).isEqualTo("Cert_SQLBOX01_2027");
        assertThat(pair.certs.keySet()).containsExactly("Cert_SQLBOX01_2027");
        assertThat(pair.trust).containsExactly("Cert_SQLBOX01_2027");
        assertThat(LinkMonitor.of(pair.sql, pair.mi).clock(clock).certificates(definition().spec()).warnings()).isEmpty();
    }

    @Test
    void aSwitchThatDidNotTakeKeepsTheOldCertificate() {
        pair.ignoreEndpointSwitch = true;
        LinkRun run = runner().run(definition().planCertificateRotation("Cert_SQLBOX01_2027", LocalDate.of(2027, 6, 30)));
        assertThat(run.failure()).get().satisfies(e -> {
            assertThat(e.code()).isEqualTo(LinkErrorCode.STATE_CONFLICT);
            assertThat(e.getMessage()).contains("still uses certificate [Cert_SQLBOX01_endpoint]");
        });
        assertThat(pair.certs).containsKey("Cert_SQLBOX01_endpoint");
        assertThat(pair.trust).contains("Cert_SQLBOX01_endpoint");
    }

    @Test
    void logBackupGuardWarnsAndTheFirstLogBackupWaitsForSeeding() {
        Instant start = clock.instant().minus(Duration.ofHours(3));
        pair.seeding = new SeedingState("SalesDb", "SEEDING", Optional.empty(), "", 1000, 400, 10, Optional.of(start), Optional.empty());
        pair.log = new LogState("SalesDb", Optional.of(91.0), List.of(clock.instant().minus(Duration.ofHours(1)), start.minusSeconds(60)));
        LinkHealth h = LinkMonitor.of(pair.sql, pair.mi).clock(clock).health(definition().spec()).get(0);
        assertThat(h.warnings()).anySatisfy(w -> assertThat(w).contains("1 log backup(s) of [SalesDb] taken while seeding", "1408/1412"))
                .anySatisfy(w -> assertThat(w).contains("91% full"));
        LinkPlan firstBackup = PlanAccess.plan(PlanKind.CREATE, definition().spec(),
                List.of(new BackupLog(DatabaseName.of("SalesDb"), "/backup/SalesDb.trn", false)));
        LinkRun run = runner().run(firstBackup);
        assertThat(run.failure()).get().satisfies(e -> {
            assertThat(e.code()).isEqualTo(LinkErrorCode.GATE_REFUSED);
            assertThat(e.getMessage()).contains("still seeding (40% transferred)");
        });
        assertThat(pair.backups).isEmpty();
        pair.seeding = new SeedingState("SalesDb", "COMPLETED", Optional.empty(), "", 1000, 1000, 10, Optional.of(start), Optional.empty());
        assertThat(runner().run(firstBackup).succeeded()).isTrue();
        assertThat(pair.backups).containsExactly("log:/backup/SalesDb.trn");
    }

    @Test
    void transientFaultsDuringAFailoverStillSwitchRolesExactlyOnce() {
        pair.workloadLeft = 4;
        pair.catchUpPerCall = 1;
        pair.faults.transientRate(0.2, 42);
        pair.faults.fail("apply:sql.failover:SalesDb:after", 1,
                () -> new LinkException(LinkErrorCode.UNREACHABLE, "connection reset after the failover", "retry"));
        LinkRun run = runner().run(plannedToMi());
        assertThat(pair.roleSwitches).isLessThanOrEqualTo(1);
        assertThat(pair.sqlRole).isNotEqualTo(pair.miRole);
        assertThat(pair.rows(pair.miRole)).isEqualTo(pair.rows(pair.sqlRole));
        if (run.succeeded()) {
            assertThat(pair.roleSwitches).isEqualTo(1);
            assertThat(pair.miRole).isEqualTo(LinkRole.PRIMARY);
        } else {
            assertThat(run.failure().orElseThrow().getMessage()).isNotBlank();
        }
        assertThat(events(LinkEvent.StepRetried.class)).isNotEmpty();
    }
}
