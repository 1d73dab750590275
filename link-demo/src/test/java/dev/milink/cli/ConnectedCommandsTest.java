package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every connected subcommand end to end against the simulators, through picocli, with captured output. */
@Timeout(120)
class ConnectedCommandsTest {

    @TempDir
    Path journal;

    private Sim sim;

    @BeforeEach
    void start() {
        sim = Sim.start(journal);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static int number(Map<String, Object> json, String key) {
        return ((Number) json.get(key)).intValue();
    }

    private Cli.Result ok(String... args) {
        Cli.Result r = sim.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.all()).isZero();
        return r;
    }

    @Test
    void checkPassesOnAReadyWorldAndChangesNothing() {
        var before = sim.env.world().snapshot();
        Cli.Result r = ok("check");
        assertThat(r.out()).contains("STATUS").contains("recovery").contains("Preflight passed");
        assertThat(sim.env.world().snapshot()).isEqualTo(before);
        Map<String, Object> json = MiniJson.object(ok("check", "--json").out());
        assertThat(json).containsEntry("ok", true).containsEntry("passed", true);
        assertThat((List<?>) json.get("checks")).isNotEmpty();
    }

    @Test
    void createThenStatusShowsAHealthyLinkWithBothSides() {
        Cli.Result create = ok("create");
        assertThat(create.out()).contains("create finished").contains("SalesDb: SUCCEEDED").contains("100%");
        Cli.Result status = ok("status");
        assertThat(status.out()).contains("Link DAG_SalesDb (database SalesDb): HEALTHY")
                .contains("SQL Server PRIMARY, Managed Instance SECONDARY").contains("(equal)").contains("cert expiry");
        Map<String, Object> json = MiniJson.object(ok("status", "--json").out());
        assertThat(json).containsEntry("healthy", true);
        assertThat(map(((List<?>) json.get("links")).get(0))).containsEntry("status", "HEALTHY")
                .containsEntry("connected", true).containsEntry("lsnsEqual", true);
        Cli.Result watch = ok("status", "--watch", "5", "--watch-count", "2");
        assertThat(watch.out().split("Link DAG_SalesDb", -1)).hasSize(3);
        assertThat(watch.out()).contains("every 5s; Ctrl-C to stop");
    }

    @Test
    void createJsonReportsTheOutcomeOfEachLinkAndProgressGoesToStderr() {
        Cli.Result r = ok("create", "--json");
        Map<String, Object> json = MiniJson.object(r.out());
        assertThat(json).containsEntry("command", "create").containsEntry("ok", true).containsEntry("kind", "create");
        assertThat(map(((List<?>) json.get("links")).get(0))).containsEntry("database", "SalesDb")
                .containsEntry("status", "SUCCEEDED");
        assertThat(r.err()).contains("Running create plan");
    }

