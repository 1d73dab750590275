package dev.milink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkPlan;
import dev.milink.core.fake.Fixture;
import dev.milink.core.fake.Kill;
import dev.milink.core.internal.FileJournalStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged journal is never believed: each way of damaging it (the reliability review's J01-J10) is a
 * {@code JOURNAL_CORRUPT} error naming the file and the line, before either side is touched, and without a second
 * journal; discarding it starts over from the live state.
 */
class JournalIntegrityTest {

    private static final LinkPlan PLAN = Fixture.plan("SalesDb");
    private static final String KEY = Journal.keyOf(PLAN);

    @TempDir
    Path root;
    Path dir;
    Path outside;
    Fixture f;
    FileJournalStore store;
    Path journal;

    /** A create killed while the link is being made: the journal says mi.link RUNNING, the AG was created. */
    @BeforeEach
    void killedCreate() throws IOException {
        dir = root.resolve("journal");
        outside = Files.writeString(root.resolve("outside.txt"), "not milink's");
        f = new Fixture("SalesDb");
        store = new FileJournalStore(dir);
        f.journal = store;
        journal = store.journalFile(KEY);
        f.world.faults.kill("apply:mi.link[SalesDb]:before");
        catchThrowableOfType(Kill.class, () -> f.runner().run(PLAN));
        f.world.faults.clear();
        f.world.resetCounters();
        assertThat(text()).contains("mi.link[SalesDb] | RUNNING", "sql.availability-group[SalesDb] | DONE | created=true");
    }

    @Test
    void truncatedToHalfIsCorruptAtTheCutLine() throws IOException {
        byte[] bytes = Files.readAllBytes(journal);
        Files.write(journal, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        int lastLine = (int) text().chars().filter(c -> c == '\n').count() + 1;

        assertCorrupt(lastLine, "cut short");
    }

    @Test
    void truncatedAtALineBoundaryIsCorrupt() throws IOException {
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(0, lines.size() - 4));

        assertCorrupt(lines.size() - 4, "without its closing 'end:' line");
    }

    @Test
    void truncatedToZeroIsCorrupt() throws IOException {
        Files.write(journal, new byte[0]);

        assertCorrupt(1, "empty");
    }

    @Test
    void oneChangedByteInCreatedIsCorruptNotFalse() throws IOException {
        int line = lineOf("sql.availability-group[SalesDb] | DONE | created=true");
        damage(t -> t.replace("sql.availability-group[SalesDb] | DONE | created=true",
                "sql.availability-group[SalesDb] | DONE | created=trud"));

        assertCorrupt(line, "checksum does not match");
        LinkException rollback = catchThrowableOfType(LinkException.class, () -> f.runner().rollback(PLAN));
        assertThat(rollback.code()).as("rollback never believes a damaged journal").isEqualTo(LinkErrorCode.JOURNAL_CORRUPT);
        assertThat(f.world.snapshot()).contains("ag:AG_SalesDb");
    }

    @Test
    void oneChangedByteInTheKeyLineIsCorruptAndNoSecondJournalIsWritten() throws IOException {
        damage(t -> t.replace("managedInstances/mi-name", "managedInstances/mi-namf"));

        assertCorrupt(2, "checksum does not match");
    }

    @Test
    void aChangedStateOrFactIsCorruptAtItsLine() throws IOException {
        int line = lineOf("fact: managed-instance-fqdn = ");
        damage(t -> t.replace("fact: managed-instance-fqdn = ", "fact: managed-instance-fqdn ? "));
        assertCorrupt(line, "checksum does not match");
    }

    @Test
    void aRemovedLineIsCorruptAtTheLineAfterIt() throws IOException {
        int line = lineOf("step: sql.master-key");
        damage(t -> t.replaceAll("step: sql\\.master-key [^\n]*\n", ""));

        assertCorrupt(line, "was changed or removed");
    }

    @Test
    void legacyJournalsAreReadStrictly() throws IOException {
        String legacy = "# milink journal: rewritten atomically after every step; holds no secrets\n" + legacyLines();
        Files.writeString(journal, legacy);
        assertThat(store.load(KEY)).get().satisfies(j -> assertThat(j.entry(new dev.milink.step.StepId("mi.link[SalesDb]"))
                .orElseThrow().state()).isEqualTo(StepState.RUNNING));

        Files.writeString(journal, legacy.replace("| DONE | created=true", "| DONE | created=trud"));
        int line = 1 + (int) legacy.substring(0, legacy.indexOf("created=true")).chars().filter(c -> c == '\n').count();
        LinkException e = assertCorrupt(line, "created=trud is neither true nor false");
        assertThat(e.getMessage()).doesNotContain("checksum");

        Files.writeString(journal, legacy.replace("| RUNNING |", "| RUNNINF |"));
        assertCorrupt(lineOf("RUNNINF"), "'RUNNINF' is not a step state");

        Files.writeString(journal, legacy.replace("managedInstances/mi-name", "managedInstances/mi-namf"));
        assertCorrupt(2, "not the '" + KEY + "' its file name stands for");
    }

    @Test
    void discardingKeepsTheDamagedJournalAndTheNextRunStartsFromTheLiveState() throws IOException {
        damage(t -> t.replace("created=true", "created=trud"));
        String damaged = text();

        String kept = store.discard(KEY, f.clock.instant(), java.util.Optional.empty()).orElseThrow();

        assertThat(journal).doesNotExist();
        assertThat(Path.of(kept)).hasParent(dir).hasContent(damaged);
        assertThat(kept).contains(".journal.discarded-");
        LinkRun run = f.runner().run(PLAN);
        assertThat(run.succeeded()).isTrue();
        assertThat(run.resumed()).as("nothing is believed from the discarded journal").isFalse();
        assertThat(f.world.redundant).as("found in place, not created twice").isEmpty();
        assertThat(store.load(KEY).orElseThrow().complete()).isTrue();
        assertThat(store.discard(KEY, f.clock.instant(), java.util.Optional.empty())).get().asString()
                .as("an earlier discarded journal is never overwritten").isNotEqualTo(kept);
        assertThat(Path.of(kept)).hasContent(damaged);
    }

    @Test
    void aDeletedJournalStartsAfreshAndConverges() throws IOException {
        Files.delete(journal);

        LinkRun run = f.runner().run(PLAN);

        assertThat(run.succeeded()).isTrue();
        assertThat(run.resumed()).isFalse();
        assertThat(f.world.redundant).isEmpty();
    }

    @Test
    void theInMemoryStoreReportsDamageTheSameWay() {
        Fixture memory = new Fixture("SalesDb");
        dev.milink.core.internal.InMemoryJournalStore journals = new dev.milink.core.internal.InMemoryJournalStore();
        memory.journal = journals;
        memory.runner().run(PLAN).orThrow();
        String text = journals.text(KEY).orElseThrow();
        journals.overwrite(KEY, text.replace("| DONE |", "| DONF |"));
        int firstStep = 1 + (int) text.substring(0, text.indexOf("step: ")).chars().filter(c -> c == '\n').count();

        LinkException e = catchThrowableOfType(LinkException.class, () -> memory.runner().run(PLAN));

        assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_CORRUPT);
        assertThat(e.getMessage()).contains("in memory for " + KEY, "damaged at line " + firstStep + ":");
    }

    private LinkException assertCorrupt(int line, String what) throws IOException {
        SortedSet<String> before = f.world.snapshot();
        List<String> filesBefore = files();
        String textBefore = text();

        LinkException e = catchThrowableOfType(LinkException.class, () -> f.runner().resume(PLAN));

        assertThat(e).as("a damaged journal is refused").isNotNull();
        assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_CORRUPT);
        assertThat(e.getMessage()).contains("The journal " + journal, "damaged at line " + line + ":", what,
                "Nothing was changed");
        assertThat(e.fix()).contains("inspect the file", "(CLI: --discard-journal)", "live state");
        assertThat(f.world.calls).as("neither side was touched").isEmpty();
        assertThat(f.world.snapshot()).isEqualTo(before);
        assertThat(files()).as("no second journal, no lock, no temp file").isEqualTo(filesBefore);
        assertThat(text()).as("the damaged journal is kept as it is").isEqualTo(textBefore);
        assertThat(outside).hasContent("not milink's");
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("journal", "outside.txt");
        }
        return e;
    }

    private String legacyLines() throws IOException {
        Journal j = store.load(KEY).orElseThrow();
        // The first format: the same lines, without checksums and without the closing line.
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(journal).subList(1, Files.readAllLines(journal).size() - 1)) {
            out.append(line, 0, line.length() - 10).append('\n');
        }
        assertThat(j.key()).isEqualTo(KEY);
        return out.toString();
    }

    private int lineOf(String fragment) throws IOException {
        List<String> lines = Files.readAllLines(journal);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment + " not in the journal");
    }

    private void damage(UnaryOperator<String> change) throws IOException {
        String before = text();
        String after = change.apply(before);
        assertThat(after).as("the damage changes the file").isNotEqualTo(before);
        Files.writeString(journal, after);
    }

    private String text() throws IOException {
        return Files.readString(journal, StandardCharsets.UTF_8);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
