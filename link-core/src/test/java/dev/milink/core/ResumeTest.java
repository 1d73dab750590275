package dev.milink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.LinkPlan;
import dev.milink.core.fake.Fixture;
import dev.milink.core.fake.Kill;
import dev.milink.step.CheckStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A run killed anywhere resumes to the same end state, creating nothing twice. */
class ResumeTest {

    private static final LinkPlan PLAN = Fixture.plan("SalesDb");

    static Stream<String> killPoints() {
        List<String> points = new ArrayList<>(List.of("observe", "instance", "databaseNames", "endpointCertificate", "link"));
        PLAN.steps().stream().filter(s -> !(s instanceof CheckStep)).forEach(s -> {
            points.add("apply:" + s.id().value() + ":before");
            points.add("apply:" + s.id().value() + ":after");
        });
        return points.stream();
    }

    private static SortedSet<String> reference(String... dbs) {
        Fixture f = new Fixture(dbs);
        f.runner().run(Fixture.plan(dbs)).orThrow();
        return f.world.snapshot();
    }

    @ParameterizedTest
    @MethodSource("killPoints")
    void killInsideAPortCallThenResume(String point) {
        Fixture f = new Fixture("SalesDb");
        f.world.faults.kill(point);
        assertThatThrownBy(() -> f.runner().run(PLAN)).isInstanceOf(Kill.class);
        f.world.faults.clear();

        LinkRun resumed = f.runner().resume(PLAN);

        assertThat(resumed.succeeded()).as(resumed.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(f.world.snapshot()).isEqualTo(reference("SalesDb"));
        assertThat(f.world.redundant).as("created twice").isEmpty();
    }

    static Stream<Integer> journalWrites() {
        Fixture f = new Fixture("SalesDb");
        AtomicInteger saves = new AtomicInteger();
        JournalStore store = JournalStore.inMemory();
        f.journal = counting(store, saves, -1, false);
        f.runner().run(PLAN).orThrow();
        return Stream.iterate(1, i -> i <= saves.get(), i -> i + 1);
    }

    @ParameterizedTest
    @MethodSource("journalWrites")
    void killAtEveryJournalWriteThenResume(int write) {
        for (boolean afterWrite : new boolean[] {false, true}) {
            Fixture f = new Fixture("SalesDb");
            JournalStore store = JournalStore.inMemory();
            f.journal = counting(store, new AtomicInteger(), write, afterWrite);
            assertThatThrownBy(() -> f.runner().run(PLAN)).isInstanceOf(Kill.class);
            f.journal = store;

            LinkRun resumed = f.runner().resume(PLAN);

            assertThat(resumed.succeeded()).as("write %d after=%s: %s", write, afterWrite,
                    resumed.failure().map(Throwable::getMessage).orElse("")).isTrue();
            assertThat(f.world.snapshot()).isEqualTo(reference("SalesDb"));
            assertThat(f.world.redundant).as("created twice").isEmpty();
            assertThat(store.load(Journal.keyOf(PLAN)).orElseThrow().complete()).isTrue();
        }
    }

    @Test
    void killDuringParallelLinksThenResume() {
        String[] dbs = {"A", "B", "C"};
        LinkPlan plan = Fixture.plan(dbs);
        Fixture f = new Fixture(dbs);
        f.world.faults.kill("apply:mi.link[B]:after");
        assertThatThrownBy(() -> f.runner().parallelism(3).run(plan)).isInstanceOf(Kill.class);
        f.world.faults.clear();

        LinkRun resumed = f.runner().parallelism(3).resume(plan);

        assertThat(resumed.succeeded()).isTrue();
        assertThat(resumed.resumed()).isTrue();
        assertThat(f.world.snapshot()).isEqualTo(reference(dbs));
        assertThat(f.world.redundant).isEmpty();
    }

    @Test
    void resumeReObservesRunningStepsInsteadOfReapplying() {
        Fixture f = new Fixture("SalesDb");
        f.world.faults.kill("apply:sql.availability-group[SalesDb]:after");
        assertThatThrownBy(() -> f.runner().run(PLAN)).isInstanceOf(Kill.class);
        Journal killed = f.journal.load(Journal.keyOf(PLAN)).orElseThrow();
        assertThat(killed.entry(new dev.milink.step.StepId("sql.availability-group[SalesDb]")).orElseThrow().state())
                .isEqualTo(StepState.RUNNING);
        f.world.faults.clear();
        f.world.resetCounters();

        f.runner().resume(PLAN).orThrow();

        Journal done = f.journal.load(Journal.keyOf(PLAN)).orElseThrow();
        JournalEntry ag = done.entry(new dev.milink.step.StepId("sql.availability-group[SalesDb]")).orElseThrow();
        assertThat(ag.state()).isEqualTo(StepState.DONE);
        assertThat(ag.created()).as("found after the kill, so created by this run").isTrue();
        assertThat(f.world.redundant).isEmpty();
    }

    /** A journal store that kills the "process" at its n-th save, before or after writing. */
    static JournalStore counting(JournalStore delegate, AtomicInteger saves, int killAt, boolean afterWrite) {
        return new JournalStore() {
            @Override
            public Optional<Journal> load(String key) {
                return delegate.load(key);
            }

            @Override
            public void save(Journal journal) {
                int n = saves.incrementAndGet();
                if (n == killAt && !afterWrite) {
                    throw new Kill("before journal write " + n);
                }
                delegate.save(journal);
                if (n == killAt) {
                    throw new Kill("after journal write " + n);
                }
            }

            @Override
            public Lock lock(String key, Instant now, Optional<Duration> breakStaleAfter) {
                return delegate.lock(key, now, breakStaleAfter);
            }
        };
    }
}
