package dev.milink.core.fake;

import dev.milink.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when the paired sleeper "sleeps". */
public final class FakeClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T12:00:00Z"));
    public final AtomicLong sleptMillis = new AtomicLong();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    /** @return a sleeper that advances this clock instead of sleeping */
    public Sleeper sleeper() {
        return d -> {
            sleptMillis.addAndGet(d.toMillis());
            advance(d);
        };
    }
}
