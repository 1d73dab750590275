package dev.milink.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.DatabaseName;
import dev.milink.LinkErrorCode;
import dev.milink.LinkExecutionException;
import dev.milink.LinkPlan;
import dev.milink.core.fake.Faults;
import dev.milink.core.fake.Fixture;
import dev.milink.event.LinkEvent;
import dev.milink.step.CheckStep;
import dev.milink.step.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkRunnerTest {

    @Test
    void createsALinkEndToEnd() {
        Fixture f = new Fixture("SalesDb");
        LinkPlan plan = Fixture.plan("SalesDb");

        LinkRun run = f.runner().run(plan);

        assertThat(run.succeeded()).as(run.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(run.outcomes().get(DatabaseName.of("SalesDb")).status()).isEqualTo(LinkOutcome.Status.SUCCEEDED);
        assertThat(f.world.snapshot()).contains("masterkey", "cert:cert_sqlbox01_endpoint", "cert:" + "mi-name.abc123.database.windows.net",
                "endpoint:database_mirroring_endpoint", "ag:AG_SalesDb", "dag:DAG_SalesDb", "trust:Cert_SQLBOX01_endpoint",
                "link:DAG_SalesDb", "midb:salesdb");
        assertThat(f.events(LinkEvent.Progress.class)).isNotEmpty();
        assertThat(f.events(LinkEvent.Progress.class).get(f.events(LinkEvent.Progress.class).size() - 1).percent()).isEqualTo(100);
        assertThat(f.events(LinkEvent.PlanFinished.class)).singleElement().satisfies(e -> assertThat(e.succeeded()).isTrue());
        assertThat(f.world.redundantTotal()).isZero();
        assertThat(f.clock.sleptMillis.get()).isPositive();
    }

    @Test
    void rerunChangesNothingAndSkipsEveryStep() {
        Fixture f = new Fixture("SalesDb");
        LinkPlan plan = Fixture.plan("SalesDb");
        f.runner().run(plan).orThrow();
        var before = f.world.snapshot();
        f.world.resetCounters();
        f.events.clear();

        LinkRun again = f.runner().run(plan);

        assertThat(again.succeeded()).isTrue();
        assertThat(again.stepsApplied()).isZero();
        long changeSteps = plan.steps().stream().filter(s -> !(s instanceof CheckStep)).count()
                + plan.steps().stream().filter(s -> s instanceof dev.milink.step.AwaitSynchronization).count();
        assertThat(again.stepsSkipped()).isEqualTo((int) changeSteps);
        assertThat(f.events(LinkEvent.StepSkipped.class)).hasSize((int) changeSteps);
        assertThat(f.events(LinkEvent.StepStarted.class)).isEmpty();
        assertThat(f.world.count("sql.apply") + f.world.count("mi.apply")).isZero();
        assertThat(f.world.snapshot()).isEqualTo(before);
    }

    @Test
    void staysWithinTheCallBudget() {
        Fixture one = new Fixture("SalesDb");
        one.world.seedingPolls = 0;
        one.runner().run(Fixture.plan("SalesDb")).orThrow();
        int sqlOne = one.world.sqlCalls() - pollsOf(one);
        int miOne = one.world.miCalls() - one.world.count("mi.link");
        assertThat(sqlOne).as("SQL calls for one link").isLessThanOrEqualTo(8);
        assertThat(miOne).as("ARM calls for one link").isLessThanOrEqualTo(5);
        assertThat(one.world.count("mi.instance")).isEqualTo(1);
        assertThat(one.world.count("mi.databaseNames")).isEqualTo(1);
        assertThat(one.world.count("mi.endpointCertificate")).isEqualTo(1);
        assertThat(one.world.count("mi.apply")).as("trust PUT and link PUT").isEqualTo(2);
        assertThat(one.world.count("mi.links") + one.world.count("mi.trustCertificates")).as("no list reads on a first run").isZero();
        assertThat(one.world.count("sql.apply")).isEqualTo(7);

        Fixture three = new Fixture("A", "B", "C");
        three.world.seedingPolls = 0;
        three.runner().parallelism(1).run(Fixture.plan("A", "B", "C")).orThrow();
        int sqlThree = three.world.sqlCalls() - pollsOf(three);
        int miThree = three.world.miCalls() - three.world.count("mi.link");
        assertThat(sqlThree - sqlOne).as("SQL calls per further link").isLessThanOrEqualTo(2 * 3);
        assertThat(miThree - miOne).as("ARM calls per further link").isLessThanOrEqualTo(2);
        System.out.printf("budget: one link sql=%d mi=%d; three links sql=%d mi=%d (polling excluded)%n", sqlOne, miOne, sqlThree, miThree);
    }

    private static int pollsOf(Fixture f) {
        // Every observe after the first one of the run is a synchronization poll.
        return f.world.count("sql.observe") - 1;
    }

    @Test
    void transientFaultsAtTwentyPercentStillSucceed() {
        Fixture f = new Fixture("A", "B", "C");
        f.world.faults.transientRate(0.2, 42);
        LinkRun run = f.runner().retry(RetryPolicy.defaults().withMaxAttempts(10)).run(Fixture.plan("A", "B", "C"));

        assertThat(run.succeeded()).as(run.failure().map(Throwable::getMessage).orElse("")).isTrue();
        assertThat(f.events(LinkEvent.StepRetried.class)).isNotEmpty();
        assertThat(f.world.redundantTotal()).isZero();
    }

    @Test
    void retryHonoursRetryAfter() {
        Fixture f = new Fixture("SalesDb");
        f.world.faults.fail("apply:mi.trust-certificate:before", 1, () -> LinkExecutionException.armFailure(LinkErrorCode.ARM_ERROR,
                new dev.milink.step.StepId("mi.trust-certificate"), dev.milink.step.Side.MANAGED_INSTANCE, "TooManyRequests",
                "throttled", "wait", null, java.time.Duration.ofSeconds(30)));
        f.runner().run(Fixture.plan("SalesDb")).orThrow();
        assertThat(f.events(LinkEvent.StepRetried.class)).singleElement()
                .satisfies(e -> assertThat(e.delay()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(30)));
    }

    @Test
    void permanentFaultEndsInAnExceptionNamingTheStep() {
        Fixture f = new Fixture("SalesDb");
        f.world.faults.fail("apply:sql.mirroring-endpoint:before", 100, Faults.permanent("sql.mirroring-endpoint"));
        LinkRun run = f.runner().run(Fixture.plan("SalesDb"));

        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).get().isInstanceOfSatisfying(LinkExecutionException.class, e -> {
            assertThat(e.step().value()).isEqualTo("sql.mirroring-endpoint");
            assertThat(e.sqlErrorNumber()).contains(15151);
            assertThat(e.fix()).isNotBlank();
        });
        assertThat(f.world.count("sql.apply")).as("applied once each, the endpoint not retried").isEqualTo(5);
        assertThat(run.outcomes().get(DatabaseName.of("SalesDb")).status()).isEqualTo(LinkOutcome.Status.SKIPPED);
        assertThat(f.world.snapshot()).doesNotContain("ag:AG_SalesDb");
    }

    @Test
    void unexpectedExceptionsAreWrapped() {
        Fixture f = new Fixture("SalesDb");
        f.world.faults.fail("apply:sql.availability-group[SalesDb]:before", 1, () -> new IllegalStateException("boom"));
        LinkRun run = f.runner().run(Fixture.plan("SalesDb"));
        assertThat(run.failure()).get().isInstanceOfSatisfying(LinkExecutionException.class, e -> {
            assertThat(e.code()).isEqualTo(LinkErrorCode.INTERNAL);
            assertThat(e.step().value()).isEqualTo("sql.availability-group[SalesDb]");
            assertThat(e.getCause()).hasMessage("boom");
        });
    }

    @Test
    void tenLinksInParallelOneFailing() {
        String[] dbs = new String[10];
        for (int i = 0; i < 10; i++) {
            dbs[i] = "Db" + i;
        }
        Fixture f = new Fixture(dbs);
        f.world.faults.fail("apply:sql.distributed-availability-group[Db4]:before", 100, Faults.permanent("sql.distributed-availability-group[Db4]"));
        LinkRun run = f.runner().parallelism(4).run(Fixture.plan(dbs));

        assertThat(run.succeeded()).isFalse();
        assertThat(run.outcomes().values().stream().filter(o -> o.status() == LinkOutcome.Status.SUCCEEDED)).hasSize(9);
        assertThat(run.outcomes().get(DatabaseName.of("Db4")).status()).isEqualTo(LinkOutcome.Status.FAILED);
        assertThat(run.outcomes().get(DatabaseName.of("Db4")).error()).get()
                .isInstanceOfSatisfying(LinkExecutionException.class, e -> assertThat(e.step().value()).contains("Db4"));
        assertThat(f.world.snapshot()).contains("link:DAG_Db9", "link:DAG_Db0").doesNotContain("link:DAG_Db4");
    }

    @Test
    void failingSeedingAndConnectErrorsAreClear() {
        Fixture f = new Fixture("SalesDb");
        f.world.seedingFails = true;
        LinkRun run = f.runner().run(Fixture.plan("SalesDb"));
        assertThat(run.failure()).get().isInstanceOfSatisfying(LinkExecutionException.class, e -> {
            assertThat(e.step().value()).isEqualTo("await.synchronized[SalesDb]");
            assertThat(e.getMessage()).contains("failure_state 23");
        });

        Fixture g = new Fixture("SalesDb");
        g.world.connectError = 41973;
        LinkRun run2 = g.runner().run(Fixture.plan("SalesDb"));
        assertThat(run2.failure()).get().isInstanceOfSatisfying(LinkExecutionException.class,
                e -> assertThat(e.sqlErrorNumber()).contains(41973));
    }

    @Test
    void synchronizationTimesOut() {
        Fixture f = new Fixture("SalesDb");
        f.world.seedingPolls = 1_000_000;
        LinkRun run = f.runner().awaitTimeout(java.time.Duration.ofMinutes(5)).run(Fixture.plan("SalesDb"));
        assertThat(run.failure()).get().satisfies(e -> assertThat(e.code()).isEqualTo(LinkErrorCode.TIMEOUT));
        assertThat(f.clock.sleptMillis.get()).isLessThanOrEqualTo(java.time.Duration.ofMinutes(5).toMillis() + 1000);
    }

    @Test
    void journalIsReadableAndHoldsNoSecret(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Fixture f = new Fixture("SalesDb");
        f.journal = JournalStore.directory(dir);
        LinkPlan plan = Fixture.plan("SalesDb");
        f.runner().run(plan).orThrow();

        List<java.nio.file.Path> files;
        try (var stream = java.nio.file.Files.list(dir)) {
            files = stream.toList();
        }
        assertThat(files).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".journal"));
        String text = java.nio.file.Files.readString(files.get(0));
        System.out.println(text);
        assertThat(text).contains("plan: " + plan.hash(), "kind: CREATE", "step: sql.master-key | DONE | created=true",
                "fact: managed-instance-fqdn = mi-name.abc123.database.windows.net");
        assertThat(text).doesNotContain(Fixture.PASSWORD).doesNotContain("DER:");
        for (Step step : plan.steps()) {
            assertThat(text).contains("step: " + step.id().value() + " | DONE");
        }
    }
}
