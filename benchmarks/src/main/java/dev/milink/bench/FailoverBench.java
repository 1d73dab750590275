package dev.milink.bench;

import dev.milink.FailoverOptions;
import dev.milink.LinkPlan;
import dev.milink.demo.SimulatedEnvironment;
import dev.milink.event.LinkEvent;
import dev.milink.step.AwaitLsnAlignment;
import dev.milink.step.Step;
import dev.milink.step.StepQuery;
import dev.milink.testkit.world.LinkedWorld;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned failover of one link to the Managed Instance, in real time: the time from "LSNs equal" (the LSN
 * alignment step completes) to "roles switched" (the plan finishes, roles verified), with the remote calls in
 * that span; and the same span in a world without added latency, which is the overhead of milink, the drivers
 * and the simulators together.
 */
final class FailoverBench {

    private final Report report;
    private final int repetitions;

    FailoverBench(Report report, int repetitions) {
        this.report = report;
        this.repetitions = repetitions;
    }

    /** What one failover measured. */
    record Span(double switchMillis, long sql, long arm, long armPolls, String steps) {
    }

    void run() {
        List<Span> realistic = new ArrayList<>();
        List<Span> bare = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            attempt(() -> Worlds.realistic(1), realistic, failures);
            attempt(FailoverBench::zeroLatency, bare, failures);
        }
        if (realistic.isEmpty() || bare.isEmpty()) {
            report.section("Planned failover", "Every run failed: " + String.join("; ", failures));
            return;
        }
        double[] real = realistic.stream().mapToDouble(Span::switchMillis).toArray();
        double[] zero = bare.stream().mapToDouble(Span::switchMillis).toArray();
        Span r = realistic.get(0);
        Span b = bare.get(0);
        double floor = r.sql() * Worlds.SQL_LATENCY.toMillis() + (r.arm() + r.armPolls()) * Worlds.ARM_LATENCY.toMillis();
        double median = HealthBench.median(real);
        report.section("Planned failover", "One link, fail over to the Managed Instance with `workloadStopped(true)` and"
                + " `lsnStableFor(1 s)`. The span runs from the completion of the LSN alignment step (LSNs equal) to the end"
                + " of the plan (roles switched and verified). Median of " + repetitions + " runs, each on a new world.");
        report.table(List.of(List.of("", "LSNs equal -> roles switched", "SQL RT in the span", "ARM calls (+ polls) in the span",
                        "latency floor of those calls"),
                List.of("realistic world (2 ms SQL, 200 ms ARM)", Report.ms(median), String.valueOf(r.sql()),
                        r.arm() + " (+ " + r.armPolls() + ")", Report.ms(floor)),
                List.of("no added latency", Report.ms(HealthBench.median(zero)), String.valueOf(b.sql()),
                        b.arm() + " (+ " + b.armPolls() + ")", "0 ms")));
        if (!failures.isEmpty()) {
            report.text("**" + failures.size() + " of " + (2 * repetitions) + " failover runs failed** and are not in the"
                    + " medians: " + String.join("; ", failures));
        }
        report.text("Steps after the LSNs were equal: " + r.steps() + ". Overhead of milink + drivers + simulators"
                + " (realistic span minus its latency floor): " + Report.ms(median - floor) + "; measured directly without"
                + " latency: " + Report.ms(HealthBench.median(zero)) + ".");
    }

    private static void attempt(java.util.function.Supplier<SimulatedEnvironment> world, List<Span> spans, List<String> failures) {
        try {
            spans.add(once(world.get()));
        } catch (RuntimeException e) {
            failures.add(e.getMessage());
            System.out.println("  failover run failed: " + e.getMessage());
        }
    }

    private static SimulatedEnvironment zeroLatency() {
        LinkedWorld world = LinkedWorld.builder().clock(Clock.systemUTC()).httpsArm(true)
                .sqlServerDatabase("Db000", d -> d.recoveryFull().fullBackup().logFiles(1).sizeBytes(16L << 20))
                .seedingBytesPerSecond(16L << 30).build().start();
        return SimulatedEnvironment.of(world);
    }

    private static Span once(SimulatedEnvironment env) {
        try (env) {
            env.runner().pollInterval(Worlds.RUNNER_POLL).run(Worlds.plan(env, 1)).orThrow();
            LinkPlan failover = env.linkFromSqlServer("Db000").planFailover(FailoverOptions.plannedToManagedInstance()
                    .workloadStopped(true).lsnStableFor(Duration.ofSeconds(1)));
            // The alignment wait ends the catch-up phase; what follows it is the switch being measured.
            java.util.Set<Step> alignment = failover.steps().stream().filter(s -> new StepQuery<Boolean>() {
                @Override
                protected Boolean otherwise(Step step) {
                    return false;
                }

                @Override
                public Boolean visit(AwaitLsnAlignment step) {
                    return true;
                }
            }.ask(s)).collect(java.util.stream.Collectors.toSet());
            long[] marks = new long[2];
            List<String> after = new ArrayList<>();
            long[] sqlAt = new long[1];
            int[] armAt = new int[1];
            Counts.reset(env);
            env.runner().pollInterval(Worlds.RUNNER_POLL).listener(e -> {
                if (e instanceof LinkEvent.StepCompleted c && alignment.contains(c.step())) {
                    marks[0] = System.nanoTime();
                    sqlAt[0] = env.world().sqlServerTds().journal().roundTrips()
                            + env.world().managedInstanceTds().journal().roundTrips();
                    armAt[0] = env.world().arm().journal().entries().size();
                } else if (e instanceof LinkEvent.StepCompleted c && marks[0] != 0) {
                    after.add(c.step().id().toString());
                } else if (e instanceof LinkEvent.PlanFinished) {
                    marks[1] = System.nanoTime();
                }
            }).run(failover).orThrow();
            if (marks[0] == 0) {
                throw new IllegalStateException("the failover plan has no LSN alignment step: " + failover.describe());
            }
            long sql = env.world().sqlServerTds().journal().roundTrips() + env.world().managedInstanceTds().journal().roundTrips()
                    - sqlAt[0];
            var entries = env.world().arm().journal().entries();
            var span = entries.subList(armAt[0], entries.size());
            long polls = span.stream().filter(dev.milink.testkit.arm.RequestJournal.Entry::poll).count();
            return new Span((marks[1] - marks[0]) / 1e6, sql, span.size() - polls, polls, String.join(", ", after));
        }
    }

}
