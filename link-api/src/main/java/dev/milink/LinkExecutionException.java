package dev.milink;

import dev.milink.step.Side;
import dev.milink.step.StepId;
import java.time.Duration;
import java.util.Optional;

/**
 * Thrown when a step fails while running. Names the step, the side it ran on, the SQL error number or
 * ARM error code when there is one, and how to fix it. Statement text in the message has secrets masked.
 */
public class LinkExecutionException extends LinkException {

    private static final long serialVersionUID = 1L;

    /** The step that failed. */
    private final StepId step;
    /** Where the step ran. */
    private final Side side;
    /** The SQL Server error number, or null. */
    private final Integer sqlErrorNumber;
    /** The ARM error code, or null. */
    private final String armErrorCode;

    private LinkExecutionException(LinkErrorCode code, StepId step, Side side, Integer sqlErrorNumber,
            String armErrorCode, String message, String fix, Throwable cause, Duration retryAfter) {
        super(code, "Step " + step + " on " + side.displayName() + " failed: " + message, fix, cause, retryAfter);
        this.step = step;
        this.side = side;
        this.sqlErrorNumber = sqlErrorNumber;
        this.armErrorCode = armErrorCode;
    }

    /**
     * A failure with no SQL error number or ARM error code.
     *
     * @param code the kind of failure
     * @param step the step that failed
     * @param side where it ran
     * @param message what went wrong
     * @param fix how to fix it
     * @param cause the underlying exception, or null
     * @return the exception
     */
    public static LinkExecutionException of(LinkErrorCode code, StepId step, Side side, String message, String fix,
            Throwable cause) {
        return new LinkExecutionException(code, step, side, null, null, message, fix, cause, null);
    }

    /**
     * A failure of a step caused by a {@link LinkException}: its code, message and fix, placed at the step.
     *
     * @param step the step that failed
     * @param side where it ran
     * @param cause what went wrong
     * @return the exception
     */
    public static LinkExecutionException of(StepId step, Side side, LinkException cause) {
        return new LinkExecutionException(cause.code(), step, side, null, null, cause.getMessage(), cause.fix(), cause, null);
    }

    /**
     * A failure SQL Server reported with an error number.
     *
     * @param code the kind of failure
     * @param step the step that failed
     * @param side where it ran
     * @param number the SQL Server error number
     * @param message what went wrong
     * @param fix how to fix it
     * @param cause the underlying exception, or null
     * @return the exception
     */
    public static LinkExecutionException sqlFailure(LinkErrorCode code, StepId step, Side side, int number, String message,
            String fix, Throwable cause) {
        return new LinkExecutionException(code, step, side, number, null, message, fix, cause, null);
    }

    /**
     * A failure Azure Resource Manager reported with an error code.
     *
     * @param code the kind of failure
     * @param step the step that failed
     * @param side where it ran
     * @param armErrorCode ARM's error code, or null when its answer carried none
     * @param message what went wrong
     * @param fix how to fix it
     * @param cause the underlying exception, or null
     * @param retryAfter the server's {@code Retry-After} hint, or null
     * @return the exception
     */
    public static LinkExecutionException armFailure(LinkErrorCode code, StepId step, Side side, String armErrorCode,
            String message, String fix, Throwable cause, Duration retryAfter) {
        return new LinkExecutionException(code, step, side, null, armErrorCode, message, fix, cause, retryAfter);
    }

    /** @return the step that failed */
    public StepId step() {
        return step;
    }

    /** @return the side the step ran on */
    public Side side() {
        return side;
    }

    /** @return the SQL Server error number, when the failure came from SQL */
    public Optional<Integer> sqlErrorNumber() {
        return Optional.ofNullable(sqlErrorNumber);
    }

    /** @return the ARM error code, when the failure came from Azure Resource Manager */
    public Optional<String> armErrorCode() {
        return Optional.ofNullable(armErrorCode);
    }
}
