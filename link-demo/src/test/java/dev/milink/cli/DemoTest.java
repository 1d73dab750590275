package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code milink demo} runs the whole lifecycle in-process against the simulators and loses nothing. */
class DemoTest {

    @Test
    @Timeout(120)
    void theDemoRunsEveryStageAndLosesNoTransaction(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("salesdb-link.sql");
        Cli.Result r = Cli.run("demo", "--script", script.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("SIMULATORS (test doubles").contains("not SQL Server and not Azure")
                .contains("[2] Preflight").contains("0 failed").contains("HEALTHY")
                .contains("SQL Server SECONDARY, Managed Instance PRIMARY").contains("0 transactions lost")
                .contains("[8] Drop the link").contains("Demo finished in").contains("every stage passed");
        assertThat(Files.readString(script)).contains("CREATE AVAILABILITY GROUP [AG_SalesDb]");
    }

    @Test
    void theDemoJarAddsTheDemoToTheCommandWithItsHelp() {
        assertThat(Cli.run("--help").out()).containsPattern("(?m)^\\s+demo\\s");
        Cli.Result r = Cli.run("demo", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Exit codes:").contains("Refused by a safety gate").contains("--json");
    }

    @Test
    void demoRejectsUnknownOptions() {
        Cli.Result r = Cli.run("demo", "--bogus");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--bogus");
    }
}
