package dev.milink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.DropOptions;
import dev.milink.Link;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkPlan;
import dev.milink.ManagedInstance;
import dev.milink.SqlServerInstance;
import dev.milink.core.fake.Faults;
import dev.milink.core.fake.Fixture;
import dev.milink.core.internal.FileJournalStore;
import dev.milink.core.internal.JournalText;
import dev.milink.event.LinkEvent;
import dev.milink.step.CreateMasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final LinkPlan PLAN = Fixture.plan("SalesDb");

    @Test
    void textFormatRoundTrips() {
        Fixture f = new Fixture("SalesDb");
        f.runner().run(PLAN).orThrow();
        Journal journal = f.journal.load(Journal.keyOf(PLAN)).orElseThrow();
        assertThat(JournalText.parse(JournalText.format(journal))).isEqualTo(journal);
        assertThat(journal.complete()).isTrue();
    }

    @Test
    void secondRunnerOnTheSameLinksIsRefusedInMemory() throws Exception {
        assertRaceRefused(new Fixture("SalesDb"));
    }

    @Test
    void secondRunnerOnTheSameLinksIsRefusedOnDisk(@TempDir Path dir) throws Exception {
        Fixture f = new Fixture("SalesDb");
        f.journal = JournalStore.directory(dir);
        assertRaceRefused(f);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".lock"));
        }
    }

    /** Runner B starts on another thread while runner A is inside its first change; B must be refused. */
    private static void assertRaceRefused(Fixture f) throws Exception {
        AtomicReference<Throwable> second = new AtomicReference<>();
        LinkRun first = f.runner().listener(event -> {
            if (event instanceof LinkEvent.StepStarted s && s.step() instanceof CreateMasterKey) {
                CompletableFuture<LinkRun> b = CompletableFuture.supplyAsync(() -> f.runner().run(PLAN));
                try {
                    b.get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    second.set(e.getCause());
                } catch (Exception e) {
                    second.set(e);
                }
            }
        }).run(PLAN);
        assertThat(first.succeeded()).isTrue();
        assertThat(second.get()).isInstanceOfSatisfying(LinkException.class, e -> {
            assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_CONFLICT);
            assertThat(e.getMessage()).contains("Another runner holds the lock");
        });
    }

    @Test
    void staleLockIsBrokenOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Fixture f = new Fixture("SalesDb");
        FileJournalStore store = new FileJournalStore(dir);
        f.journal = store;
        Path lock = store.journalFile(Journal.keyOf(PLAN)).resolveSibling(
                store.journalFile(Journal.keyOf(PLAN)).getFileName().toString().replace(".journal", ".lock"));
        Files.createDirectories(dir);
        Files.writeString(lock, "pid=999999999\nhost=elsewhere\nacquired=2026-11-28T10:00:00Z\n");

        assertThatThrownBy(() -> f.runner().run(PLAN)).isInstanceOfSatisfying(LinkException.class, e -> {
            assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_CONFLICT);
            assertThat(e.getMessage()).contains("pid 999999999 on elsewhere", "7200 s ago");
        });
        assertThat(f.runner().breakStaleLock(Duration.ofHours(1)).run(PLAN).succeeded()).isTrue();
        assertThat(lock).doesNotExist();
    }

    @Test
    void anUnfinishedJournalOfAnotherPlanIsRefused() {
        Fixture f = new Fixture("SalesDb");
        f.world.faults.fail("apply:sql.mirroring-endpoint:before", 100, Faults.permanent("sql.mirroring-endpoint"));
        assertThat(f.runner().run(PLAN).succeeded()).isFalse();
        f.world.faults.clear();
        LinkPlan oneWay = Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022")).database("SalesDb")
                .to(ManagedInstance.of("00000000-0000-0000-0000-000000000000", "rg", "mi-name")).twoWayDR(false).plan();

        assertThatThrownBy(() -> f.runner().run(oneWay)).isInstanceOfSatisfying(LinkException.class,
                e -> assertThat(e.code()).isEqualTo(LinkErrorCode.JOURNAL_CONFLICT));

        assertThat(f.runner().run(PLAN).succeeded()).isTrue();
        assertThat(f.runner().run(oneWay).stepsApplied()).as("a complete journal may be replaced").isZero();
    }

    @Test
    void dropIsRefusedWhileLsnsDiffer() {
        Fixture f = new Fixture("SalesDb");
        f.runner().run(PLAN).orThrow();
        f.world.primaryLsn = java.math.BigInteger.TEN;
        LinkPlan drop = Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022")).database("SalesDb")
                .to(ManagedInstance.of("00000000-0000-0000-0000-000000000000", "rg", "mi-name")).twoWayDR(true)
                .planDrop(DropOptions.defaults());
        LinkRun run = f.runner().run(drop);
        assertThat(run.failure()).get().satisfies(e -> {
            assertThat(e.code()).isEqualTo(LinkErrorCode.GATE_REFUSED);
            assertThat(e.getMessage()).contains("gate LSNS_IN_SYNC refused", "SQL Server 10, on the Managed Instance 1");
        });
        assertThat(f.world.snapshot()).contains("link:DAG_SalesDb", "dag:DAG_SalesDb");
    }

    @Test
    void dropPlanConvergesToo() {
        Fixture f = new Fixture("SalesDb");
        f.runner().run(PLAN).orThrow();
        LinkPlan drop = Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022")).database("SalesDb")
                .to(ManagedInstance.of("00000000-0000-0000-0000-000000000000", "rg", "mi-name")).twoWayDR(true)
                .planDrop(new DropOptions(true, true, false));

        LinkRun dropped = f.runner().run(drop);

        assertThat(dropped.succeeded()).as(dropped.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(f.world.snapshot()).noneMatch(k -> k.startsWith("link:") || k.startsWith("dag:") || k.startsWith("ag:")
                || k.startsWith("trust:") || k.equals("cert:mi-name.abc123.database.windows.net"));
        assertThat(f.world.snapshot()).contains("db:SalesDb", "midb:salesdb");
        f.world.resetCounters();
        LinkRun again = f.runner().run(drop);
        assertThat(again.stepsApplied()).isZero();
        assertThat(again.stepsSkipped()).isEqualTo((int) drop.steps().stream().filter(s -> !(s instanceof dev.milink.step.CheckStep)).count());
    }
}