    @Test
    void createStopsWithExit3WhenPreflightFails() throws Exception {
        sim.close();
        sim = Sim.start(journal, b -> b.sqlServerDatabase("SalesDb", d -> d.recovery("SIMPLE").logFiles(1)));
        Cli.Result r = sim.run("create");
        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.PREFLIGHT_FAILED);
        assertThat(r.all()).contains("FULL").contains("Fix:");
        assertThat(sim.run("check").exit()).isEqualTo(ExitCodes.PREFLIGHT_FAILED);
        Map<String, Object> json = MiniJson.object(sim.run("check", "--json").out());
        assertThat(json).containsEntry("ok", false).containsEntry("passed", false);
        assertThat(number(json, "exitCode")).isEqualTo(3);
        Map<String, Object> create = MiniJson.object(sim.run("create", "--json").out());
        assertThat(create).containsEntry("ok", false);
        assertThat(number(create, "exitCode")).isEqualTo(3);
    }

    @Test
    void plannedFailoverAndFailbackSwitchRoles() {
        ok("create");
        Cli.Result refused = sim.run("failover", "--planned");
        assertThat(refused.exit()).as(refused.all()).isEqualTo(ExitCodes.REFUSED);
        Cli.Result failover = ok("failover", "--planned", "--workload-stopped", "--lsn-stable-seconds", "2");
        assertThat(failover.out()).contains("planned-failover finished");
        assertThat(ok("status").out()).contains("SQL Server SECONDARY, Managed Instance PRIMARY");
        Map<String, Object> back = MiniJson.object(ok("failback", "--workload-stopped", "--json").out());
        assertThat(back).containsEntry("ok", true).containsEntry("succeeded", true);
        assertThat(ok("status").out()).contains("SQL Server PRIMARY, Managed Instance SECONDARY");
    }

    @Test
    void aGateRefusingAtRunTimeExits4() {
        // No link exists: the failover's role gate refuses when it reads both sides.
        Cli.Result r = sim.run("failover", "--planned", "--workload-stopped", "--json");
        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.REFUSED);
        Map<String, Object> json = MiniJson.object(r.out());
        assertThat(json).containsEntry("ok", false);
        assertThat(number(json, "exitCode")).isEqualTo(4);
        assertThat(map(json.get("error"))).containsEntry("code", "GATE_REFUSED");
    }

    @Test
    void forcedFailoverThenSplitBrainRepair() {
        ok("create");
        Cli.Result forced = ok("failover", "--forced", "--allow-data-loss");
        assertThat(forced.out()).contains("finished");
        Cli.Result repair = ok("repair-split-brain", "--demote", "sql-server", "--tail-log-backup", "/backup/SalesDb_tail.trn",
                "--json");
        assertThat(MiniJson.object(repair.out())).containsEntry("ok", true);
        assertThat(ok("status").out()).contains("Managed Instance PRIMARY").doesNotContain("SPLIT_BRAIN");
    }

    @Test
    void dropRemovesTheLinkAndStatusThenExits1() {
        ok("create");
        assertThat(MiniJson.object(ok("drop", "--json").out())).containsEntry("kind", "drop");
        Cli.Result status = sim.run("status");
        assertThat(status.exit()).as(status.all()).isEqualTo(ExitCodes.EXECUTION_FAILED);
        assertThat(status.out()).contains("MISSING");
    }

    @Test
    void resumeOfAFinishedRunChangesNothingAndRollbackUndoesTheCreate() {
        ok("create");
        var before = sim.env.world().snapshot();
        Map<String, Object> resumed = MiniJson.object(ok("resume", "--json").out());
        assertThat(resumed).containsEntry("ok", true);
        assertThat(number(resumed, "stepsApplied")).isZero();
        assertThat(sim.env.world().snapshot()).isEqualTo(before);
        Cli.Result rollback = sim.run("rollback", "--json");
        Map<String, Object> json = MiniJson.object(rollback.out());
        assertThat(json).containsKey("undone").containsKey("leftInPlace");
        assertThat(rollback.exit()).as(rollback.all()).isIn(ExitCodes.OK, ExitCodes.EXECUTION_FAILED);
    }

    @Test
    void rotateCertificateRunsAndReportsAsJson() {
        ok("create");
        Cli.Result r = sim.run("rotate-certificate", "--new-certificate-name", "Cert_SQLBOX01_2027",
                "--new-certificate-expiry", "2027-06-30", "--json");
        Map<String, Object> json = MiniJson.object(r.out());
        assertThat(json).containsEntry("command", "rotate-certificate");
        assertThat(r.exit()).as(r.all()).isZero();
    }

    @Test
    void secretsNeverAppearInAnyOutput() {
        String[][] runs = {{"check", "--verbose"}, {"create", "--verbose"}, {"status", "--json"}, {"resume", "--verbose"},
            {"failover", "--planned", "--workload-stopped", "--verbose", "--lsn-stable-seconds", "1"},
            {"failback", "--workload-stopped", "--json"}, {"drop", "--verbose"}, {"rollback", "--json", "--verbose"},
            {"failover", "--forced", "--verbose"}};
        for (String[] args : runs) {
            Cli.Result r = sim.run(args);
            assertThat(r.all()).as(String.join(" ", args)).doesNotContain(Sim.SQL_PASSWORD).doesNotContain(Sim.MASTER_KEY);
        }
    }
}
