package dev.milink.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.DatabaseName;
import dev.milink.EndpointUrl;
import dev.milink.LinkErrorCode;
import dev.milink.LinkExecutionException;
import dev.milink.LinkPlan;
import dev.milink.LinkRole;
import dev.milink.SeedingMode;
import dev.milink.core.fake.FakeWorld;
import dev.milink.core.fake.Fixture;
import dev.milink.port.StepInputs;
import dev.milink.state.DatabaseState;
import dev.milink.state.EndpointState;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.Prerequisite;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PreflightTest {

    private static final LinkPlan PLAN = Fixture.plan("SalesDb");
    private static final Optional<DatabaseName> DB = Optional.of(DatabaseName.of("SalesDb"));
    private static final EndpointProbe OPEN = (h, p) -> Optional.empty();

    private static Arguments broken(Prerequisite p, Optional<DatabaseName> db, CheckStatus status, String observed, Consumer<FakeWorld> breakIt) {
        return Arguments.of(p, db, status, observed, breakIt);
    }

    static Stream<Arguments> failures() {
        Optional<DatabaseName> none = Optional.empty();
        return Stream.of(
                broken(Prerequisite.SQL_SERVER_VERSION, none, CheckStatus.FAILED, "below the minimum 15.0.4312.2", w -> w.productVersion = "15.0.4198.2"),
                broken(Prerequisite.SQL_SERVER_VERSION, none, CheckStatus.FAILED, "plan was made for SQL Server 2022", w -> w.productVersion = "15.0.4400.1"),
                broken(Prerequisite.SQL_SERVER_VERSION, none, CheckStatus.FAILED, "not a version the link supports", w -> w.productVersion = "12.0.6024.0"),
                broken(Prerequisite.HADR_ENABLED, none, CheckStatus.FAILED, "IsHadrEnabled = 0", w -> w.hadr = false),
                broken(Prerequisite.SYSADMIN, none, CheckStatus.FAILED, "not a sysadmin", w -> w.sysadmin = false),
                broken(Prerequisite.DATABASE_ONLINE, DB, CheckStatus.FAILED, "not found", w -> w.databases.remove("SalesDb")),
                broken(Prerequisite.DATABASE_ONLINE, DB, CheckStatus.FAILED, "OFFLINE", w -> w.setDatabase(db("OFFLINE", "FULL", true, 1, null))),
                broken(Prerequisite.RECOVERY_FULL, DB, CheckStatus.FAILED, "SIMPLE", w -> w.setDatabase(db("ONLINE", "SIMPLE", true, 1, null))),
                broken(Prerequisite.FULL_BACKUP, DB, CheckStatus.FAILED, "no non-COPY_ONLY", w -> w.setDatabase(db("ONLINE", "FULL", false, 1, null))),
                broken(Prerequisite.SINGLE_LOG_FILE, DB, CheckStatus.FAILED, "2 log file(s)", w -> w.setDatabase(db("ONLINE", "FULL", true, 2, null))),
                broken(Prerequisite.NOT_IN_AVAILABILITY_GROUP, DB, CheckStatus.FAILED, "[OtherAG]", w -> w.setDatabase(db("ONLINE", "FULL", true, 1, "OtherAG"))),
                broken(Prerequisite.ENDPOINT_SHAPE, Optional.empty(), CheckStatus.FAILED, "no encryption",
                        w -> w.setEndpoint(new EndpointState("Hadr_endpoint", 5022, "STARTED", "WINDOWS NEGOTIATE", null, false, null))),
                broken(Prerequisite.ENDPOINT_SHAPE, Optional.empty(), CheckStatus.FAILED, "expects port 5022",
                        w -> w.setEndpoint(new EndpointState("Hadr_endpoint", 5023, "STARTED", "CERTIFICATE", "c", true, "AES"))),
                broken(Prerequisite.TRACE_FLAGS, none, CheckStatus.WARNING, "[1800]", w -> w.traceFlags = Set.of(1800)),
                broken(Prerequisite.COLLATION_MATCH, none, CheckStatus.WARNING, "Latin1_General_100_CI_AS", w -> w.miCollation = "Latin1_General_100_CI_AS"),
                broken(Prerequisite.UPDATE_POLICY, none, CheckStatus.FAILED, "AlwaysUpToDate", w -> w.updatePolicy = "AlwaysUpToDate"),
                broken(Prerequisite.LINK_CAPACITY, none, CheckStatus.FAILED, "100 database(s) + 1 new link(s) = 101 of 100", w -> {
                    for (int i = 0; i < 100; i++) {
                        w.addMiDatabase("Other" + i);
                    }
                }),
                broken(Prerequisite.DATABASE_NAME_FREE, DB, CheckStatus.FAILED, "already exists", w -> w.addMiDatabase("SalesDb")),
                broken(Prerequisite.LINK_NAME_FREE, DB, CheckStatus.FAILED, "[SomeAG]", w -> w.mi.apply(new CreateManagedInstanceLink("DAG_SalesDb",
                        DatabaseName.of("Other"), EndpointUrl.parse("TCP://10.0.1.9:5022"), "SomeAG", "SomeAG_MI", LinkRole.SECONDARY, false,
                        SeedingMode.AUTOMATIC), StepInputs.of(n -> null))));
    }

    private static DatabaseState db(String state, String recovery, boolean backup, int logs, String ag) {
        return new DatabaseState("SalesDb", state, recovery, backup, logs, Optional.ofNullable(ag));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void reportsEachFailingCheck(Prerequisite p, Optional<DatabaseName> db, CheckStatus status, String observed, Consumer<FakeWorld> breakIt) {
        FakeWorld world = new FakeWorld("SalesDb");
        breakIt.accept(world);
        world.resetCounters();

        PreflightReport report = Preflight.check(PLAN, world.sql, world.mi, OPEN);

        CheckResult result = report.result(p, db).orElseThrow();
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.observed()).contains(observed);
        assertThat(result.fix()).isEqualTo(p.fix());
        assertThat(report.hasErrors()).isEqualTo(status == CheckStatus.FAILED);
        assertThat(report.results()).filteredOn(r -> r != result && r.status() != CheckStatus.NOT_EVALUATED)
                .allMatch(r -> r.status() == CheckStatus.PASSED || r.prerequisite() == p
                        || p == Prerequisite.DATABASE_ONLINE || p == Prerequisite.LINK_CAPACITY);
        assertThat(report.render()).contains(p.key(), status.name(), "fix: ");
        assertThat(world.count("sql.apply") + world.count("mi.apply")).as("preflight changes nothing").isZero();
        assertThat(world.count("sql.observe")).isEqualTo(1);
        assertThat(world.count("mi.instance")).isEqualTo(1);
        assertThat(world.count("mi.databaseNames")).isEqualTo(1);
    }

    @Test
    void unreachableEndpointIsAWarningWorded() {
        FakeWorld world = new FakeWorld("SalesDb");
        PreflightReport report = Preflight.check(PLAN, world.sql, world.mi, (h, p) -> Optional.of("ConnectException: refused"));
        CheckResult r = report.result(Prerequisite.ENDPOINT_REACHABLE, Optional.empty()).orElseThrow();
        assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(r.observed()).contains("10.0.1.8:5022 not reachable from this machine");
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void realTcpProbeIsBounded() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0)) {
            assertThat(EndpointProbe.tcp(java.time.Duration.ofMillis(500)).probe("127.0.0.1", server.getLocalPort())).isEmpty();
        }
    }

    @Test
    void healthyEnvironmentPasses() {
        FakeWorld world = new FakeWorld("SalesDb");
        PreflightReport report = Preflight.check(PLAN, world.sql, world.mi, OPEN);
        assertThat(report.hasErrors()).as(report.render()).isFalse();
        assertThat(report.results()).hasSize(Preflight.checksOf(PLAN).size());
    }

    @Test
    void runnerStopsBeforeAnyChangeOnAServerLevelError() {
        Fixture f = new Fixture("SalesDb");
        f.world.hadr = false;
        LinkRun run = f.runner().run(PLAN);
        assertThat(run.failure()).get().isInstanceOfSatisfying(LinkExecutionException.class, e -> {
            assertThat(e.code()).isEqualTo(LinkErrorCode.PREFLIGHT_FAILED);
            assertThat(e.step().value()).isEqualTo("check.hadr-enabled");
        });
        assertThat(f.world.count("sql.apply") + f.world.count("mi.apply")).isZero();
        assertThat(run.preflight()).get().satisfies(r -> assertThat(r.hasErrors()).isTrue());
    }

    @Test
    void aFailingDatabaseCheckFailsOnlyThatLink() {
        Fixture f = new Fixture("A", "B");
        f.world.setDatabase(new DatabaseState("B", "ONLINE", "SIMPLE", true, 1, Optional.empty()));
        f.world.traceFlags = Set.of();
        LinkRun run = f.runner().run(Fixture.plan("A", "B"));
        assertThat(run.outcomes().get(DatabaseName.of("A")).status()).isEqualTo(LinkOutcome.Status.SUCCEEDED);
        assertThat(run.outcomes().get(DatabaseName.of("B")).status()).isEqualTo(LinkOutcome.Status.FAILED);
        assertThat(f.events(dev.milink.event.LinkEvent.Warning.class)).anyMatch(w -> w.message().contains("global trace flags"));
        assertThat(f.world.snapshot()).contains("link:DAG_A").doesNotContain("ag:AG_B");
    }
}
