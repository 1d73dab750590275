package dev.milink.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.PlanKind;
import dev.milink.core.Journal;
import dev.milink.core.JournalEntry;
import dev.milink.core.JournalStore;
import dev.milink.step.StepId;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal directory's files under abuse (the reliability review's J13-J22): stale and live locks, planted
 * links and temp files, a directory that is a file or read-only. Every case asserts the error code, the message
 * naming the file, and that nothing outside the journal directory was written.
 */
class JournalFilesTest {

    private static final String KEY = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Sql/managedInstances/mi links DAG_A";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path root;
    Path dir;
    Path outside;
    final List<String> notices = new CopyOnWriteArrayList<>();
    FileJournalStore store;

    @BeforeEach
    void directories() throws IOException {
        dir = Files.createDirectories(root.resolve("journal"));
        outside = Files.writeString(root.resolve("outside.txt"), "not milink's");
        store = new FileJournalStore(dir, notices::add);
    }

    @Test
    void aLockIsWrittenWholeAndReleased() throws IOException {
        try (JournalStore.Lock lock = store.lock(KEY, NOW, Optional.empty())) {
            Optional<LockOwner> owner = LockOwner.parse(Files.readString(store.lockFile(KEY)));
            assertThat(owner).get().satisfies(o -> {
                assertThat(o.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(o.verdict(FileJournalStore.host())).isEqualTo(LockOwner.Verdict.LIVE);
            });
            assertThat(files()).containsExactly(store.lockFile(KEY).getFileName().toString());
        }
        assertThat(files()).isEmpty();
        assertThat(notices).isEmpty();
        assertUntouchedOutside();
    }

    @Test
    void aLockOfAProcessThatIsGoneIsBrokenWithANoticeNamingThePid() throws Exception {
        Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(gone.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.writeString(store.lockFile(KEY), "pid=" + gone.pid() + "\nhost=" + FileJournalStore.host()
                + "\nacquired=2026-12-06T11:59:00Z\n");

        store.lock(KEY, NOW, Optional.empty()).close();

        assertThat(notices).singleElement().asString().contains("left by pid " + gone.pid() + " on "
                + FileJournalStore.host(), "no longer running", "broke it", store.lockFile(KEY).toString());
        assertThat(files()).isEmpty();
        assertUntouchedOutside();
    }

    @Test
    void aPidNowUsedByAnotherProcessCountsAsGone() throws IOException {
        Files.writeString(store.lockFile(KEY), "pid=" + ProcessHandle.current().pid() + "\nhost=" + FileJournalStore.host()
                + "\nstarted=2001-01-01T00:00:00Z\nacquired=2026-12-06T11:00:00Z\n");

        store.lock(KEY, NOW, Optional.empty()).close();

        assertThat(notices).singleElement().asString().contains("pid " + ProcessHandle.current().pid(), "no longer running");
    }

    @Test
    void aLockOfARunningProcessIsRefusedNamingPidAndHostEvenWhenAskedToBreakStaleLocks() throws IOException {
        String live = LockOwner.current(FileJournalStore.host(), NOW.minusSeconds(30)).text();
        Files.writeString(store.lockFile(KEY), live);

        for (Optional<Duration> breakStale : List.of(Optional.<Duration>empty(), Optional.of(Duration.ofNanos(1)))) {
            LinkException e = catchThrowableOfType(LinkException.class, () -> store.lock(KEY, NOW, breakStale));
            assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_CONFLICT);
            assertThat(e.getMessage()).contains("pid " + ProcessHandle.current().pid() + " on " + FileJournalStore.host(),
                    "taken 30 s ago", "still running", store.lockFile(KEY).toString());
            assertThat(e.fix()).contains("never broken");
        }
        assertThat(Files.readString(store.lockFile(KEY))).isEqualTo(live);
        assertThat(files()).as("no temp file left").containsExactly(store.lockFile(KEY).getFileName().toString());
        assertThat(notices).isEmpty();
    }

    @Test
    void anEmptyOrUnreadableLockIsBrokenWithANotice() throws IOException {
        for (String text : List.of("", "pid=12", "garbage\n")) {
            notices.clear();
            Files.writeString(store.lockFile(KEY), text);

            store.lock(KEY, NOW, Optional.empty()).close();

            assertThat(notices).singleElement().asString().contains("The lock file " + store.lockFile(KEY),
                    text.isEmpty() ? "was empty" : "was unreadable", "broke it");
            assertThat(files()).isEmpty();
        }
    }

    @Test
    void aLockOfAnotherHostIsBrokenOnlyWhenAsked() throws IOException {
        Files.writeString(store.lockFile(KEY), "pid=4242\nhost=other-vm\nacquired=2026-12-06T11:00:00Z\n");

        LinkException e = catchThrowableOfType(LinkException.class, () -> store.lock(KEY, NOW, Optional.empty()));
        assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_CONFLICT);
        assertThat(e.getMessage()).contains("pid 4242 on other-vm, taken 3600 s ago", "cannot tell");
        assertThat(e.fix()).contains("(CLI: --break-stale-lock)");
        assertThat(catchThrowableOfType(LinkException.class, () -> store.lock(KEY, NOW, Optional.of(Duration.ofHours(2)))))
                .as("younger than the age given").isNotNull();

        store.lock(KEY, NOW, Optional.of(Duration.ofNanos(1))).close();

        assertThat(notices).singleElement().asString().contains("pid 4242 on other-vm", "broken as asked");
    }

