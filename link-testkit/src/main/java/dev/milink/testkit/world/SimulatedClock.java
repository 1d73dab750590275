package dev.milink.testkit.world;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A manual, thread-safe {@link Clock} for the simulated world: time only moves when a test calls
 * {@link #advance(Duration)} or {@link #set(Instant)}, so seeding and replication delays take no real time.
 * Clocks obtained with {@link #withZone(ZoneId)} share the same instant.
 */
public final class SimulatedClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private SimulatedClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * @param start the initial instant
     * @return a clock in UTC standing at {@code start}
     */
    public static SimulatedClock at(Instant start) {
        return new SimulatedClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /** @return a clock standing at 2026-01-05T09:00:00Z, a fixed and readable start for tests */
    public static SimulatedClock standard() {
        return at(Instant.parse("2026-01-05T09:00:00Z"));
    }

    /**
     * Moves time forward.
     *
     * @param amount how far; must not be negative (time never goes back)
     * @return the new instant
     */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a simulated clock does not go back: " + amount);
        }
        return now.updateAndGet(t -> t.plus(amount));
    }

    /**
     * Sets the time; it must not be earlier than now.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now.updateAndGet(t -> {
            if (instant.isBefore(t)) {
                throw new IllegalArgumentException("a simulated clock does not go back from " + t + " to " + instant);
            }
            return instant;
        });
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SimulatedClock(now, other);
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + now.get() + ", " + zone + "]";
    }
}
