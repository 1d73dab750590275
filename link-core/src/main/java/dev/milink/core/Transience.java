package dev.milink.core;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a failure is worth retrying. Adapters mark transient failures with
 * {@link LinkErrorCode#UNREACHABLE}/{@link LinkErrorCode#TIMEOUT}, a SQL error number or an ARM error code;
 * this classifier reads those markers along the whole cause chain.
 */
public final class Transience {

    /** SQL errors that mean "try again": database unavailable, login race, deadlock victim, throttling, failover. */
    static final Set<Integer> TRANSIENT_SQL_ERRORS = Set.of(40613, 4060, 1205, 40197, 40501, 49918, 49919, 49920,
            10928, 10929, 4221);

    /** ARM codes (and HTTP statuses some adapters report as codes) that mean throttling or a server-side hiccup. */
    static final Set<String> TRANSIENT_ARM_CODES = Set.of("toomanyrequests", "internalservererror",
            "serviceunavailable", "operationtimedout", "gatewaytimeout", "badgateway", "managedinstanceisbusy",
            "conflictingserveroperation", "429", "500", "502", "503", "504");


    private Transience() {
    }

    /**
     * @param failure a failure
     * @return whether retrying the same call may succeed
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LinkExecutionException e) {
                if (e.sqlErrorNumber().filter(TRANSIENT_SQL_ERRORS::contains).isPresent()
                        || e.armErrorCode().map(c -> c.toLowerCase(Locale.ROOT)).filter(TRANSIENT_ARM_CODES::contains).isPresent()) {
                    return true;
                }
            }
            if (t instanceof LinkException e && (e.code() == LinkErrorCode.UNREACHABLE || e.code() == LinkErrorCode.TIMEOUT)) {
                return true;
            }
            if (t instanceof IOException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("08S01") || message.toLowerCase(Locale.ROOT).contains("connection reset"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The server's {@code Retry-After} hint, carried by the first {@link LinkException} in the cause chain that has one.
     *
     * @param failure a failure
     * @return the hint, if any
     */
    public static Optional<Duration> retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LinkException e && e.retryAfter().isPresent()) {
                return e.retryAfter();
            }
        }
        return Optional.empty();
    }
}
