package dev.milink.testkit.arm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Fault injection for the simulated ARM. A rule matches on HTTP method and a regular expression searched in
 * the request path (case-insensitive), fires a limited number of times (default once) and then stays inert.
 * Rules are tried in the order they were added; the first live match fires.
 *
 * <pre>{@code
 * sim.faults().on("PUT", "/distributedAvailabilityGroups/").respond(409, "ConflictingServerOperation", "busy");
 * sim.faults().on("GET", "/managedInstances/[^/]+$").times(2).respond(429, "TooManyRequests", "slow down").retryAfter(0);
 * sim.faults().on("POST", "/failover$").lroFailed("OperationTimedOut", "timed out");
 * sim.faults().on("*", ".*").dropConnection();
 * }</pre>
 */
public final class ArmFaults {

    /** What a rule does. */
    public enum Kind {
        /** Answer with a status and ARM error body instead of handling the request. */
        RESPOND,
        /** Accept the write but make its long-running operation end {@code Failed}. */
        LRO_FAILED,
        /** Accept the write but make its long-running operation end {@code Canceled}. */
        LRO_CANCELED,
        /** Close the connection without an answer (in memory: the client gets an {@link java.io.IOException}). */
        DROP_CONNECTION,
        /** Handle the request normally but answer late. */
        DELAY
    }

    static final Set<Kind> BEFORE_ROUTING = EnumSet.of(Kind.RESPOND, Kind.DROP_CONNECTION, Kind.DELAY);
    static final Set<Kind> ON_LRO_START = EnumSet.of(Kind.LRO_FAILED, Kind.LRO_CANCELED);

    private final ReentrantLock lock;
    private final List<Rule> rules = new ArrayList<>();
    private int fired;

    ArmFaults(ReentrantLock lock) {
        this.lock = lock;
    }

    /**
     * Starts a rule; it does nothing until one of its action methods is called.
     *
     * @param method HTTP method, or {@code *} for any
     * @param pathRegex regular expression searched (not fully matched) in the path, case-insensitive
     * @return the rule
     */
    public Rule on(String method, String pathRegex) {
        Rule rule = new Rule(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE));
        lock.lock();
        try {
            rules.add(rule);
        } finally {
            lock.unlock();
        }
        return rule;
    }

    /** @return how many times any rule fired */
    public int fired() {
        lock.lock();
        try {
            return fired;
        } finally {
            lock.unlock();
        }
    }

    /** Removes every rule and resets the counter. */
    public void clear() {
        lock.lock();
        try {
            rules.clear();
            fired = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the first live rule of one of the kinds for the request, counting it as fired; null if none. */
    Rule take(ArmRequest request, Set<Kind> kinds) {
        for (Rule rule : rules) {
            if (rule.kind != null && kinds.contains(rule.kind) && rule.remaining > 0
                    && ("*".equals(rule.method) || rule.method.equals(request.method()))
                    && rule.pathRegex.matcher(request.path()).find()) {
                rule.remaining--;
                rule.fired++;
                fired++;
                return rule;
            }
        }
        return null;
    }

    /** One fault rule. Its methods configure it fluently and are safe to call from the test thread. */
    public final class Rule {
        private final String method;
        private final Pattern pathRegex;
        private Kind kind;
        private int remaining = 1;
        private int fired;
        private int status;
        private String code;
        private String message;
        private Integer retryAfterSeconds;
        private Duration delay = Duration.ZERO;

        private Rule(String method, Pattern pathRegex) {
            this.method = method;
            this.pathRegex = pathRegex;
        }

        private Rule set(Runnable change) {
            lock.lock();
            try {
                change.run();
                return this;
            } finally {
                lock.unlock();
            }
        }

        /**
         * @param count how many matching requests the rule affects
         * @return this
         */
        public Rule times(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("times must be at least 1, but was " + count);
            }
            return set(() -> remaining = count);
        }

        /**
         * Answer with {@code status} and {@code {"error":{"code":code,"message":message}}}.
         *
         * @param status HTTP status to answer with, for example 409
         * @param code ARM error code, for example {@code Conflict}
         * @param message error message; may be {@code null}
         * @return this
         */
        public Rule respond(int status, String code, String message) {
            return set(() -> {
                this.kind = Kind.RESPOND;
                this.status = status;
                this.code = Objects.requireNonNull(code, "code");
                this.message = message;
            });
        }

        /**
         * @param seconds {@code Retry-After} to send with a {@link #respond} fault
         * @return this
         */
        public Rule retryAfter(int seconds) {
            return set(() -> retryAfterSeconds = seconds);
        }

        /**
         * Make the write's long-running operation end {@code Failed} with this error.
         *
         * @param code ARM error code the operation reports
         * @param message error message; may be {@code null}
         * @return this
         */
        public Rule lroFailed(String code, String message) {
            return set(() -> {
                this.kind = Kind.LRO_FAILED;
                this.status = 400;
                this.code = Objects.requireNonNull(code, "code");
                this.message = message;
            });
        }

        /**
         * Make the write's long-running operation end {@code Canceled}.
         *
         * @return this
         */
        public Rule lroCanceled() {
            return set(() -> kind = Kind.LRO_CANCELED);
        }

        /**
         * Break the connection without an answer.
         *
         * @return this
         */
        public Rule dropConnection() {
            return set(() -> kind = Kind.DROP_CONNECTION);
        }

        /**
         * Answer normally, but only after {@code delay}.
         *
         * @param value how long to wait before answering
         * @return this
         */
        public Rule delay(Duration value) {
            return set(() -> {
                kind = Kind.DELAY;
                delay = Objects.requireNonNull(value, "delay");
            });
        }

        /** @return how many times this rule fired */
        public int fired() {
            lock.lock();
            try {
                return fired;
            } finally {
                lock.unlock();
            }
        }

        Kind kind() {
            return kind;
        }

        Duration delayValue() {
            return delay;
        }

        ArmError error() {
            ArmError error = kind == Kind.LRO_FAILED ? ArmError.asynchronous(code, message) : new ArmError(status, code, message);
            return retryAfterSeconds == null ? error : error.withRetryAfter(retryAfterSeconds);
        }
    }
}
