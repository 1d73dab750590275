package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.core.JournalEntry;
import dev.milink.core.StepState;
import dev.milink.event.LinkEvent;
import dev.milink.port.StepResult;
import dev.milink.step.RunValue;
import dev.milink.step.RunValues;
import dev.milink.step.Step;
import dev.milink.step.StepId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one step the converging way: skip when already done, otherwise journal RUNNING, fill in the values the step
 * needs, apply (with retries), keep what it produced, journal DONE with whether this run created the object. The
 * port's {@code apply} verifies in the same round trip. Which port or helper applies a step kind is
 * {@link StepApplier}'s business.
 */
final class StepRunner {

    final AtomicInteger applied = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final Map<StepId, Duration> durations = new ConcurrentHashMap<>();
    private final RunState run;
    private final Events events;
    private final StepApplier applier;

    StepRunner(RunState run, Events events) {
        this.run = run;
        this.events = events;
        this.applier = new StepApplier(run, events);
    }

    void execute(Step step) {
        Instant start = run.settings.clock().instant();
        JournalEntry previous = run.recorder.entry(step.id());
        Convergence.Verdict verdict;
        try {
            verdict = Convergence.of(step, run, previous);
        } catch (RuntimeException e) {
            throw fail(step, previous, e);
        }
        if (verdict.done().isPresent()) {
            String why = verdict.done().get();
            // What an earlier attempt journaled (roots absent before it) wins over what is observed now.
            keep(step, verdict.observed().plus(run.recorder.journal().produced(step.id())));
            // A step left RUNNING was observed absent before it started, so finding it now means this run created it.
            boolean created = previous.mayHaveCreated();
            run.recorder.put(previous.withCreated(created).moveTo(StepState.DONE, run.settings.clock().instant(), why));
            skipped.incrementAndGet();
            events.emit(new LinkEvent.StepSkipped(run.settings.clock().instant(), step, why));
            return;
        }
        events.emit(new LinkEvent.StepStarted(start, step));
        JournalEntry running = previous.moveTo(StepState.RUNNING, start, "applying");
        run.recorder.put(running);
        try {
            // Journaled before applying, so that a rollback after a failure part-way removes only what this run added.
            keep(step, verdict.observed());
            fillNeeds(step);
            StepApplier.Applied done = applier.apply(step);
            StepResult result = done.result();
            RunValues products = verdict.observed().plus(result.produced());
            for (RunValue<?> product : step.produces()) {
                if (products.get(product).isEmpty()) {
                    throw new LinkException(LinkErrorCode.STATE_CONFLICT, step.side().displayName() + " returned no "
                            + product.name() + " for step " + step.id() + ".", "check that the objects the step reads exist "
                            + "(a certificate needs its private key)");
                }
            }
            keep(step, products);
            Instant end = run.settings.clock().instant();
            // Only what the adapter reports as changed was created by this run; rollback removes nothing else.
            run.recorder.put(running.withCreated(running.created() || result.changed()).moveTo(StepState.DONE, end, done.detail()));
            applied.incrementAndGet();
            durations.put(step.id(), Duration.between(start, end));
            events.emit(new LinkEvent.StepCompleted(end, step, Duration.between(start, end), done.detail()));
        } catch (RuntimeException e) {
            throw fail(step, running, e);
        }
    }

    /** Values learned for later steps, and journaled with the step when a later run needs them. */
    private void keep(Step step, RunValues values) {
        if (!values.isEmpty()) {
            run.update(i -> i.plus(values));
            run.recorder.produced(step.id(), values);
        }
    }

    /** Fills in each value the step needs and the run does not know yet: read once from a port, or fail clearly. */
    private void fillNeeds(Step step) {
        for (RunValue<?> need : step.needs()) {
            if (run.inputs().get(need).isPresent()) {
                continue;
            }
            if (need == RunValue.MANAGED_INSTANCE_FQDN) {
                run.fqdn(step);
            } else if (need == RunValue.MANAGED_INSTANCE_CERTIFICATE) {
                byte[] der = run.resilient.call(step, false, run.settings.mi()::endpointCertificate);
                run.update(in -> in.with(RunValue.MANAGED_INSTANCE_CERTIFICATE, der));
            } else if (need == RunValue.SQL_SERVER_CERTIFICATE) {
                throw new LinkException(LinkErrorCode.STATE_CONFLICT, "SQL Server's endpoint certificate public key is not known",
                        "run the whole plan (the endpoint certificate step reads it)");
            } else {
                throw new LinkException(LinkErrorCode.INTERNAL, "no earlier step of the plan produces " + need.name()
                        + ", which step " + step.id() + " needs", "report this as a milink bug");
            }
        }
    }

    private LinkExecutionException fail(Step step, JournalEntry entry, RuntimeException e) {
        LinkExecutionException error = wrap(step, e);
        run.recorder.put(entry.moveTo(StepState.FAILED, run.settings.clock().instant(), error.getMessage()));
        events.emit(new LinkEvent.StepFailed(run.settings.clock().instant(), step, error));
        return error;
    }

    static LinkExecutionException wrap(Step step, RuntimeException e) {
        if (e instanceof LinkExecutionException lee) {
            return lee;
        }
        if (e instanceof LinkException le) {
            return LinkExecutionException.of(step.id(), step.side(), le);
        }
        return LinkExecutionException.of(LinkErrorCode.INTERNAL, step.id(), step.side(),
                e.getClass().getSimpleName() + ": " + e.getMessage(), "see the cause; resume once it is fixed", e);
    }
}
