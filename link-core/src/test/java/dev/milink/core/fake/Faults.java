package dev.milink.core.fake;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.step.Side;
import dev.milink.step.StepId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Fault injection for the fake ports. A point is a call name ({@code observe}, {@code instance}, ...) or
 * {@code apply:<step id>:before} / {@code apply:<step id>:after} (after the effect, before returning).
 */
public final class Faults {

    private record Rule(String point, int[] remaining, Supplier<RuntimeException> error, boolean kill) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private Random random;
    private double transientRate;

    /** Fails the point n times with the error. */
    public synchronized Faults fail(String point, int times, Supplier<RuntimeException> error) {
        rules.add(new Rule(point, new int[] {times}, error, false));
        return this;
    }

    /** Kills the "process" once at the point. */
    public synchronized Faults kill(String point) {
        rules.add(new Rule(point, new int[] {1}, null, true));
        return this;
    }

    /** Fails a fraction of all calls (before their effect) with transient errors, deterministically. */
    public synchronized Faults transientRate(double rate, long seed) {
        this.transientRate = rate;
        this.random = new Random(seed);
        return this;
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
        transientRate = 0;
    }

    synchronized void hit(String point, boolean beforeEffect) {
        for (Rule rule : rules) {
            if (rule.point.equals(point) && rule.remaining[0] > 0) {
                rule.remaining[0]--;
                if (rule.kill) {
                    throw new Kill(point);
                }
                throw rule.error.get();
            }
        }
        if (beforeEffect && transientRate > 0 && random.nextDouble() < transientRate) {
            throw transientFor(point);
        }
    }

    private static RuntimeException transientFor(String point) {
        if (point.startsWith("apply:mi.")) {
            return LinkExecutionException.armFailure(LinkErrorCode.ARM_ERROR, new StepId(point.split(":")[1]), Side.MANAGED_INSTANCE, "TooManyRequests", "throttled", "wait", null, java.time.Duration.ofSeconds(2));
        }
        if (point.startsWith("apply:")) {
            return LinkExecutionException.sqlFailure(LinkErrorCode.SQL_ERROR, new StepId(point.split(":")[1]), Side.SQL_SERVER,
                    40613, "database unavailable", "retry", null);
        }
        return new LinkException(LinkErrorCode.UNREACHABLE, "connection reset during " + point, "retry");
    }

    /** @return a permanent SQL error for a step */
    public static Supplier<RuntimeException> permanent(String stepId) {
        return () -> LinkExecutionException.sqlFailure(LinkErrorCode.SQL_ERROR, new StepId(stepId), Side.SQL_SERVER, 15151,
                "Cannot find the object, because it does not exist or you do not have permission.", "grant the permission", null);
    }

    /** @return a transient SQL error (deadlock victim) */
    public static Supplier<RuntimeException> deadlock(String stepId) {
        return () -> LinkExecutionException.sqlFailure(LinkErrorCode.SQL_ERROR, new StepId(stepId), Side.SQL_SERVER, 1205,
                "deadlock victim", "retry", null);
    }
}
