package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.PlanKind;
import dev.milink.core.internal.FileJournalStore;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's journal and lock handling against the simulators: resume without a journal, a damaged journal and
 * --discard-journal, stale, live and foreign locks with --break-stale-lock, a journal directory that is a file.
 */
@Timeout(180)
class JournalCommandsTest {

    @TempDir
    Path root;

    private Sim sim;
    private Path dir;

    private void start() {
        dir = root.resolve("journal");
        sim = Sim.start(dir);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void resumeWithoutAJournalRefusesInsteadOfRunningAWholeCreate() {
        start();
        var before = sim.env.world().snapshot();

        Cli.Result r = sim.run("resume");

        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("No journal of", "there is no stopped run of these links to resume",
                "Fix:", "'milink create'");
        assertThat(sim.env.world().snapshot()).isEqualTo(before);
        assertThat(dir).doesNotExist();
        Cli.Result drop = sim.run("resume", "--drop", "--json");
        assertThat(drop.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(MiniJson.object(drop.out())).extractingByKey("error").asString().contains("INVALID_INPUT", "'milink drop'");
    }

    @Test
    void aDamagedJournalExitsJournalCorruptAndDiscardJournalStartsOverKeepingIt() throws IOException {
        start();
        assertThat(sim.run("create").exit()).isZero();
        Path journal = journalFile();
        assertThat(journal.getFileName().toString()).isEqualTo(lockFile().getFileName().toString().replace(".lock", ".journal"));
        String damaged = Files.readString(journal).replaceFirst("created=true", "created=trud");
        Files.writeString(journal, damaged);
        int line = 1 + (int) damaged.substring(0, damaged.indexOf("created=trud")).chars().filter(c -> c == '\n').count();
        var before = sim.env.world().snapshot();

        for (String command : List.of("resume", "create", "drop", "rollback")) {
            Cli.Result r = sim.run(command, "--json");
            assertThat(r.exit()).as(command + "\n" + r.all()).isEqualTo(ExitCodes.JOURNAL_CORRUPT);
            Map<String, Object> error = map(MiniJson.object(r.out()).get("error"));
            assertThat(error).containsEntry("code", "JOURNAL_CORRUPT");
            assertThat((String) error.get("message")).contains("The journal " + journal, "damaged at line " + line + ":");
            assertThat((String) error.get("fix")).contains("inspect the file", "--discard-journal")
                    .doesNotContain("JournalStore.discard");
        }
        assertThat(sim.env.world().snapshot()).isEqualTo(before);
        assertThat(files()).containsExactly(journal.getFileName().toString());

        Cli.Result rollback = sim.run("rollback", "--discard-journal");
        assertThat(rollback.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(rollback.err()).contains("--discard-journal", "nothing to undo");

        Cli.Result fresh = sim.run("resume", "--discard-journal");

        assertThat(fresh.exit()).as(fresh.all()).isZero();
        assertThat(fresh.err()).contains("the journal was moved aside to " + journal + ".discarded-", "kept for inspection",
                "starting from the live state");
        assertThat(files()).hasSize(2).anySatisfy(n -> assertThat(n).startsWith(journal.getFileName() + ".discarded-"));
        try (Stream<Path> kept = Files.list(dir)) {
            assertThat(kept.filter(p -> p.toString().contains(".discarded-")).findFirst()).get().satisfies(
                    p -> assertThat(p).hasContent(damaged));
        }
        assertThat(sim.env.world().snapshot()).isEqualTo(before);
        assertThat(Files.readString(journal)).doesNotContain("created=trud");
        assertOnlyTheJournalDirectory();
    }

    @Test
    void aLockLeftByAProcessThatIsGoneIsBrokenAndNamed() throws Exception {
        start();
        Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(gone.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.createDirectories(dir);
        Path lock = lockFile();
        Files.writeString(lock, "pid=" + gone.pid() + "\nhost=" + host() + "\nacquired=2026-01-01T00:00:00Z\n");

        Cli.Result r = sim.run("create");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err()).contains("milink create: The lock of", "left by pid " + gone.pid() + " on " + host(),
                "no longer running", "broke it");
        assertThat(lock).doesNotExist();
        assertOnlyTheJournalDirectory();
    }

    @Test
    void aLiveLockIsRefusedNamingPidAndHostAndAForeignOneNeedsBreakStaleLock() throws IOException {
        start();
        Files.createDirectories(dir);
        Path lock = lockFile();
        ProcessHandle self = ProcessHandle.current();
        String live = "pid=" + self.pid() + "\nhost=" + host() + "\nstarted=" + self.info().startInstant().orElseThrow()
                + "\nacquired=2026-01-01T00:00:00Z\n";
        Files.writeString(lock, live);

        Cli.Result refused = sim.run("create", "--break-stale-lock");

        assertThat(refused.exit()).as(refused.all()).isEqualTo(ExitCodes.EXECUTION_FAILED);
        assertThat(refused.err()).contains("Another runner holds the lock",
                "pid " + self.pid() + " on " + host(), "still running", lock.toString());
        assertThat(lock).hasContent(live);

        Files.writeString(lock, "pid=4242\nhost=other-vm\nacquired=2026-01-01T00:00:00Z\n");
        Cli.Result foreign = sim.run("create");
        assertThat(foreign.exit()).isEqualTo(ExitCodes.EXECUTION_FAILED);
        assertThat(foreign.err()).contains("pid 4242 on other-vm", "--break-stale-lock").doesNotContain("breakStaleLock(");

        Cli.Result broken = sim.run("create", "--break-stale-lock");
        assertThat(broken.exit()).as(broken.all()).isZero();
        assertThat(broken.err()).contains("pid 4242 on other-vm", "was broken as asked");
        assertOnlyTheJournalDirectory();
    }

    @Test
    void aJournalDirectoryThatIsAFileIsJournalIoWithItsOwnExitCode() throws IOException {
        start();
        Files.writeString(dir, "a file");
        var before = sim.env.world().snapshot();

        Cli.Result r = sim.run("create", "--json");

        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.JOURNAL_IO);
        Map<String, Object> error = map(MiniJson.object(r.out()).get("error"));
        assertThat(error).containsEntry("code", "JOURNAL_IO");
        assertThat((String) error.get("message")).contains(dir + " is not a directory");
        assertThat((String) error.get("fix")).contains("--journal-dir DIR");
        assertThat(dir).hasContent("a file");
        assertThat(sim.env.world().snapshot()).isEqualTo(before);
    }

    @Test
    void ctrlCNamesTheCommandThatContinues() {
        List<String> typed = List.of("create", "--sql-server", "SQL BOX", "--discard-journal", "--journal-dir", "/j");
        assertThat(Interruption.continuation("create", PlanKind.CREATE, typed))
                .isEqualTo("milink resume --sql-server 'SQL BOX' --journal-dir /j");
        assertThat(Interruption.continuation("drop", PlanKind.DROP, List.of("drop", "--force")))
                .isEqualTo("milink resume --drop --force");
        assertThat(Interruption.continuation("resume", PlanKind.DROP, List.of("resume", "--drop", "--x", "it's")))
                .isEqualTo("milink resume --drop --x 'it'\\''s'");
        assertThat(Interruption.continuation("failover", PlanKind.PLANNED_FAILOVER, List.of("failover", "--planned")))
                .isEqualTo("milink failover --planned");
        java.io.StringWriter err = new java.io.StringWriter();
        Interruption.fire(new java.io.PrintWriter(err), "create", "milink resume --database SalesDb");
        assertThat(err.toString()).contains("milink create: interrupted; the journal lock is released",
                "Continue with:\n  milink resume --database SalesDb");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private Path journalFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".journal")).findFirst().orElseThrow();
        }
    }

    /** The lock file of the simulated world's link set: its key is the instance id and the link names. */
    private Path lockFile() {
        String key = sim.env.managedInstanceId().resourceId() + " links DAG_SalesDb";
        return new FileJournalStore(dir).lockFile(key);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertOnlyTheJournalDirectory() throws IOException {
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("journal");
        }
    }

    private static String host() throws IOException {
        return InetAddress.getLocalHost().getHostName();
    }
}
