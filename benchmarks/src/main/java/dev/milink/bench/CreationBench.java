package dev.milink.bench;

import dev.milink.LinkPlan;
import dev.milink.core.LinkRun;
import dev.milink.demo.SimulatedEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates N links in real time against the realistic world (2 ms per SQL statement, 200 ms per ARM request, 1 s
 * seeding per database, real loopback sockets, ARM over HTTPS) and compares the wall time with the critical-path
 * lower bound; counts the remote calls per link against the manual procedure's 22 SQL round trips + 9 ARM calls.
 */
final class CreationBench {

    private final Report report;
    private final int[] sizes;
    private final int[] parallelisms;
    private final Map<String, Double> wall = new HashMap<>();
    private final Map<Integer, Counts> counts = new HashMap<>();
    private List<List<String>> timeline;

    CreationBench(Report report, int[] sizes, int[] parallelisms) {
        this.report = report;
        this.sizes = sizes;
        this.parallelisms = parallelisms;
    }

    void run() {
        warmUp();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("links", "parallelism", "wall time", "lower bound", "wall / bound", "SQL RT (create + wait reads)",
                "ARM calls (+ LRO polls, + wait reads)"));
        for (int n : sizes) {
            for (int p : parallelisms) {
                rows.add(measure(n, p));
            }
        }
        int wide = speedupSize();
        if (wide > parallelisms[parallelisms.length - 1]) {
            rows.add(measure(wide, wide));
            rows.add(measure(wide, wide, wide));
        }
        report.section("Creating links", "Real time against the linked simulator world on loopback: " + Worlds.SQL_LATENCY.toMillis()
                + " ms per SQL statement, " + Worlds.ARM_LATENCY.toMillis() + " ms per ARM request (ARM over HTTPS, the real"
                + " Azure SDK), seeding " + Worlds.SEEDING.toMillis() + " ms per database, the runner's waits polling every "
                + Worlds.RUNNER_POLL.toMillis() + " ms, in-memory journal. The lower bound: the shared steps one after"
                + " another, then the per-link chains in waves of `parallelism`, each step at the fewest remote calls it"
                + " needs (see `CriticalPath`). One JVM warm-up run (1 link) precedes the table.");
        report.table(rows);
        if (timeline != null) {
            report.text("Where the time of the 1-link, parallelism-1 run goes, step by step, next to the model's cost:");
            report.table(timeline);
        }
        targets();
        roundTrips();
    }

    private void warmUp() {
        try (SimulatedEnvironment env = Worlds.realistic(1)) {
            env.runner().pollInterval(Worlds.RUNNER_POLL).run(Worlds.plan(env, 1)).orThrow();
        }
    }

    private List<String> measure(int n, int p) {
        return measure(n, p, 0);
    }

    /** @param writesPerSecond the runner's ARM write rate limit, 0 for its default */
    private List<String> measure(int n, int p, int writesPerSecond) {
        try (SimulatedEnvironment env = Worlds.realistic(n)) {
            LinkPlan plan = Worlds.plan(env, n);
            Counts.reset(env);
            long start = System.nanoTime();
            long[] firstStep = new long[1];
            var runner = env.runner().parallelism(p).pollInterval(Worlds.RUNNER_POLL);
            if (writesPerSecond > 0) {
                runner.armWritesPerSecond(writesPerSecond);
            }
            LinkRun run = runner.listener(e -> {
                if (e instanceof dev.milink.event.LinkEvent.StepStarted && firstStep[0] == 0) {
                    firstStep[0] = System.nanoTime();
                }
            }).run(plan).orThrow();
            double millis = (System.nanoTime() - start) / 1e6;
            if (!run.succeeded()) {
                throw new IllegalStateException("creating " + n + " links failed: " + run.failure());
            }
            Counts c = Counts.of(env);
            if (p == 1) {
                counts.put(n, c);
            }
            if (n == 1 && p == 1) {
                timeline = timeline(plan, run, (firstStep[0] - start) / 1e6);
            }
            double bound = CriticalPath.realistic().bound(plan, p).toNanos() / 1e6;
            String key = n + "/" + p + (writesPerSecond > 0 ? "/w" + writesPerSecond : "");
            wall.put(key, millis);
            wall.put(key + "/bound", bound);
            System.out.printf("  created %d link(s) at parallelism %d in %.1f ms (bound %.1f ms)%n", n, p, millis, bound);
            return List.of(String.valueOf(n), p + (writesPerSecond > 0 ? " (ARM writes " + writesPerSecond + "/s)" : ""),
                    Report.ms(millis), Report.ms(bound),
                    String.format(Locale.ROOT, "%.2fx", millis / bound), c.sql() + " + " + c.sqlWaitReads(),
                    c.arm() + " (+ " + c.armPolls() + ", + " + c.armWaitReads() + ")");
        }
    }

    private static List<List<String>> timeline(LinkPlan plan, LinkRun run, double beforeSteps) {
        CriticalPath model = CriticalPath.realistic();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("step", "measured", "model (lower bound)"));
        rows.add(List.of("observation + checks (before the first step)", Report.ms(beforeSteps),
                Report.ms(Worlds.SQL_LATENCY.plus(Worlds.ARM_LATENCY.multipliedBy(2)).toMillis())));
        for (dev.milink.step.Step step : plan.steps()) {
            var took = run.stepDurations().get(step.id());
            if (took != null) {
                rows.add(List.of("`" + step.id() + "`", Report.ms(took.toNanos() / 1e6), Report.ms(model.cost(step).toNanos() / 1e6)));
            }
        }
        return rows;
    }

    private void targets() {
        int max = parallelisms[parallelisms.length - 1];
        for (int n : sizes) {
            Double millis = wall.get(n + "/" + max);
            if (millis != null && max > 1) {
                double ratio = millis / wall.get(n + "/" + max + "/bound");
                report.target("create", n + " links, parallelism " + max + ": within 1.2x of the lower bound",
                        String.format(Locale.ROOT, "%.2fx (%s vs %s)", ratio, Report.ms(millis),
                                Report.ms(wall.get(n + "/" + max + "/bound"))), ratio <= 1.2);
            }
        }
        int n = speedupSize();
        Double wideMillis = wall.get(n + "/" + n);
        if (wideMillis != null && n > max) {
            double ratio = wideMillis / wall.get(n + "/" + n + "/bound");
            report.target("create", n + " links, parallelism " + n + ": within 1.2x of the lower bound",
                    String.format(Locale.ROOT, "%.2fx (%s vs %s)", ratio, Report.ms(wideMillis),
                            Report.ms(wall.get(n + "/" + n + "/bound"))), ratio <= 1.2);
        }
        speedup(n, max);
        speedup(n, n);
    }

    private int speedupSize() {
        return sizes.length > 2 ? sizes[2] : sizes[sizes.length - 1];
    }

    private void speedup(int n, int max) {
        Double serial = wall.get(n + "/1");
        Double parallel = wall.get(n + "/" + max);
        if (serial != null && parallel != null && max > 1) {
            double speedup = serial / parallel;
            double ideal = serial / wall.get(n + "/" + max + "/bound");
            report.target("create", n + " links: parallelism " + max + " at least 8x faster than one after another",
                    String.format(Locale.ROOT, "%.1fx (%s vs %s; the bound allows at most %.1fx at parallelism %d)", speedup,
                            Report.ms(parallel), Report.ms(serial), ideal, max), speedup >= 8);
        }
    }

    private void roundTrips() {
        Counts first = counts.get(1);
        int further = sizes.length > 1 ? sizes[1] : 0;
        Counts many = counts.get(further);
        if (first == null || many == null || further < 2) {
            return;
        }
        double[] per = many.perFurther(first, further - 1);
        report.section("Remote calls per link", "From the simulators' journals during the parallelism-1 runs above: the first"
                + " link (shared steps included) and each further link ((" + further + "-link run - 1-link run) / "
                + (further - 1) + "). Connection logins are not counted (the baseline does not count them either): "
                + first.logins() + " for the 1-link run.");
        report.table(List.of(List.of("", "SQL round trips", "SQL wait reads", "ARM calls", "ARM LRO polls", "ARM wait reads"),
                List.of("manual procedure (Learn, one link)", "22", "repeated by hand", "9", "2 LROs, every 30 s", "by hand"),
                List.of("milink, first link", String.valueOf(first.sql()), String.valueOf(first.sqlWaitReads()),
                        String.valueOf(first.arm()), String.valueOf(first.armPolls()), String.valueOf(first.armWaitReads())),
                List.of("milink, each further link", f(per[0]), f(per[1]), f(per[2]), f(per[3]), f(per[4])),
                List.of("manual procedure, each further link", "7", "repeated by hand", "3", "1 LRO", "by hand")));
        report.target("round trips", "first link: fewer than the manual 22 SQL + 9 ARM",
                first.sql() + " SQL + " + first.arm() + " ARM", first.sql() < 22 && first.arm() < 9);
        report.target("round trips", "each further link: fewer than the manual 7 SQL + 3 ARM",
                f(per[0]) + " SQL + " + f(per[2]) + " ARM", per[0] < 7 && per[2] < 3);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

}
