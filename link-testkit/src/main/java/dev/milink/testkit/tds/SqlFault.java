package dev.milink.testkit.tds;

import dev.milink.testkit.sql.SqlError;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One registered fault of {@link SqlFaults}: what it matches, what it does, and how often it fired.
 * Thread safe: concurrent connections never fire it more than {@link #times()} times.
 */
public final class SqlFault {

    /** What the server does instead of (or before) running the request. */
    public enum Action {
        /** Answer with an error instead of running the statement (or accepting the login). */
        ERROR,
        /** Close the TCP connection without replying; the driver reports SQLState {@code 08S01}. */
        DROP_CONNECTION,
        /** Wait, then run the request normally. */
        DELAY,
        /** Do not answer until the client sends ATTENTION (query timeout or cancel), then acknowledge it. */
        HANG_UNTIL_CANCELLED
    }

    private final Pattern pattern;
    private final boolean login;
    private final int times;
    private final Action action;
    private final SqlError error;
    private final Duration delay;
    private final AtomicInteger fired = new AtomicInteger();

    SqlFault(Pattern pattern, boolean login, int times, Action action, SqlError error, Duration delay) {
        this.pattern = pattern;
        this.login = login;
        this.times = times;
        this.action = action;
        this.error = error;
        this.delay = delay;
    }

    /** @return the statement pattern, or null for a login fault */
    public Pattern pattern() {
        return pattern;
    }

    /** @return true when this fault applies to LOGIN7 rather than statements */
    public boolean onLogin() {
        return login;
    }

    /** @return how many times it may fire in total */
    public int times() {
        return times;
    }

    /** @return what it does */
    public Action action() {
        return action;
    }

    /** @return the error it answers with, for {@link Action#ERROR}; otherwise null */
    public SqlError error() {
        return error;
    }

    /** @return the delay, for {@link Action#DELAY}; otherwise {@link Duration#ZERO} */
    public Duration delay() {
        return delay;
    }

    /** @return how many times it has fired so far */
    public int fired() {
        return fired.get();
    }

    /** @return how many more times it will fire */
    public int remaining() {
        return Math.max(0, times - fired.get());
    }

    boolean matches(String statement) {
        return !login && pattern.matcher(statement).find();
    }

    /** Atomically takes one firing; false once exhausted. */
    boolean tryFire() {
        while (true) {
            int current = fired.get();
            if (current >= times) {
                return false;
            }
            if (fired.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    @Override
    public String toString() {
        return "SqlFault[" + (login ? "login" : pattern.pattern()) + ", " + action + ", fired " + fired.get() + "/"
                + times + "]";
    }
}
