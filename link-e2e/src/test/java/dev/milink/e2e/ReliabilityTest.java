package dev.milink.e2e;

import static dev.milink.e2e.Worlds.DB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.demo.SimulatedEnvironment;
import dev.milink.DropOptions;
import dev.milink.FailoverOptions;
import dev.milink.LinkDefinition;
import dev.milink.LinkException;
import dev.milink.LinkPlan;
import dev.milink.core.JournalStore;
import dev.milink.core.LinkRun;
import dev.milink.testkit.arm.RequestJournal;
import dev.milink.testkit.world.Workload;
import dev.milink.testkit.world.WorldSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Prove it" reliability suite: for create, planned failover and drop, a crash at every port call (before it
 * and after its effect) followed by a resume on a fresh runner over the same journal ends in the same world as a
 * clean run, with nothing created twice; transient faults injected at random with a fixed seed either are ridden
 * out or stop the run with a clear {@link LinkException} and a consistent world that a resume completes; a planned
 * failover under a workload with faults loses no transaction.
 */
@Timeout(240)
class ReliabilityTest {

    private static final long SEED = 20_261_128L;
    private static final int WORKLOAD_TRANSACTIONS = 30;
    private static final Pattern SQL_WRITE = Pattern.compile(
            "(?is)\\b(CREATE|ALTER|DROP|BACKUP)\\s+(MASTER\\s+KEY|CERTIFICATE|ENDPOINT|AVAILABILITY\\s+GROUP|LOG)\\b");
    private static final Pattern SQL_CREATE = Pattern.compile(
            "(?is)\\bCREATE\\s+(MASTER\\s+KEY|CERTIFICATE|ENDPOINT|AVAILABILITY\\s+GROUP)\\b");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern THUMBPRINT = Pattern.compile("\\b[0-9A-F]{40}\\b");

    /** The operations under test. */
    enum Operation { CREATE, FAILOVER, DROP }

    /** What a clean run leaves behind. */
    record Baseline(String snapshot, long sqlWrites, long armWrites, long sqlCreates, long armPuts, int portCalls) {
    }

    private static final Map<Operation, Baseline> BASELINES = new EnumMap<>(Operation.class);
    private static int runs;
    private static int faultsInjected;
    private static int crashesResumed;
    private static int stoppedCleanly;
    private static long duplicated;
    private static long resent;
    private static long transactionsLost;
    private static long transactionsChecked;

    @TempDir
    Path temp;

    @BeforeAll
    static void baselines() {
        for (Operation op : Operation.values()) {
            try (SimulatedEnvironment env = Worlds.sqlPrimary()) {
                setUp(env, op);
                CrashingPorts ports = new CrashingPorts(env.sqlServer(), env.managedInstance(), 0, CrashingPorts.When.BEFORE);
                LinkRun run = env.runner(ports.sql, ports.mi).run(plan(env, op));
                assertThat(run.succeeded()).as(Worlds.failure(run)).isTrue();
                BASELINES.put(op, new Baseline(normalized(env.world().snapshot()), sqlWrites(env), armWrites(env),
                        count(sqlWriteTexts(env), SQL_CREATE), env.world().arm().journal().count("PUT", ".*"), ports.calls()));
            }
        }
    }

    @AfterAll
    static void summary() {
        System.out.printf("reliability: runs %d%n", runs);
        System.out.printf("reliability: faults injected %d%n", faultsInjected);
        System.out.printf("reliability: crashes resumed %d%n", crashesResumed);
        System.out.printf("reliability: runs stopped with a clear LinkException and then resumed %d%n", stoppedCleanly);
        System.out.printf("reliability: objects duplicated = %d (CREATE statements and ARM PUTs beyond a clean run's)%n", duplicated);
        System.out.printf("reliability: idempotent ALTER/DROP/POST/PATCH/DELETE re-sent after a crash = %d%n", resent);
        System.out.printf("reliability: transactions lost = %d (of %d checked)%n", transactionsLost, transactionsChecked);
    }

    private static LinkDefinition definition(SimulatedEnvironment env) {
        return env.linkFromSqlServer(DB);
    }

