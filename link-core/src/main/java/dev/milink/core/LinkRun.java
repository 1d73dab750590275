package dev.milink.core;

import dev.milink.DatabaseName;
import dev.milink.LinkException;
import dev.milink.LinkPlan;
import dev.milink.step.StepId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of running a plan.
 *
 * @param plan the plan
 * @param resumed whether an earlier journal was continued
 * @param outcomes per database, in plan order
 * @param stepsApplied steps that were applied (changed something or waited)
 * @param stepsSkipped steps found already done
 * @param took the run's duration
 * @param stepDurations how long each applied step took
 * @param failure the first failure (a shared step, a server-level check, or a link's step)
 * @param preflight the evaluated checks, when the plan had any
 * @param notes what the run reported besides step results, for example a forced failover's possible data loss
 */
public record LinkRun(LinkPlan plan, boolean resumed, Map<DatabaseName, LinkOutcome> outcomes, int stepsApplied,
        int stepsSkipped, Duration took, Map<StepId, Duration> stepDurations, Optional<LinkException> failure,
        Optional<PreflightReport> preflight, List<String> notes) {

    /**
     * A result without notes.
     *
     * @param plan the plan
     * @param resumed whether an earlier journal was continued
     * @param outcomes per database
     * @param stepsApplied steps applied
     * @param stepsSkipped steps found done
     * @param took the duration
     * @param stepDurations per applied step
     * @param failure the first failure
     * @param preflight the evaluated checks
     */
    public LinkRun(LinkPlan plan, boolean resumed, Map<DatabaseName, LinkOutcome> outcomes, int stepsApplied,
            int stepsSkipped, Duration took, Map<StepId, Duration> stepDurations, Optional<LinkException> failure,
            Optional<PreflightReport> preflight) {
        this(plan, resumed, outcomes, stepsApplied, stepsSkipped, took, stepDurations, failure, preflight, List.of());
    }

    /**
     * Checks the components.
     *
     * @param plan the plan
     * @param resumed whether an earlier journal was continued
     * @param outcomes per database, in plan order
     * @param stepsApplied steps that were applied (changed something or waited)
     * @param stepsSkipped steps found already done
     * @param took the run's duration
     * @param stepDurations how long each applied step took
     * @param failure the first failure (a shared step, a server-level check, or a link's step)
     * @param preflight the evaluated checks, when the plan had any
     * @param notes what the run reported besides step results, for example a forced failover's possible data loss
     */
    public LinkRun {
        notes = List.copyOf(notes);
        outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
        stepDurations = Map.copyOf(stepDurations);
    }

    /** @return whether every link succeeded */
    public boolean succeeded() {
        return failure.isEmpty() && outcomes.values().stream().allMatch(o -> o.status() == LinkOutcome.Status.SUCCEEDED);
    }

    /**
     * @return this run when it succeeded
     * @throws LinkException the first failure otherwise
     */
    public LinkRun orThrow() {
        if (failure.isPresent()) {
            throw failure.get();
        }
        return this;
    }
}
