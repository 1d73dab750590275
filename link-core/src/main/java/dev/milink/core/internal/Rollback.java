package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.LinkPlan;
import dev.milink.core.Journal;
import dev.milink.core.JournalEntry;
import dev.milink.core.JournalStore;
import dev.milink.core.RollbackReport;
import dev.milink.core.StepState;
import dev.milink.event.LinkEvent;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.step.CheckStep;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SqlServerStep;
import dev.milink.step.Step;
import dev.milink.step.StepId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Undoes, in reverse plan order, what the journal says this run created. Objects that existed before the run
 * are never touched; user databases are never dropped (no compensation drops one).
 */
public final class Rollback {

    private Rollback() {
    }

    /**
     * @param settings the configuration
     * @param plan the plan whose run is undone
     * @return what was undone and what was left
     */
    public static RollbackReport run(RunSettings settings, LinkPlan plan) {
        Events events = new Events(settings.listener());
        String key = Journal.keyOf(plan);
        Instant started = settings.clock().instant();
        try (JournalStore.Lock lock = settings.journal().lock(key, started, settings.breakStaleLock())) {
            Journal journal = settings.journal().load(key).filter(j -> j.planHash().equals(plan.hash()))
                    .orElseThrow(() -> new LinkException(LinkErrorCode.JOURNAL_CONFLICT, "No journal of plan " + plan.hash()
                            + " for " + key + ": nothing is known to have been created by it.", "roll back with the plan that ran"));
            Recorder recorder = new Recorder(settings.journal(), settings.clock(), journal);
            Resilient resilient = new Resilient(settings, events);
            events.emit(new LinkEvent.PlanStarted(started, plan, true));
            StepInputs inputs = StepInputs.of(settings.secrets());
            Optional<String> fqdn = plan.spec().managedInstance().fqdn().or(() -> Optional.ofNullable(journal.facts().get(Journal.FQDN)));
            if (fqdn.isPresent()) {
                inputs = inputs.withManagedInstanceFqdn(fqdn.get());
            }
            List<StepId> undone = new ArrayList<>();
            List<String> left = new ArrayList<>();
            Optional<LinkException> failure = Optional.empty();
            List<Step> reversed = new ArrayList<>(plan.steps());
            java.util.Collections.reverse(reversed);
            for (Step step : reversed) {
                JournalEntry entry = recorder.entry(step.id());
                if (!entry.mayHaveCreated() || entry.state() == StepState.ROLLED_BACK) {
                    continue;
                }
                List<Step> compensation = Compensation.of(step, journal.produced(step.id()), fqdn, left);
                try {
                    for (Step undo : compensation) {
                        apply(settings, resilient, events, undo, inputs);
                        undone.add(undo.id());
                    }
                    recorder.put(entry.moveTo(StepState.ROLLED_BACK, settings.clock().instant(),
                            compensation.isEmpty() ? "nothing to undo or left in place" : "undone"));
                } catch (RuntimeException e) {
                    LinkExecutionException error = StepRunner.wrap(compensation.isEmpty() ? step : compensation.get(0), e);
                    events.emit(new LinkEvent.StepFailed(settings.clock().instant(), step, error));
                    failure = Optional.of(error);
                    break;
                }
            }
            if (failure.isEmpty()) {
                recorder.fact(Journal.OUTCOME, Journal.ROLLED_BACK);
            }
            events.emit(new LinkEvent.PlanFinished(settings.clock().instant(), plan, failure.isEmpty(),
                    Duration.between(started, settings.clock().instant())));
            return new RollbackReport(undone, left, failure);
        }
    }

    private static void apply(RunSettings settings, Resilient resilient, Events events, Step undo, StepInputs inputs) {
        Instant start = settings.clock().instant();
        events.emit(new LinkEvent.StepStarted(start, undo));
        String detail = undo.accept(new Step.Visitor<StepResult>() {
            @Override
            public StepResult sqlServer(SqlServerStep s) {
                return resilient.call(undo, false, () -> settings.sql().apply(s, inputs));
            }

            @Override
            public StepResult managedInstance(ManagedInstanceStep m) {
                return resilient.call(undo, true, () -> settings.mi().apply(m, inputs));
            }

            @Override
            public StepResult check(CheckStep c) {
                return StepResult.unchanged("a check changes nothing");
            }
        }).detail();
        events.emit(new LinkEvent.StepCompleted(settings.clock().instant(), undo, Duration.between(start, settings.clock().instant()), detail));
    }
}
