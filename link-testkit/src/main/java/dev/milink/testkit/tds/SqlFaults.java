package dev.milink.testkit.tds;

import dev.milink.testkit.sql.SqlError;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Fault injection for a {@link TdsServer}: match statements by a regular expression (searched anywhere in
 * the statement text, so use {@code (?i)} for case-insensitive matching) or match logins, and make the
 * server fail, delay, drop the connection or hang. Faults fire in registration order; the first matching
 * fault that still has firings left wins. Thread safe.
 *
 * <pre>{@code
 * server.faults().onStatement("(?i)CREATE AVAILABILITY GROUP").times(1).error(1475, 16, 1, "...");
 * server.faults().onLogin().error(18456, 14, 1, "Login failed for user 'sa'.");
 * }</pre>
 */
public final class SqlFaults {

    private final List<SqlFault> faults = new CopyOnWriteArrayList<>();

    /**
     * Starts a fault on statements whose text matches.
     *
     * @param regex a {@link Pattern} searched in the statement text (SQL_BATCH text or the RPC statement)
     * @return a builder; the fault is registered by its terminal method
     */
    public Builder onStatement(String regex) {
        return new Builder(Pattern.compile(Objects.requireNonNull(regex, "regex")), false);
    }

    /** @return a builder for a fault on LOGIN7 (error, delay or dropped connection) */
    public Builder onLogin() {
        return new Builder(null, true);
    }

    /** Removes every fault. */
    public void clear() {
        faults.clear();
    }

    /** @return all registered faults, in registration order, with their firing counts */
    public List<SqlFault> all() {
        return List.copyOf(faults);
    }

    /** @return the total number of times any registered fault fired */
    public int firedCount() {
        return faults.stream().mapToInt(SqlFault::fired).sum();
    }

    SqlFault claimStatement(String statement) {
        for (SqlFault fault : faults) {
            if (fault.matches(statement) && fault.tryFire()) {
                return fault;
            }
        }
        return null;
    }

    SqlFault claimLogin() {
        for (SqlFault fault : faults) {
            if (fault.onLogin() && fault.tryFire()) {
                return fault;
            }
        }
        return null;
    }

    /** Configures one fault; call {@link #times(int)} first, then one terminal method. */
    public final class Builder {

        private final Pattern pattern;
        private final boolean login;
        private int times = 1;

        private Builder(Pattern pattern, boolean login) {
            this.pattern = pattern;
            this.login = login;
        }

        /**
         * @param count how many times the fault fires (default 1)
         * @return this builder
         */
        public Builder times(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("times must be at least 1: " + count);
            }
            this.times = count;
            return this;
        }

        /** @return this builder, firing on every match until cleared */
        public Builder always() {
            this.times = Integer.MAX_VALUE;
            return this;
        }

        /**
         * Answers with an error instead of running. Note the argument order, chosen to read like
         * {@code RAISERROR(msg, severity, state)}: number, <b>severity</b>, <b>state</b>, message.
         *
         * @param number the error number, for example 1475 or 18456
         * @param severity the severity (class); 20 or more also closes the connection
         * @param state the state
         * @param message the message text
         * @return the registered fault
         */
        public SqlFault error(int number, int severity, int state, String message) {
            return register(SqlFault.Action.ERROR, new SqlError(number, state, severity, message), Duration.ZERO);
        }

        /**
         * Answers with the given error instead of running.
         *
         * @param error the error to send
         * @return the registered fault
         */
        public SqlFault error(SqlError error) {
            return register(SqlFault.Action.ERROR, Objects.requireNonNull(error, "error"), Duration.ZERO);
        }

        /** @return the registered fault that closes the connection without a reply */
        public SqlFault dropConnection() {
            return register(SqlFault.Action.DROP_CONNECTION, null, Duration.ZERO);
        }

        /**
         * @param delay how long to wait before running normally
         * @return the registered fault
         */
        public SqlFault delay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay " + delay);
            }
            return register(SqlFault.Action.DELAY, null, delay);
        }

        /**
         * Hangs until the client cancels. For a login fault the server stops answering and waits for the
         * client to give up and close the connection.
         *
         * @return the registered fault
         */
        public SqlFault hangUntilCancelled() {
            return register(SqlFault.Action.HANG_UNTIL_CANCELLED, null, Duration.ZERO);
        }

        private SqlFault register(SqlFault.Action action, SqlError error, Duration delay) {
            SqlFault fault = new SqlFault(pattern, login, times, action, error, delay);
            faults.add(fault);
            return fault;
        }
    }
}
