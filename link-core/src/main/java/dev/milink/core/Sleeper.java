package dev.milink.core;

import java.time.Duration;

/**
 * Waits for a while. Injected so that tests never really sleep: a test sleeper advances a fake clock instead.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** @return a sleeper that really sleeps ({@link Thread#sleep}) */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
