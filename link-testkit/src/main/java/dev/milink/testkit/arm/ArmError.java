package dev.milink.testkit.arm;

/**
 * An ARM error as the simulated Azure Resource Manager returns it: an HTTP status plus the
 * {@code {"error":{"code":..,"message":..}}} body. Thrown by the simulator's handlers and by a
 * {@link DagLifecycle} to refuse an operation.
 *
 * <p>A <em>synchronous</em> error (the default) is the response to the request itself. An
 * {@linkplain #asynchronous(String, String) asynchronous} error lets the request be accepted and makes its
 * long-running operation end {@code Failed}, the way ARM reports failures found after validation.
 */
public class ArmError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** HTTP status of the error response. */
    private final int status;
    /** ARM error code, for example {@code RemoteDatabaseExists}. */
    private final String code;
    /** Whether the error ends a long-running operation instead of answering the request. */
    private final boolean async;
    /** {@code Retry-After} to send with the error, or {@code null} for none. */
    private final Integer retryAfterSeconds;

    /**
     * A synchronous error.
     *
     * @param status HTTP status, for example 409
     * @param code ARM error code, for example {@code RemoteDatabaseExists}
     * @param message human-readable message
     */
    public ArmError(int status, String code, String message) {
        this(status, code, message, false, null);
    }

    private ArmError(int status, String code, String message, boolean async, Integer retryAfterSeconds) {
        super(code + ": " + message);
        this.status = status;
        this.code = code;
        this.async = async;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * An error that fails the long-running operation instead of the request.
     *
     * @param code ARM error code reported in the operation status
     * @param message message reported in the operation status
     * @return the error
     */
    public static ArmError asynchronous(String code, String message) {
        return new ArmError(400, code, message, true, null);
    }

    /**
     * @param seconds value of the {@code Retry-After} header to send with this error
     * @return a copy carrying the header
     */
    public ArmError withRetryAfter(int seconds) {
        return new ArmError(status, code, errorMessage(), async, seconds);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the ARM error code */
    public String code() {
        return code;
    }

    /** @return the message without the code prefix */
    public String errorMessage() {
        return getMessage().substring(code.length() + 2);
    }

    /** @return true if this error fails the long-running operation rather than the request */
    public boolean isAsynchronous() {
        return async;
    }

    /** @return the {@code Retry-After} seconds to send, or {@code null} for none */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
