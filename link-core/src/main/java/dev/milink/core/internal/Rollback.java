package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkPlan;
import dev.milink.core.Journal;
import dev.milink.core.JournalStore;
import dev.milink.core.LinkRun;
import dev.milink.core.RollbackReport;
import dev.milink.core.StepState;
import dev.milink.event.LinkEvent;
import dev.milink.event.LinkListener;
import dev.milink.step.StepId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Undoes, in reverse plan order, what the journal says a run created: derives the rollback plan
 * ({@link RollbackPlanner}), runs it through the same {@link Execution} as every plan (its own journal, converging
 * steps), and then closes the undone run's journal. Objects that existed before the run are never touched; user
 * databases are never dropped (no compensation drops one).
 */
public final class Rollback {

    private Rollback() {
    }

    /**
     * @param settings the configuration
     * @param plan the plan whose run is undone
     * @return the rollback plan, for review before it runs
     */
    public static LinkPlan plan(RunSettings settings, LinkPlan plan) {
        return RollbackPlanner.derive(plan, journal(settings, plan)).plan();
    }

    /**
     * @param settings the configuration
     * @param plan the plan whose run is undone
     * @return what was undone and what was left
     */
    public static RollbackReport run(RunSettings settings, LinkPlan plan) {
        String key = Journal.keyOf(plan);
        Instant started = settings.clock().instant();
        try (JournalStore.Lock lock = settings.journal().lock(key, started, settings.breakStaleLock())) {
            Journal journal = journal(settings, plan);
            RollbackPlanner.Derived rollback = RollbackPlanner.derive(plan, journal);
            List<StepId> undone = new CopyOnWriteArrayList<>();
            Optional<LinkException> failure = Optional.empty();
            if (!rollback.plan().steps().isEmpty()) {
                LinkRun run = Execution.run(listening(settings, undone), rollback.plan());
                failure = run.failure();
            }
            if (failure.isEmpty()) {
                Recorder recorder = new Recorder(settings.journal(), settings.clock(), journal);
                for (StepId id : rollback.undoes()) {
                    recorder.put(recorder.entry(id).moveTo(StepState.ROLLED_BACK, settings.clock().instant(),
                            "undone by rollback plan " + rollback.plan().hash()));
                }
                recorder.fact(Journal.OUTCOME, Journal.ROLLED_BACK);
            }
            return new RollbackReport(undone, rollback.leftInPlace(), failure);
        }
    }

    private static Journal journal(RunSettings settings, LinkPlan plan) {
        String key = Journal.keyOf(plan);
        return settings.journal().load(key).filter(j -> j.planHash().equals(plan.hash()))
                .orElseThrow(() -> new LinkException(LinkErrorCode.JOURNAL_CONFLICT, "No journal of plan " + plan.hash()
                        + " for " + key + ": nothing is known to have been created by it.", "roll back with the plan that ran"));
    }

    /** The settings with a listener that also notes each compensating step applied or found already undone. */
    private static RunSettings listening(RunSettings s, List<StepId> undone) {
        LinkListener listener = event -> {
            if (event instanceof LinkEvent.StepCompleted c) {
                undone.add(c.step().id());
            } else if (event instanceof LinkEvent.StepSkipped k) {
                undone.add(k.step().id());
            }
            s.listener().onEvent(event);
        };
        return new RunSettings(s.sql(), s.mi(), s.journal(), s.secrets(), listener, s.clock(), s.sleeper(), s.retry(),
                s.parallelism(), s.awaitTimeout(), s.pollInterval(), s.breakStaleLock(), s.probe(), s.armWritesPerSecond(),
                s.maxFailoverLag());
    }
}
