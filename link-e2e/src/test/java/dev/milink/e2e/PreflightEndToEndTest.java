package dev.milink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.demo.SimulatedEnvironment;
import dev.milink.DatabaseName;
import dev.milink.LinkPlan;
import dev.milink.core.CheckResult;
import dev.milink.core.CheckStatus;
import dev.milink.core.LinkRun;
import dev.milink.core.Preflight;
import dev.milink.core.PreflightReport;
import dev.milink.step.Prerequisite;
import dev.milink.testkit.world.LinkedWorld;
import dev.milink.testkit.world.LinkedWorldBuilder;
import dev.milink.testkit.world.SimulatedClock;
import dev.milink.testkit.world.WorldSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every preflight check that the two simulated sides can be set up to break fails once, for its own reason,
 * through the real adapters, with the observed value and the fix; and neither a check nor a refused run
 * changes anything.
 */
@Timeout(120)
class PreflightEndToEndTest {

    static Stream<Arguments> brokenEnvironments() {
        return Stream.of(
                broken("HADR disabled", Prerequisite.HADR_ENABLED, CheckStatus.FAILED, w -> w.hadrEnabled(false), "SalesDb"),
                broken("SQL Server 2019 RTM", Prerequisite.SQL_SERVER_VERSION, CheckStatus.FAILED,
                        w -> w.sqlServerVersion("15.0.2000.5"), "SalesDb"),
                broken("simple recovery", Prerequisite.RECOVERY_FULL, CheckStatus.FAILED,
                        w -> w.sqlServerDatabase("Simple", d -> d.recovery("SIMPLE").fullBackup()), "Simple"),
                broken("no full backup", Prerequisite.FULL_BACKUP, CheckStatus.FAILED,
                        w -> w.sqlServerDatabase("NoBackup", d -> d.recoveryFull()), "NoBackup"),
                broken("two log files", Prerequisite.SINGLE_LOG_FILE, CheckStatus.FAILED,
                        w -> w.sqlServerDatabase("TwoLogs", d -> d.recoveryFull().fullBackup().logFiles(2)), "TwoLogs"),
                broken("database missing", Prerequisite.DATABASE_ONLINE, CheckStatus.FAILED, w -> { }, "Missing"),
                broken("name taken on the Managed Instance", Prerequisite.DATABASE_NAME_FREE, CheckStatus.FAILED,
                        w -> w.managedInstanceDatabase("SalesDb", d -> d.recoveryFull()), "SalesDb"),
                broken("update policy AlwaysUpToDate with two-way DR", Prerequisite.UPDATE_POLICY, CheckStatus.FAILED,
                        w -> w.updatePolicy("AlwaysUpToDate"), "SalesDb"),
                broken("collations differ", Prerequisite.COLLATION_MATCH, CheckStatus.WARNING,
                        w -> w.managedInstanceCollation("Latin1_General_100_CI_AS_SC_UTF8"), "SalesDb"));
    }

    private static Arguments broken(String what, Prerequisite check, CheckStatus expected,
            Consumer<LinkedWorldBuilder> breakIt, String database) {
        return Arguments.of(what, check, expected, breakIt, database);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEnvironments")
    void eachCheckFailsForItsOwnReasonAndNothingChanges(String what, Prerequisite check, CheckStatus expected,
            Consumer<LinkedWorldBuilder> breakIt, String database) {
        LinkedWorldBuilder builder = LinkedWorld.builder().clock(SimulatedClock.standard())
                .sqlServerDatabase("SalesDb", d -> d.recoveryFull().fullBackup().logFiles(1));
        breakIt.accept(builder);
        try (SimulatedEnvironment env = SimulatedEnvironment.of(builder.build().start())) {
            LinkPlan plan = env.linkFromSqlServer(database).plan();
            WorldSnapshot before = env.world().snapshot();

            PreflightReport report = Preflight.check(plan, env.sqlServer(), env.managedInstance(),
                    (host, port) -> Optional.empty());

            Optional<DatabaseName> target = check.perDatabase() ? Optional.of(DatabaseName.of(database)) : Optional.empty();
            CheckResult result = report.result(check, target).orElseThrow();
            assertThat(result.status()).as(report.render()).isEqualTo(expected);
            assertThat(result.observed()).isNotBlank();
            assertThat(result.fix()).isEqualTo(check.fix());
            if (check == Prerequisite.DATABASE_ONLINE) {
                // A missing database also fails the checks about its recovery model, backup and log files.
                assertThat(report.errors()).allSatisfy(r -> assertThat(r.database()).isEqualTo(target));
            } else {
                assertThat(report.results()).filteredOn(r -> r.status() == CheckStatus.FAILED)
                        .extracting(CheckResult::prerequisite).as("only the broken check fails")
                        .containsOnly(expected == CheckStatus.FAILED ? new Prerequisite[] {check} : new Prerequisite[0]);
            }
            if (expected == CheckStatus.FAILED) {
                LinkRun run = env.runner().run(plan);
                assertThat(run.succeeded()).isFalse();
                assertThat(run.stepsApplied()).isZero();
            }
            assertThat(env.world().snapshot()).as("preflight and a refused run change nothing").isEqualTo(before);
        }
    }

    @Test
    void aPlannedFailoverNeedsSqlServer2022Cu13ForTheTsqlFailover() {
        LinkedWorld world = LinkedWorld.builder().clock(SimulatedClock.standard()).sqlServerVersion("16.0.4115.5")
                .sqlServerDatabase("SalesDb", d -> d.recoveryFull().fullBackup().sizeBytes(8L << 20)).build().start();
        try (SimulatedEnvironment env = SimulatedEnvironment.of(world)) {
            env.runner().run(env.linkFromSqlServer("SalesDb").plan()).orThrow();
            WorldSnapshot linked = env.world().snapshot();

            LinkRun failover = env.runner().run(env.linkFromSqlServer("SalesDb")
                    .planFailover(dev.milink.FailoverOptions.plannedToManagedInstance().workloadStopped(true)));

            assertThat(failover.succeeded()).isFalse();
            assertThat(failover.failure().orElseThrow().getMessage()).contains("16.0.4125.3");
            assertThat(failover.stepsApplied()).isZero();
            assertThat(env.world().snapshot()).isEqualTo(linked);
        }
    }

    @Test
    void anExistingEndpointWithoutCertificateAuthenticationIsReportedWithTheAlterStatement() throws SQLException {
        LinkedWorld world = LinkedWorld.builder().clock(SimulatedClock.standard())
                .sqlServerDatabase("SalesDb", d -> d.recoveryFull().fullBackup()).build().start();
        try (SimulatedEnvironment env = SimulatedEnvironment.of(world);
                Connection c = world.sqlServerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ENDPOINT [Mirroring] STATE = STARTED AS TCP (LISTENER_PORT = 5022, LISTENER_IP = ALL)"
                    + " FOR DATABASE_MIRRORING (ROLE = ALL, AUTHENTICATION = WINDOWS NEGOTIATE, ENCRYPTION = REQUIRED ALGORITHM AES)");

            PreflightReport report = Preflight.check(env.linkFromSqlServer("SalesDb").plan(), env.sqlServer(),
                    env.managedInstance(), (host, port) -> Optional.empty());

            CheckResult endpoint = report.result(Prerequisite.ENDPOINT_SHAPE, Optional.empty()).orElseThrow();
            assertThat(endpoint.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(endpoint.observed()).containsIgnoringCase("NEGOTIATE");
            assertThat(endpoint.fix()).contains("ALTER ENDPOINT");
        }
    }
}
