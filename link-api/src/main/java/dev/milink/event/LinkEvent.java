package dev.milink.event;

import dev.milink.LinkException;
import dev.milink.LinkPlan;
import dev.milink.step.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Typed progress events of a run, so callers never parse logs. Delivered to a {@link LinkListener} on the
 * thread that produced them; listeners must be quick and thread safe.
 */
public sealed interface LinkEvent {

    /** @return when the event happened */
    Instant at();

    /**
     * A plan run started.
     *
     * @param at when
     * @param plan the plan
     * @param resumed whether it continues a journal
     */
    record PlanStarted(Instant at, LinkPlan plan, boolean resumed) implements LinkEvent {
    }

    /**
     * A step started.
     *
     * @param at when
     * @param step the step
     */
    record StepStarted(Instant at, Step step) implements LinkEvent {
    }

    /**
     * A step was found already done (or done in an earlier run) and skipped.
     *
     * @param at when
     * @param step the step
     * @param reason why it was skipped
     */
    record StepSkipped(Instant at, Step step, String reason) implements LinkEvent {
    }

    /**
     * A step finished.
     *
     * @param at when
     * @param step the step
     * @param took how long it took
     * @param detail what it did
     */
    record StepCompleted(Instant at, Step step, Duration took, String detail) implements LinkEvent {
    }

    /**
     * A step failed; the run stops.
     *
     * @param at when
     * @param step the step
     * @param error the failure
     */
    record StepFailed(Instant at, Step step, LinkException error) implements LinkEvent {
    }

    /**
     * A transient failure is being retried.
     *
     * @param at when
     * @param step the step
     * @param attempt the attempt that failed, from 1
     * @param cause a short description of the failure
     * @param delay the wait before the next attempt
     */
    record StepRetried(Instant at, Step step, int attempt, String cause, Duration delay) implements LinkEvent {
    }

    /**
     * Progress of a long step (seeding, waiting for LSNs).
     *
     * @param at when
     * @param step the step
     * @param percent 0-100
     * @param bytesDone bytes transferred, when known
     * @param bytesTotal bytes to transfer, when known
     * @param eta the estimated remaining time, when known
     * @param message a short status line
     */
    record Progress(Instant at, Step step, int percent, Optional<Long> bytesDone, Optional<Long> bytesTotal,
            Optional<Duration> eta, String message) implements LinkEvent {
    }

    /**
     * A warning (a failed recommendation, a risk) that does not stop the run.
     *
     * @param at when
     * @param step the step that raised it
     * @param message the warning
     */
    record Warning(Instant at, Step step, String message) implements LinkEvent {
    }

    /**
     * A plan run ended.
     *
     * @param at when
     * @param plan the plan
     * @param succeeded whether every step completed
     * @param took the run's duration
     */
    record PlanFinished(Instant at, LinkPlan plan, boolean succeeded, Duration took) implements LinkEvent {
    }

    /**
     * A watched link's health changed.
     *
     * @param at when
     * @param health the new health
     * @param previous the health before, if this is not the first observation
     */
    record HealthChanged(Instant at, dev.milink.LinkHealth health, Optional<dev.milink.LinkHealth> previous)
            implements LinkEvent {
    }

    /**
     * @param event any event
     * @return the failure it reports, for listeners that only care about errors
     */
    static Optional<LinkException> errorOf(LinkEvent event) {
        return event instanceof StepFailed failed ? Optional.of(failed.error()) : Optional.empty();
    }
}
