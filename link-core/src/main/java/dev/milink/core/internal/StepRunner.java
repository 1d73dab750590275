package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.core.JournalEntry;
import dev.milink.core.StepState;
import dev.milink.event.LinkEvent;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.step.AwaitLsnAlignment;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SqlServerStep;
import dev.milink.step.Step;
import dev.milink.step.UploadTrustCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one step the converging way: skip when already done, otherwise journal RUNNING, apply (with retries),
 * journal DONE with whether this run created the object. The port's {@code apply} verifies in the same round trip.
 */
final class StepRunner {

    final AtomicInteger applied = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final Map<dev.milink.step.StepId, Duration> durations = new ConcurrentHashMap<>();
    private final RunState run;
    private final Events events;
    private final SyncAwaiter awaiter;
    private final LsnAligner aligner;
    private final LifecycleSteps lifecycle;

    StepRunner(RunState run, Events events) {
        this.run = run;
        this.events = events;
        this.awaiter = new SyncAwaiter(run, events);
        this.aligner = new LsnAligner(run, events);
        this.lifecycle = new LifecycleSteps(run, events);
    }

    void execute(Step step) {
        Instant start = run.settings.clock().instant();
        JournalEntry previous = run.recorder.entry(step.id());
        Optional<String> done;
        try {
            done = Convergence.alreadyDone(step, run, previous);
        } catch (RuntimeException e) {
            throw fail(step, previous, e);
        }
        if (done.isPresent()) {
            // A step left RUNNING was observed absent before it started, so finding it now means this run created it.
            boolean created = previous.mayHaveCreated();
            run.recorder.put(previous.withCreated(created).moveTo(StepState.DONE, run.settings.clock().instant(), done.get()));
            skipped.incrementAndGet();
            events.emit(new LinkEvent.StepSkipped(run.settings.clock().instant(), step, done.get()));
            return;
        }
        events.emit(new LinkEvent.StepStarted(start, step));
        JournalEntry running = previous.moveTo(StepState.RUNNING, start, "applying");
        run.recorder.put(running);
        try {
            StepResult result = apply(step);
            String detail = step instanceof AwaitSynchronization || step instanceof AwaitLsnAlignment ? result.detail() : describe(result);
            Instant end = run.settings.clock().instant();
            // Only what the adapter reports as changed was created by this run; rollback removes nothing else.
            run.recorder.put(running.withCreated(running.created() || result.changed()).moveTo(StepState.DONE, end, detail));
            applied.incrementAndGet();
            durations.put(step.id(), Duration.between(start, end));
            events.emit(new LinkEvent.StepCompleted(end, step, Duration.between(start, end), detail));
        } catch (RuntimeException e) {
            throw fail(step, running, e);
        }
    }

    private LinkExecutionException fail(Step step, JournalEntry entry, RuntimeException e) {
        LinkExecutionException error = wrap(step, e);
        run.recorder.put(entry.moveTo(StepState.FAILED, run.settings.clock().instant(), error.getMessage()));
        events.emit(new LinkEvent.StepFailed(run.settings.clock().instant(), step, error));
        return error;
    }

    private StepResult apply(Step step) {
        if (step instanceof AwaitSynchronization s) {
            return StepResult.unchanged(awaiter.await(s));
        }
        if (step instanceof AwaitLsnAlignment a) {
            return StepResult.unchanged(aligner.await(a));
        }
        if (LifecycleSteps.handles(step)) {
            return lifecycle.apply(step);
        }
        if (step instanceof SqlServerStep s) {
            StepInputs inputs = inputsFor(step);
            if (step instanceof dev.milink.step.ImportAzureRootCertificates roots) {
                // Recorded before applying so that a rollback drops only the roots this run added.
                String missing = roots.roots().stream().map(dev.milink.step.RootCertificate::name)
                        .filter(n -> run.sql().certificate(n).isEmpty()).collect(java.util.stream.Collectors.joining(","));
                run.recorder.fact(Rollback.CREATED_ROOTS, missing);
            }
            StepResult result = run.resilient.call(step, false, () -> run.settings.sql().apply(s, inputs));
            if (step instanceof CreateEndpointCertificate) {
                byte[] der = result.certificate().orElseThrow(() -> new LinkException(LinkErrorCode.INTERNAL,
                        "the SQL Server adapter returned no public key for the endpoint certificate", "report this adapter bug"));
                run.update(i -> i.withSqlServerCertificate(der));
            }
            return result;
        }
        ManagedInstanceStep s = (ManagedInstanceStep) step;
        StepInputs inputs = inputsFor(step);
        return run.resilient.call(step, true, () -> run.settings.mi().apply(s, inputs));
    }

    /** Fills in what the step needs that is learned at run time: FQDN, and MI's certificate only when importing it. */
    private StepInputs inputsFor(Step step) {
        if (step instanceof ImportManagedInstanceCertificate i) {
            if (i.fqdn().isEmpty()) {
                run.fqdn(step);
            }
            byte[] der = run.resilient.call(step, false, run.settings.mi()::endpointCertificate);
            run.update(in -> in.withManagedInstanceCertificate(der));
        } else if (step instanceof UploadTrustCertificate && run.inputs().sqlServerCertificate().isEmpty()) {
            throw new LinkException(LinkErrorCode.STATE_CONFLICT, "SQL Server's endpoint certificate public key is not known",
                    "run the whole plan (the endpoint certificate step reads it)");
        } else if (step instanceof dev.milink.step.CreateDistributedAvailabilityGroup d && d.managedInstanceFqdn().isEmpty()) {
            run.fqdn(step);
        }
        return run.inputs();
    }

    private static String describe(StepResult result) {
        return (result.changed() ? "changed" : "already in place") + (result.detail().isBlank() ? "" : ": " + result.detail());
    }

    static LinkExecutionException wrap(Step step, RuntimeException e) {
        if (e instanceof LinkExecutionException lee) {
            return lee;
        }
        if (e instanceof LinkException le) {
            return new LinkExecutionException(le.code(), step.id(), step.side(), null, null, le.getMessage(), le.fix(), le);
        }
        return new LinkExecutionException(LinkErrorCode.INTERNAL, step.id(), step.side(), null, null,
                e.getClass().getSimpleName() + ": " + e.getMessage(), "see the cause; resume once it is fixed", e);
    }
}
