package dev.milink.core.internal;

import dev.milink.event.LinkEvent;
import dev.milink.event.LinkListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends events to the listener and logs each step at INFO (events carry no secrets). */
final class Events {

    private static final Logger LOG = LoggerFactory.getLogger("dev.milink.core.LinkRunner");

    private final LinkListener listener;

    Events(LinkListener listener) {
        this.listener = listener;
    }

    void emit(LinkEvent event) {
        log(event);
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // A faulty listener must not break a half-built link; it is reported, not hidden.
            LOG.warn("listener failed on {}: {}", event.getClass().getSimpleName(), e.toString(), e);
        }
    }

    private static void log(LinkEvent event) {
        if (event instanceof LinkEvent.StepStarted e) {
            LOG.info("step {} started: {}", e.step().id(), e.step().summary());
        } else if (event instanceof LinkEvent.StepSkipped e) {
            LOG.info("step {} skipped: {}", e.step().id(), e.reason());
        } else if (event instanceof LinkEvent.StepCompleted e) {
            LOG.info("step {} completed in {} ms: {}", e.step().id(), e.took().toMillis(), e.detail());
        } else if (event instanceof LinkEvent.StepFailed e) {
            LOG.info("step {} failed: {}", e.step().id(), e.error().getMessage());
        } else if (event instanceof LinkEvent.StepRetried e) {
            LOG.info("step {} attempt {} failed transiently ({}); retrying in {} ms", e.step().id(), e.attempt(), e.cause(),
                    e.delay().toMillis());
        } else if (event instanceof LinkEvent.Warning e) {
            LOG.warn("step {}: {}", e.step().id(), e.message());
        } else if (event instanceof LinkEvent.PlanFinished e) {
            LOG.info("plan {} finished: {} in {} ms", e.plan().hash(), e.succeeded() ? "succeeded" : "failed", e.took().toMillis());
        } else if (event instanceof LinkEvent.PlanStarted e) {
            LOG.info("plan {} ({}) started{}", e.plan().hash(), e.plan().kind(), e.resumed() ? ", resuming" : "");
        }
    }
}
