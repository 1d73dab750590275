package dev.milink;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The root of every exception milink throws. Unchecked, like {@code DataAccessException} in Spring or
 * {@code FlywayException}: callers catch it where they can act, and branch on {@link #code()}.
 *
 * <p>Messages say what is wrong and how to fix it; they never contain secrets.
 */
public class LinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kind of failure. */
    private final LinkErrorCode code;
    /** How to fix it; empty when there is no advice. */
    private final String fix;
    /** The server's {@code Retry-After} hint, or null. */
    private final Duration retryAfter;

    /**
     * @param code the kind of failure
     * @param message what is wrong
     * @param fix how to fix it, or an empty string when there is nothing the caller can do
     * @param cause the underlying failure, or null
     */
    public LinkException(LinkErrorCode code, String message, String fix, Throwable cause) {
        this(code, message, fix, cause, null);
    }

    /**
     * @param code the kind of failure
     * @param message what is wrong
     * @param fix how to fix it, or an empty string when there is nothing the caller can do
     * @param cause the underlying failure, or null
     * @param retryAfter how long the server asked callers to wait before retrying ({@code Retry-After}), or null
     */
    public LinkException(LinkErrorCode code, String message, String fix, Throwable cause, Duration retryAfter) {
        super(compose(message, fix), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.fix = fix == null ? "" : fix;
        this.retryAfter = retryAfter;
    }

    /**
     * @param code the kind of failure
     * @param message what is wrong
     * @param fix how to fix it
     */
    public LinkException(LinkErrorCode code, String message, String fix) {
        this(code, message, fix, null);
    }

    private static String compose(String message, String fix) {
        return fix == null || fix.isBlank() ? message : message + " Fix: " + fix;
    }

    /** @return the kind of failure */
    public LinkErrorCode code() {
        return code;
    }

    /** @return how long the server asked to wait before a retry, when it said so */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return how to fix it; empty when there is no advice */
    public String fix() {
        return fix;
    }
}
