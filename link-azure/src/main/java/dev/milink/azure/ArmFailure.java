package dev.milink.azure;

import dev.milink.LinkErrorCode;
import java.time.Duration;

/**
 * An ARM failure seen by this module's own requests (the typed SDK clients raise {@code ManagementException}
 * instead); {@link ArmErrorMapping} turns both into milink exceptions.
 */
final class ArmFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final LinkErrorCode kind;
    private final Duration retryAfter;
    private final String requestIds;

    /**
     * @param status HTTP status, 0 when there was none (a failed long-running operation, a bad body)
     * @param code the ARM error code, or null
     * @param message ARM's message
     * @param cause the cause, or null
     */
    ArmFailure(int status, String code, String message, Throwable cause) {
        this(LinkErrorCode.ARM_ERROR, status, code, message, cause);
    }

    ArmFailure(LinkErrorCode kind, int status, String code, String message, Throwable cause) {
        this(kind, status, code, message, cause, null, "");
    }

    private ArmFailure(LinkErrorCode kind, int status, String code, String message, Throwable cause, Duration retryAfter,
            String requestIds) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.requestIds = requestIds == null ? "" : requestIds;
    }

    /** @return the same failure carrying the server's {@code Retry-After} hint (null for none) */
    ArmFailure withRetryAfter(Duration hint) {
        return new ArmFailure(kind, status, code, getMessage(), getCause(), hint, requestIds);
    }

    /**
     * @param suffix ARM's request ids as a message suffix, from {@link ArmRest#requestIds}
     * @return the same failure carrying them
     */
    ArmFailure withRequestIds(String suffix) {
        return new ArmFailure(kind, status, code, getMessage(), getCause(), retryAfter, suffix);
    }

    /** @return ARM's request ids as a message suffix, empty when the answer had none */
    String requestIds() {
        return requestIds;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** @return a failure for a long-running operation that did not finish in time */
    static ArmFailure timeout(String what, Duration limit) {
        return new ArmFailure(LinkErrorCode.TIMEOUT, 0, null, what + " did not finish within " + limit, null);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    LinkErrorCode kind() {
        return kind;
    }
}
