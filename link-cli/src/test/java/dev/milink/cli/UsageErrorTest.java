package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UsageErrorTest {

    static final String LINK_COMMANDS = "plan,script,check,create,status,failover,failback,drop,rotate-certificate,resume,rollback,repair-split-brain";

    private static void assertCleanUsageError(Cli.Result r, String option) {
        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(option).contains("Fix:").contains("--help");
        assertThat(r.all()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static String[] args(String command, String... rest) {
        String[] head = command.equals("failover") ? new String[] {command, "--planned"}
                : command.equals("rotate-certificate") ? new String[] {command, "--new-certificate-name", "Cert2",
                    "--new-certificate-expiry", "2027-06-30"} : new String[] {command};
        return Cli.concat(head, rest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "script", "check", "create", "status", "failover", "failback", "drop",
        "rotate-certificate", "resume", "rollback"})
    void missingSqlServerNamesTheOptionAndTheFix(String command) {
        Cli.Result r = Cli.run(args(command, "--endpoint", "TCP://10.0.1.8:5022", "--database", "SalesDb",
                "--managed-instance", Cli.MI));
        assertCleanUsageError(r, "--sql-server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "script", "check", "create", "status", "failover", "failback", "drop",
        "rotate-certificate", "resume", "rollback"})
    void badEndpointNamesTheOption(String command) {
        Cli.Result r = Cli.run(args(command, "--sql-server", "SQLBOX01", "--endpoint", "http://10.0.1.8:5022",
                "--database", "SalesDb", "--managed-instance", Cli.MI));
        assertCleanUsageError(r, "--endpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "script", "check", "create", "status", "failover", "failback", "drop",
        "rotate-certificate", "resume", "rollback"})
    void controlCharacterInANameIsRefused(String command) {
        Cli.Result r = Cli.run(args(command, "--sql-server", "SQLBOX01", "--endpoint", "TCP://10.0.1.8:5022",
                "--database", "Sales\u0007Db", "--managed-instance", Cli.MI));
        assertCleanUsageError(r, "--database");
        assertThat(r.err()).contains("\\u0007").doesNotContain("\u0007");
    }

    @Test
    void badResourceIdNamesTheOption() {
        Cli.Result r = Cli.run("plan", "--sql-server", "SQLBOX01", "--endpoint", "TCP://10.0.1.8:5022",
                "--database", "SalesDb", "--managed-instance", "sqlmi-prod-01");
        assertCleanUsageError(r, "--managed-instance");
    }

    @Test
    void badChoicesNameTheAllowedValues() {
        assertCleanUsageError(Cli.run(Cli.concat(new String[] {"plan", "--sql-server-version", "2012"}, Cli.LINK)),
                "--sql-server-version");
        assertCleanUsageError(Cli.run(Cli.concat(new String[] {"plan", "--initial-primary", "azure"}, Cli.LINK)),
                "--initial-primary");
        assertCleanUsageError(Cli.run(Cli.concat(new String[] {"plan", "--certificate-expiry", "30/06/2027"}, Cli.LINK)),
                "--certificate-expiry");
    }

    @Test
    void unsupportedCombinationIsAUsageErrorInCliTerms() {
        Cli.Result r = Cli.run(Cli.concat(new String[] {"create", "--two-way-dr", "--sql-server-version", "2019"}, Cli.LINK));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--two-way-dr=false").doesNotContain(".twoWayDR(");
    }

    @Test
    void failoverNeedsExactlyOneMode() {
        Cli.Result none = Cli.run(Cli.concat(new String[] {"failover"}, Cli.LINK));
        assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--planned").contains("--forced");
        Cli.Result both = Cli.run(Cli.concat(new String[] {"failover", "--planned", "--forced"}, Cli.LINK));
        assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
        Cli.Result plannedLoss = Cli.run(Cli.concat(new String[] {"failover", "--planned", "--allow-data-loss"}, Cli.LINK));
        assertThat(plannedLoss.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(plannedLoss.err()).contains("--allow-data-loss");
    }

    @Test
    void forcedFailoverWithoutAcknowledgementIsRefusedByTheGate() {
        Cli.Result r = Cli.run(Cli.concat(new String[] {"failover", "--forced", "--json"}, Cli.LINK));
        assertThat(r.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("forced failover may lose").contains("Fix:").contains("--forced --allow-data-loss")
                .doesNotContain("allowDataLoss(").doesNotContain("\tat ");
        Map<String, Object> doc = MiniJson.object(r.out());
        assertThat(doc).containsEntry("ok", false).containsEntry("exitCode", 4.0);
        assertThat(r.out()).contains("\"code\":\"GATE_REFUSED\"");
    }

    @Test
    void plannedFailoverNeedsTheWorkloadStoppedAndOldVersionsTheEndOfLinkAcknowledged() {
        Cli.Result r = Cli.run(Cli.concat(new String[] {"failover", "--planned"}, Cli.LINK));
        assertThat(r.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("Fix:").contains("--workload-stopped").doesNotContain("workloadStopped(");
        Cli.Result old = Cli.run(Cli.concat(new String[] {"failover", "--planned", "--workload-stopped",
            "--sql-server-version", "2019", "--dry-run"}, Cli.LINK));
        assertThat(old.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(old.err()).contains("--end-link");
        Cli.Result back = Cli.run(Cli.concat(new String[] {"failback", "--dry-run"}, Cli.LINK));
        assertThat(back.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(Cli.run(Cli.concat(new String[] {"failover", "--planned", "--to", "azure"}, Cli.LINK)).exit())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void usageErrorsUnderJsonAreAJsonDocumentToo() {
        Cli.Result r = Cli.run("script", "--json", "--sql-server", "SQLBOX01", "--endpoint", "TCP://10.0.1.8:5022",
                "--managed-instance", Cli.MI);
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        Map<String, Object> doc = MiniJson.object(r.out());
        assertThat(doc).containsEntry("command", "script").containsEntry("ok", false).containsEntry("exitCode", 2.0);
        assertThat(r.out()).contains("\"option\":\"--database\"").contains("\"fix\":");
        Cli.Result unknown = Cli.run("plan", "--json", "--bogus");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(MiniJson.object(unknown.out())).containsEntry("ok", false);
    }

    @Test
    void connectedCommandsWithoutAConnectionNameTheOptionAndChangeNothing() {
        String[][] commands = {{"check"}, {"create"}, {"status"}, {"failback", "--workload-stopped"}, {"drop"},
            {"rotate-certificate", "--new-certificate-name", "Cert2", "--new-certificate-expiry", "2027-06-30"},
            {"resume"}, {"rollback"}, {"failover", "--planned", "--workload-stopped"},
            {"failover", "--forced", "--allow-data-loss"}, {"repair-split-brain", "--demote", "managed-instance"}};
        for (String[] args : commands) {
            String command = args[0];
            Cli.Result r = Cli.run(Cli.concat(Cli.concat(args, "--json"), Cli.LINK));
            assertThat(r.exit()).as(command + r.all()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--sql-host").contains("Fix:");
            assertThat(MiniJson.object(r.out())).containsEntry("ok", false).containsEntry("command", command);
        }
    }

    @Test
    void repairSplitBrainNeedsASideAndWatchAPositiveInterval() {
        Cli.Result none = Cli.run(Cli.concat(new String[] {"repair-split-brain"}, Cli.LINK));
        assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--demote");
        assertCleanUsageError(Cli.run(Cli.concat(new String[] {"repair-split-brain", "--demote", "nowhere"}, Cli.LINK)),
                "--demote");
        assertCleanUsageError(Cli.run(Cli.concat(new String[] {"status", "--watch", "0"}, Cli.LINK)), "--watch");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        for (String command : LINK_COMMANDS.split(",")) {
            Cli.Result r = Cli.run(command, "--help");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Exit codes:").contains("Refused by a safety gate").contains("--json");
        }
        Cli.Result root = Cli.run("--help");
        assertThat(root.out()).contains("Exit codes:").contains("rotate-certificate").contains("failback");
    }

    @Test
    void theProductCommandHasNoDemo() {
        // The demo needs the simulators; only link-demo's jar plugs it in (see DemoTest there).
        Cli.Result r = Cli.run("demo");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("demo");
        assertThat(Cli.run("--help").out()).doesNotContainPattern("(?m)^\\s+demo\\s");
    }

    @Test
    void noSubcommandPrintsUsageAndExitsTwo() {
        Cli.Result r = Cli.run();
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Usage: milink");
    }

    @Test
    void verboseShowsTheTraceOfAFailure() {
        Cli.Result r = Cli.run(Map.of(CliEnvironment.SQL_PASSWORD, "x"), Cli.concat(new String[] {"create", "--verbose", "--sql-host", "127.0.0.1", "--sql-port",
            "1", "--sql-user", "sa"}, Cli.LINK));
        assertThat(r.exit()).isEqualTo(ExitCodes.EXECUTION_FAILED);
        assertThat(r.err()).contains("\tat dev.milink.cli.");
    }
}
