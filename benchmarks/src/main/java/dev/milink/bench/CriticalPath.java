package dev.milink.bench;

import dev.milink.LinkPlan;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.VerifyPrerequisite;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.core.Preflight;
import dev.milink.step.AwaitLsnAlignment;
import dev.milink.step.Step;
import dev.milink.step.StepQuery;
import dev.milink.step.VerifyPrerequisite;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lower bound of a create run's wall time from the plan's dependency structure and the world's latencies:
 * the shared steps one after another, then the per-link chains in waves of {@code parallelism}. Each step costs
 * the fewest remote calls it can be done in: a SQL step one round trip; an ARM write one request plus the
 * simulator's LRO polls (the write commits on the last poll; the final GET may overlap what follows); an ARM read
 * one request; importing the Managed Instance's certificate one ARM read plus one SQL round trip; waiting for
 * synchronization the seeding time plus one SQL round trip that sees it. Before the steps: one SQL observation
 * and the two ARM reads the checks need (instance facts, its database names).
 */
public final class CriticalPath {

    private final Duration sql;
    private final Duration arm;
    private final Duration seeding;
    private final int lroPolls;

    /**
     * @param sql per SQL round trip
     * @param arm per ARM request
     * @param seeding per database
     * @param lroPolls polls until an ARM long-running operation completes
     */
    public CriticalPath(Duration sql, Duration arm, Duration seeding, int lroPolls) {
        this.sql = sql;
        this.arm = arm;
        this.seeding = seeding;
        this.lroPolls = lroPolls;
    }

    /** @return the model of the realistic world */
    public static CriticalPath realistic() {
        return new CriticalPath(Worlds.SQL_LATENCY, Worlds.ARM_LATENCY, Worlds.SEEDING, 1);
    }

    /**
     * @param plan a create plan
     * @param parallelism links at once
     * @return the lower bound of its wall time
     */
    public Duration bound(LinkPlan plan, int parallelism) {
        Duration shared = sql.plus(arm.multipliedBy(2));
        Map<String, Duration> chains = new LinkedHashMap<>();
        java.util.Set<Step> checks = java.util.Set.copyOf(Preflight.checksOf(plan));
        for (Step step : plan.steps()) {
            if (checks.contains(step)) {
                continue;
            }
            Duration cost = cost(step);
            if (step.database().isPresent()) {
                chains.merge(step.database().get().value(), cost, Duration::plus);
            } else {
                shared = shared.plus(cost);
            }
        }
        Duration longest = chains.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        long waves = (chains.size() + parallelism - 1) / parallelism;
        return shared.plus(longest.multipliedBy(waves));
    }

    /** @return the per-link chain of a 1-link plan */
    public Duration chain(LinkPlan plan) {
        java.util.Set<Step> checks = java.util.Set.copyOf(Preflight.checksOf(plan));
        return plan.steps().stream().filter(s -> !checks.contains(s)).filter(s -> s.database().isPresent())
                .map(this::cost).reduce(Duration.ZERO, Duration::plus);
    }

    Duration cost(Step step) {
        return new StepQuery<Duration>() {
            @Override
            protected Duration otherwise(Step s) {
                return switch (s.side()) {
                    case SQL_SERVER -> sql;
                    case MANAGED_INSTANCE -> arm.multipliedBy(1L + lroPolls);
                    default -> Duration.ZERO;
                };
            }

            @Override
            public Duration visit(ImportManagedInstanceCertificate s) {
                return arm.plus(sql); // reads the certificate from ARM, then one round trip
            }

            @Override
            public Duration visit(AwaitSynchronization s) {
                return seeding.plus(sql);
            }

            @Override
            public Duration visit(AwaitLsnAlignment s) {
                return Duration.ZERO;
            }

            @Override
            public Duration visit(VerifyPrerequisite s) {
                return Duration.ZERO;
            }
        }.ask(step);
    }
}
