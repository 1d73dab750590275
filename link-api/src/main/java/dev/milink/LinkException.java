package dev.milink;

import java.util.Objects;

/**
 * The root of every exception milink throws. Unchecked, like {@code DataAccessException} in Spring or
 * {@code FlywayException}: callers catch it where they can act, and branch on {@link #code()}.
 *
 * <p>Messages say what is wrong and how to fix it; they never contain secrets.
 */
public class LinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LinkErrorCode code;
    private final String fix;

    /**
     * @param code the kind of failure
     * @param message what is wrong
     * @param fix how to fix it, or an empty string when there is nothing the caller can do
     * @param cause the underlying failure, or null
     */
    public LinkException(LinkErrorCode code, String message, String fix, Throwable cause) {
        super(compose(message, fix), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.fix = fix == null ? "" : fix;
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

    /** @return how to fix it; empty when there is no advice */
    public String fix() {
        return fix;
    }
}