    /** Brings the world to where the operation starts, then clears the journals so only the operation is counted. */
    private static Workload setUp(SimulatedEnvironment env, Operation op) {
        Workload app = null;
        if (op != Operation.CREATE) {
            env.runner().run(definition(env).plan()).orThrow();
            app = env.world().workload(DB);
            assertThat(app.run(WORKLOAD_TRANSACTIONS)).isEqualTo(WORKLOAD_TRANSACTIONS);
            if (op == Operation.DROP) {
                env.world().advance(Duration.ofSeconds(5)); // replicated: the drop's LSN gate passes
            }
            // the application stops here; the failover starts with the secondary still behind
        }
        env.world().sqlServerTds().journal().clear();
        env.world().arm().journal().clear();
        return app;
    }

    private static LinkPlan plan(SimulatedEnvironment env, Operation op) {
        return switch (op) {
            case CREATE -> definition(env).plan();
            case FAILOVER -> definition(env).planFailover(FailoverOptions.plannedToManagedInstance().workloadStopped(true));
            case DROP -> definition(env).planDrop(DropOptions.defaults());
        };
    }

    private static long sqlWrites(SimulatedEnvironment env) {
        return env.world().sqlServerTds().journal().statements().stream()
                .filter(t -> !t.contains("N'facts' AS q") && SQL_WRITE.matcher(t).find()).count();
    }

    private static List<String> sqlWriteTexts(SimulatedEnvironment env) {
        return env.world().sqlServerTds().journal().statements().stream()
                .filter(t -> !t.contains("N'facts' AS q") && SQL_WRITE.matcher(t).find()).toList();
    }

    private static long armWrites(SimulatedEnvironment env) {
        List<RequestJournal.Entry> calls = env.world().arm().journal().calls();
        return calls.stream().filter(e -> !e.method().equals("GET")).count();
    }

    /**
     * The snapshot with what legitimately differs between two worlds removed: the clock's readings (runs that waited
     * or retried differently end at other times), generated GUIDs and certificate thumbprints (fresh keys per world),
     * the latter two numbered by first appearance so that references between objects still have to match.
     */
    static String normalized(WorldSnapshot snapshot) {
        String text = TIMESTAMP.matcher(snapshot.toString()).replaceAll("<t>");
        text = numbered(text, GUID, "id");
        return numbered(text, THUMBPRINT, "thumbprint");
    }

    private static String numbered(String text, Pattern pattern, String label) {
        Map<String, String> seen = new java.util.HashMap<>();
        java.util.regex.Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = seen.computeIfAbsent(m.group(), k -> "<" + label + (seen.size() + 1) + ">");
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(name));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Compares two normalized snapshots, showing only the neighbourhood of the first difference. */
    static void assertSameWorld(String actual, String expected, String what) {
        if (actual.equals(expected)) {
            return;
        }
        int i = 0;
        while (i < Math.min(actual.length(), expected.length()) && actual.charAt(i) == expected.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 300);
        throw new AssertionError(what + ": the world differs from a clean run's at character " + i + "\n  clean: ..."
                + expected.substring(from, Math.min(expected.length(), i + 200)) + "\n  this:  ..."
                + actual.substring(from, Math.min(actual.length(), i + 200)));
    }

    private void assertSameAsClean(SimulatedEnvironment env, Operation op, String what) {
        Baseline clean = BASELINES.get(op);
        assertSameWorld(normalized(env.world().snapshot()), clean.snapshot(), what);
        long creates = count(sqlWriteTexts(env), SQL_CREATE);
        long puts = env.world().arm().journal().count("PUT", ".*");
        duplicated += Math.max(0, creates - clean.sqlCreates()) + Math.max(0, puts - clean.armPuts());
        resent += Math.max(0, sqlWrites(env) - clean.sqlWrites() - Math.max(0, creates - clean.sqlCreates()))
                + Math.max(0, armWrites(env) - clean.armWrites() - Math.max(0, puts - clean.armPuts()));
        assertThat(creates).as("%s: CREATE statements sent to SQL Server vs a clean run; sent: %s", what, sqlWriteTexts(env))
                .isEqualTo(clean.sqlCreates());
        assertThat(puts).as("%s: ARM PUTs vs a clean run", what).isEqualTo(clean.armPuts());
    }

    private static long count(List<String> texts, Pattern pattern) {
        return texts.stream().filter(t -> pattern.matcher(t).find()).count();
    }

    private void assertNothingLost(SimulatedEnvironment env, Operation op, Workload app, String what) {
        if (op != Operation.FAILOVER) {
            return;
        }
        long rows = Worlds.workloadRows(env.world().managedInstanceDataSource());
        transactionsChecked += app.committed();
        transactionsLost += Math.max(0, app.committed() - rows);
        assertThat(rows).as("%s: rows on the new primary = committed transactions", what).isEqualTo(app.committed());
    }