    @Test
    void ctrlCReleasesTheLocksThisProcessHolds() throws IOException {
        JournalStore.Lock lock = store.lock(KEY, NOW, Optional.empty());
        Path other = store.lockFile(KEY + "2");
        Files.writeString(other, "pid=4242\nhost=other-vm\n");
        assertThat(LockFile.held(store.lockFile(KEY))).isTrue();

        LockFile.releaseAllHeld();

        assertThat(store.lockFile(KEY)).doesNotExist();
        assertThat(other).as("another process's lock").exists();
        assertThat(LockFile.held(store.lockFile(KEY))).isFalse();
        lock.close();
    }

    @Test
    void aSymbolicLinkAtTheLockOrJournalNameIsRefusedAndItsTargetIsUntouched() throws IOException {
        Files.createSymbolicLink(store.lockFile(KEY), outside);
        LinkException lock = catchThrowableOfType(LinkException.class, () -> store.lock(KEY, NOW, Optional.empty()));
        assertThat(lock.code()).isEqualTo(LinkErrorCode.JOURNAL_IO);
        assertThat(lock.getMessage()).contains("symbolic link at " + store.lockFile(KEY));
        Files.delete(store.lockFile(KEY));

        Files.createSymbolicLink(store.journalFile(KEY), outside);
        for (Runnable access : List.<Runnable>of(() -> store.load(KEY), () -> store.save(journal()))) {
            LinkException e = catchThrowableOfType(LinkException.class, access::run);
            assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_IO);
            assertThat(e.getMessage()).contains("symbolic link at " + store.journalFile(KEY));
        }
        assertThat(files()).containsExactly(store.journalFile(KEY).getFileName().toString());
        assertUntouchedOutside();
    }

    @Test
    void aPlantedTempFileOrLinkIsNeverWrittenThrough() throws IOException {
        // The temp names of the first format, and a guess at the current pattern: none is reused.
        Path fixed = dir.resolve(store.journalFile(KEY).getFileName() + ".tmp");
        Path guessed = dir.resolve(store.journalFile(KEY).getFileName() + ".1.tmp");
        Files.createSymbolicLink(fixed, outside);
        Files.createSymbolicLink(guessed, outside);

        try (JournalStore.Lock lock = store.lock(KEY, NOW, Optional.empty())) {
            store.save(journal());
        }

        assertThat(store.load(KEY)).contains(journal());
        assertUntouchedOutside();
        assertThat(guessed).as("a leftover temp name is cleared under the lock").doesNotExist();
        assertThat(fixed).isSymbolicLink();
        assertThat(files()).containsExactlyInAnyOrder(store.journalFile(KEY).getFileName().toString(),
                fixed.getFileName().toString());
    }

    @Test
    void aJournalDirectoryThatIsAFileIsAJournalIoError() throws IOException {
        Path file = Files.writeString(root.resolve("not-a-dir"), "x");
        FileJournalStore onFile = new FileJournalStore(file, notices::add);

        LinkException e = catchThrowableOfType(LinkException.class, () -> onFile.lock(KEY, NOW, Optional.empty()));

        assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_IO);
        assertThat(e.getMessage()).contains("Cannot create the journal directory " + file, file + " is not a directory");
        assertThat(e.fix()).contains("(CLI: --journal-dir DIR)");
        assertThat(file).hasContent("x");
    }

    @Test
    void aReadOnlyDirectoryIsAJournalIoErrorThatLeavesNoLockOrTempFile() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(dir), "permissions are not enforced for this user (root)");
            LinkException e = catchThrowableOfType(LinkException.class, () -> store.lock(KEY, NOW, Optional.empty()));
            assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_IO);
            assertThat(e.getMessage()).contains("Cannot take the lock " + store.lockFile(KEY), "permission denied");
            assertThat(files()).isEmpty();
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void diskFullAndReadOnlyFileSystemsAreNamedInPlainWords() {
        Path file = dir.resolve("x.journal");
        assertThat(JournalIo.cause(new FileSystemException(file.toString(), null, "No space left on device"), dir))
                .isEqualTo("the disk is full");
        assertThat(JournalIo.cause(new FileSystemException(file.toString(), null, "Read-only file system"), dir))
                .isEqualTo("the file system is read-only");
        LinkException e = JournalIo.failure("write the journal", file, dir, new java.io.IOException("No space left on device"));
        assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_IO);
        assertThat(e.getMessage()).isEqualTo("Cannot write the journal " + file + ": the disk is full. Fix: " + e.fix());
        assertThat(e.fix()).contains("writable directory with free space", "run the same command again");
    }

    private static Journal journal() {
        return new Journal(KEY, "abc123", PlanKind.CREATE, NOW, NOW, Map.of("a", "b"),
                List.of(JournalEntry.pending(new StepId("sql.master-key"))));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertUntouchedOutside() throws IOException {
        assertThat(outside).hasContent("not milink's");
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("journal", "outside.txt");
        }
    }
}
