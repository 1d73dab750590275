package dev.milink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkPlan;
import dev.milink.core.fake.Faults;
import dev.milink.core.fake.Fixture;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.CheckStep;
import dev.milink.step.Step;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** After a failure at any step, rollback removes what the run created and nothing else. */
class RollbackTest {

    private static final LinkPlan PLAN = Fixture.plan("SalesDb");

    static Stream<Step> steps() {
        return PLAN.steps().stream().filter(s -> !(s instanceof CheckStep) || s instanceof AwaitSynchronization);
    }

    private static void failAt(Fixture f, Step step) {
        if (step instanceof AwaitSynchronization) {
            f.world.seedingFails = true;
        } else {
            f.world.faults.fail("apply:" + step.id().value() + ":before", 100, Faults.permanent(step.id().value()));
        }
    }

    @ParameterizedTest
    @MethodSource("steps")
    void rollbackOnACleanServerLeavesOnlyWhatItReports(Step step) {
        Fixture f = new Fixture("SalesDb");
        SortedSet<String> before = f.world.snapshot();
        failAt(f, step);
        LinkRun run = f.runner().run(PLAN);
        assertThat(run.succeeded()).isFalse();
        f.world.faults.clear();

        RollbackReport report = f.runner().rollback(PLAN);

        assertThat(report.succeeded()).isTrue();
        SortedSet<String> after = f.world.snapshot();
        assertThat(before).as("nothing that existed before was removed").isSubsetOf(after);
        SortedSet<String> extra = new TreeSet<>(after);
        extra.removeAll(before);
        assertThat(extra).as("left behind: %s", report.leftInPlace()).isSubsetOf(keysOf(report));
    }

    @ParameterizedTest
    @MethodSource("steps")
    void rollbackWithUserObjectsInPlaceRestoresTheExactSnapshot(Step step) {
        Fixture f = new Fixture("SalesDb");
        f.world.preexisting(true, "Cert_SQLBOX01_endpoint", "Hadr_endpoint");
        SortedSet<String> before = f.world.snapshot();
        failAt(f, step);
        f.runner().run(PLAN);
        f.world.faults.clear();

        RollbackReport report = f.runner().rollback(PLAN);

        assertThat(report.succeeded()).isTrue();
        SortedSet<String> expected = new TreeSet<>(before);
        if (f.world.snapshot().contains("midb:salesdb")) {
            assertThat(report.leftInPlace()).anyMatch(l -> l.startsWith("database [SalesDb] on the Managed Instance"));
            expected.add("midb:salesdb");
        }
        assertThat(f.world.snapshot()).isEqualTo(expected);
        assertThat(report.leftInPlace()).noneMatch(l -> l.contains("master key") || l.contains("endpoint ["));
    }

    @Test
    void rollbackAfterASuccessfulRunUndoesTheLink() {
        Fixture f = new Fixture("SalesDb");
        f.world.preexisting(true, "Cert_SQLBOX01_endpoint", "Hadr_endpoint");
        SortedSet<String> before = f.world.snapshot();
        f.runner().run(PLAN).orThrow();
        RollbackReport report = f.runner().rollback(PLAN);
        assertThat(report.undone()).extracting(Object::toString)
                .containsSubsequence("mi.delete-link[SalesDb]", "sql.drop-distributed-availability-group[SalesDb]",
                        "sql.drop-availability-group[SalesDb]", "sql.drop-managed-instance-certificate", "mi.delete-trust-certificate[Cert_SQLBOX01_endpoint]");
        SortedSet<String> expected = new TreeSet<>(before);
        expected.add("midb:salesdb");
        assertThat(f.world.snapshot()).isEqualTo(expected);
        assertThat(f.journal.load(Journal.keyOf(PLAN)).orElseThrow().complete()).isTrue();

        LinkRun blocked = f.runner().run(PLAN);
        assertThat(blocked.failure()).get().satisfies(e -> assertThat(e.getMessage()).contains("database-name-free"));
        f.world.removeMiDatabase("SalesDb"); // what the report tells the user to do
        LinkRun again = f.runner().run(PLAN);
        assertThat(again.succeeded()).isTrue();
        assertThat(again.resumed()).as("continues the journal the blocked run started afresh").isTrue();
        assertThat(f.runner().rollback(PLAN).undone()).as("the new run's objects are known again").isNotEmpty();
    }

    @Test
    void rollbackWithoutAJournalIsRefused() {
        Fixture f = new Fixture("SalesDb");
        assertThatThrownBy(() -> f.runner().rollback(PLAN)).isInstanceOfSatisfying(LinkException.class,
                e -> assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_CONFLICT));
    }

    /** Maps the report's "left in place" lines to snapshot keys. */
    private static SortedSet<String> keysOf(RollbackReport report) {
        SortedSet<String> keys = new TreeSet<>();
        Pattern named = Pattern.compile("^(certificate|endpoint|database) \\[([^\\]]+)\\]");
        for (String line : report.leftInPlace()) {
            if (line.startsWith("master key")) {
                keys.add("masterkey");
                continue;
            }
            Matcher m = named.matcher(line);
            if (m.find()) {
                String name = m.group(2);
                keys.add(switch (m.group(1)) {
                    case "certificate" -> "cert:" + name.toLowerCase(Locale.ROOT);
                    case "endpoint" -> "endpoint:" + name;
                    default -> "midb:" + name.toLowerCase(Locale.ROOT);
                });
            }
        }
        return keys;
    }
}
