package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkExecutionException;
import dev.milink.core.RetryPolicy;
import dev.milink.core.Transience;
import dev.milink.event.LinkEvent;
import dev.milink.step.Step;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs port calls with Resilience4j: retries of transient failures (exponential backoff, jitter,
 * {@code Retry-After}) and a rate limiter on ARM writes. Resilience4j computes the delays; the injected
 * {@code Sleeper} waits them, so tests do not sleep.
 */
final class Resilient {

    /** The length of the rate limiter's window: writes may burst up to this many seconds' worth at once. */
    static final int BURST_SECONDS = 5;

    private final Retry retry;
    private final RateLimiter armWrites;
    private final RunSettings settings;
    private final Events events;

    Resilient(RunSettings settings, Events events) {
        this.settings = settings;
        this.events = events;
        RetryPolicy policy = settings.retry();
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            Duration computed = policy.delayAfter(attempt, ThreadLocalRandom.current().nextDouble());
            Duration hinted = outcome.isLeft() ? Transience.retryAfter(outcome.getLeft()).orElse(Duration.ZERO) : Duration.ZERO;
            return Math.max(computed.toMillis(), hinted.toMillis());
        };
        this.retry = Retry.of("milink", RetryConfig.custom().maxAttempts(policy.maxAttempts())
                .intervalBiFunction(interval).retryOnException(Transience::isTransient).build());
        // ARM meters writes with a token bucket (a burst, then a steady refill). A window of BURST_SECONDS holding
        // that many seconds' worth of writes lets a fan-out of links start together and still caps the average rate;
        // a 429 that gets through anyway is retried with its Retry-After.
        int rate = Math.max(1, settings.armWritesPerSecond());
        RateLimiterConfig limit = RateLimiterConfig.custom().limitForPeriod(rate * BURST_SECONDS)
                .limitRefreshPeriod(Duration.ofSeconds(BURST_SECONDS)).timeoutDuration(settings.awaitTimeout()).build();
        long origin = System.nanoTime();
        java.time.Instant start = settings.clock().instant();
        // The limiter reads time from the injected clock so that waits it asks for match the injected sleeper.
        Supplier<Long> nanos = () -> origin + Duration.between(start, settings.clock().instant()).toNanos();
        this.armWrites = RateLimiter.of("milink-arm-writes", limit, nanos);
    }

    /**
     * @param step the step the call serves (named in events)
     * @param armWrite whether the call is an ARM write (rate limited)
     * @param action the call
     * @return its result
     */
    <T> T call(Step step, boolean armWrite, Supplier<T> action) {
        Retry.AsyncContext<Object> context = retry.asyncContext();
        for (int attempt = 1; ; attempt++) {
            if (armWrite) {
                awaitPermit(step);
            }
            try {
                T result = action.get();
                context.onComplete();
                return result;
            } catch (RuntimeException e) {
                long delay = context.onError(e);
                if (delay < 0) {
                    throw e;
                }
                Duration wait = Duration.ofMillis(delay);
                events.emit(new LinkEvent.StepRetried(settings.clock().instant(), step, attempt, e.getMessage(), wait));
                sleep(step, wait);
            }
        }
    }

    private void awaitPermit(Step step) {
        long nanos = armWrites.reservePermission();
        if (nanos < 0) {
            throw LinkExecutionException.of(LinkErrorCode.TIMEOUT, step.id(), step.side(),
                    "no ARM write permit within " + settings.awaitTimeout(), "lower the parallelism or raise the ARM write rate", null);
        }
        sleep(step, Duration.ofNanos(nanos));
    }

    void sleep(Step step, Duration duration) {
        try {
            settings.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LinkExecutionException.of(LinkErrorCode.TIMEOUT, step.id(), step.side(),
                    "interrupted while waiting", "run again (or resume) when ready", e);
        }
    }
}
