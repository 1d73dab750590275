package dev.milink.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How transient failures are retried: exponential backoff with jitter, capped, a bounded number of attempts.
 * A {@code Retry-After} hint carried by the failure replaces the computed delay when it is longer.
 *
 * @param maxAttempts total attempts including the first (1 = no retry)
 * @param initialDelay the delay before the second attempt
 * @param multiplier the growth factor per attempt
 * @param maxDelay the cap on one delay
 * @param jitter the random spread, 0 (none) to 1 (plus or minus 100 %)
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {

    /**
     * Checks the components.
     *
     * @param maxAttempts total attempts including the first (1 = no retry)
     * @param initialDelay the delay before the second attempt
     * @param multiplier the growth factor per attempt
     * @param maxDelay the cap on one delay
     * @param jitter the random spread, 0 (none) to 1 (plus or minus 100 %)
     */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (multiplier < 1.0 || jitter < 0.0 || jitter > 1.0 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need multiplier >= 1, 0 <= jitter <= 1, 0 <= initialDelay <= maxDelay");
        }
    }

    /** @return 6 attempts, 1 s doubling to at most 60 s, 20 % jitter */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0.2);
    }

    /** @return no retries */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0);
    }

    /**
     * @param attempts total attempts
     * @return a copy with another attempt count
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialDelay, multiplier, maxDelay, jitter);
    }

    /**
     * @param attempt the failed attempt, from 1
     * @param random a value in [0, 1) used for the jitter
     * @return the delay before the next attempt, without jitter beyond the cap
     */
    public Duration delayAfter(int attempt, double random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double spread = base * jitter * (2 * random - 1);
        long millis = (long) Math.min(maxDelay.toMillis(), Math.max(0, base + spread));
        return Duration.ofMillis(millis);
    }
}