    private JournalStore freshJournal(String name) {
        try {
            return JournalStore.directory(Files.createDirectories(temp.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void crashEverywhereAndResume(Operation op) {
        int calls = BASELINES.get(op).portCalls();
        assertThat(calls).isGreaterThan(3);
        for (int at = 1; at <= calls; at++) {
            for (CrashingPorts.When when : CrashingPorts.When.values()) {
                String what = op + " crashed " + when + " port call #" + at;
                try (SimulatedEnvironment env = Worlds.sqlPrimary()) {
                    Workload app = setUp(env, op);
                    JournalStore journal = freshJournal(op + "-" + at + "-" + when);
                    CrashingPorts ports = new CrashingPorts(env.sqlServer(), env.managedInstance(), at, when);
                    LinkPlan plan = plan(env, op);
                    boolean crashed = false;
                    try {
                        env.runner(ports.sql, ports.mi).journal(journal).run(plan);
                    } catch (CrashingPorts.SimulatedCrash expected) {
                        crashed = true;
                    }
                    runs++;
                    if (!crashed) {
                        // the run made fewer calls than the clean one (nothing to crash at): it must still be right
                        assertSameAsClean(env, op, what + " (no crash)");
                        continue;
                    }
                    LinkRun resumed = env.runner().journal(journal).resume(plan);
                    what = what + " " + ports.log();
                    assertThat(resumed.succeeded()).as(what + ": " + Worlds.failure(resumed)).isTrue();
                    crashesResumed++;
                    assertSameAsClean(env, op, what);
                    assertNothingLost(env, op, app, what);
                }
            }
        }
    }

    @Test
    void aCrashAnywhereInCreateResumesToTheCleanResult() {
        crashEverywhereAndResume(Operation.CREATE);
    }

    @Test
    void aCrashAnywhereInAPlannedFailoverResumesToTheCleanResultLosingNothing() {
        crashEverywhereAndResume(Operation.FAILOVER);
    }

    @Test
    void aCrashAnywhereInDropResumesToTheCleanResult() {
        crashEverywhereAndResume(Operation.DROP);
    }

    @Test
    void randomTransientFaultsAreRiddenOutOrStopCleanly() {
        Random random = new Random(SEED);
        int faultRuns = 45;
        for (int i = 0; i < faultRuns; i++) {
            Operation op = Operation.values()[i % Operation.values().length];
            String what = op + " fault run " + i;
            try (SimulatedEnvironment env = Worlds.sqlPrimary()) {
                Workload app = setUp(env, op);
                List<String> injected = Faults.inject(env, random, 1 + random.nextInt(3));
                JournalStore journal = freshJournal("faults-" + i);
                LinkPlan plan = plan(env, op);
                LinkRun run = env.runner().journal(journal).run(plan);
                runs++;
                faultsInjected += env.world().sqlServerTds().faults().firedCount() + env.world().arm().faults().fired();
                env.world().sqlServerTds().faults().clear();
                env.world().arm().faults().clear();
                if (!run.succeeded()) {
                    LinkException e = run.failure().orElseThrow();
                    assertThat(e.getMessage()).as(what).isNotBlank();
                    assertThat(e.code()).as(what).isNotNull();
                    assertConsistent(env, what + " after " + e.getMessage() + " with " + injected);
                    LinkRun resumed = env.runner().journal(journal).resume(plan);
                    assertThat(resumed.succeeded()).as(what + " resumed: " + Worlds.failure(resumed)).isTrue();
                    stoppedCleanly++;
                }
                String label = what + " with " + injected;
                assertSameWorld(normalized(env.world().snapshot()), BASELINES.get(op).snapshot(), label);
                assertNothingLost(env, op, app, label);
            }
        }
    }

    @Test
    void readsThatFailBeyondTheRetriesAreReportedInTheRunNotThrown() {
        try (SimulatedEnvironment env = Worlds.sqlPrimary()) {
            WorldSnapshot before = env.world().snapshot();
            env.world().arm().faults().on("GET", "managedInstances/[^/]+$").times(1000).respond(429, "TooManyRequests", "throttled")
                    .retryAfter(2);
            LinkRun throttled = env.runner().run(definition(env).plan());
            assertThat(throttled.failure()).get().satisfies(e -> assertThat(e.getMessage()).contains("check.", "429"));
            env.world().arm().faults().clear();

            env.world().sqlServerTds().faults().onStatement(Pattern.quote("N'facts' AS q")).always().dropConnection();
            LinkRun unreachable = env.runner().run(definition(env).plan());
            assertThat(unreachable.failure()).get().satisfies(e -> assertThat(e.getMessage()).isNotBlank());
            assertThat(unreachable.outcomes().values()).allSatisfy(o -> assertThat(o.status()).isEqualTo(dev.milink.core.LinkOutcome.Status.SKIPPED));
            env.world().sqlServerTds().faults().clear();
            assertSameWorld(normalized(env.world().snapshot()), normalized(before), "nothing changed");

            assertThat(env.runner().run(definition(env).plan()).succeeded()).isTrue();
        }
    }

    /** No half-created link: an ARM link exists only with SQL Server's distributed availability group, and vice versa once created. */
    private static void assertConsistent(SimulatedEnvironment env, String what) {
        WorldSnapshot s = env.world().snapshot();
        boolean onArm = !s.arm().links().isEmpty();
        boolean dagOnSql = s.sqlServer().groups().stream().anyMatch(g -> g.toString().contains("DAG_SalesDb"));
        if (onArm) {
            assertThat(dagOnSql).as("%s: the Managed Instance has a link SQL Server does not know", what).isTrue();
        }
    }

    /** The fault menu: dropped SQL connections, transient SQL errors, ARM throttling and server errors, slow answers. */
    static final class Faults {
        private static final String[] STATEMENTS = {"N'facts' AS q", "CREATE MASTER KEY", "CREATE CERTIFICATE",
            "CREATE ENDPOINT", "CREATE AVAILABILITY GROUP", "AVAILABILITY_MODE", "FAILOVER;", "DROP AVAILABILITY GROUP"};
        private static final String[][] ARM = {{"GET", "distributedAvailabilityGroups"}, {"PUT", "distributedAvailabilityGroups"},
            {"POST", "failover"}, {"PATCH", "distributedAvailabilityGroups"}, {"DELETE", "distributedAvailabilityGroups"},
            {"PUT", "serverTrustCertificates"}, {"GET", "endpointCertificates"}, {"GET", "managedInstances/[^/]+$"},
            {"GET", "operations|asyncOperation"}};

        static List<String> inject(SimulatedEnvironment env, Random random, int count) {
            List<String> injected = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // mostly transient (once or twice, ridden out by retries); one in six persistent, outlasting them
                int times = random.nextInt(6) == 0 ? 12 : 1 + random.nextInt(2);
                if (random.nextBoolean()) {
                    String statement = STATEMENTS[random.nextInt(STATEMENTS.length)];
                    var rule = env.world().sqlServerTds().faults().onStatement(Pattern.quote(statement)).times(times);
                    switch (random.nextInt(5)) {
                        case 0, 1 -> rule.dropConnection();
                        case 2 -> rule.error(40613, 17, 1, "Database 'master' on server is not currently available.");
                        case 3 -> rule.error(1205, 13, 51, "Transaction was deadlocked on lock resources and has been chosen as the deadlock victim.");
                        default -> rule.delay(Duration.ofMillis(3));
                    }
                    injected.add("sql " + statement + " x" + times + " " + env.world().sqlServerTds().faults().all()
                            .get(env.world().sqlServerTds().faults().all().size() - 1).action());
                } else {
                    String[] target = ARM[random.nextInt(ARM.length)];
                    var rule = env.world().arm().faults().on(target[0], target[1]).times(times);
                    String kind;
                    switch (random.nextInt(5)) {
                        case 0 -> {
                            rule.respond(429, "TooManyRequests", "throttled").retryAfter(1 + random.nextInt(5));
                            kind = "429";
                        }
                        case 1 -> {
                            rule.respond(500, "InternalServerError", "transient");
                            kind = "500";
                        }
                        case 2 -> {
                            rule.respond(503, "ServiceUnavailable", "transient");
                            kind = "503";
                        }
                        case 3 -> {
                            rule.dropConnection();
                            kind = "drop";
                        }
                        default -> {
                            rule.delay(Duration.ofMillis(3));
                            kind = "slow";
                        }
                    }
                    injected.add("arm " + target[0] + " " + target[1] + " x" + times + " " + kind);
                }
            }
            return injected;
        }
    }
}
