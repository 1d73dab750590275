package dev.milink;

import dev.milink.step.Side;
import dev.milink.step.StepId;
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

    /**
     * @param code the kind of failure
     * @param step the step that failed
     * @param side where it ran
     * @param sqlErrorNumber the SQL Server error number, or null
     * @param armErrorCode the ARM error code, or null
     * @param message what went wrong
     * @param fix how to fix it
     * @param cause the underlying exception, or null
     */
    public LinkExecutionException(LinkErrorCode code, StepId step, Side side, Integer sqlErrorNumber,
            String armErrorCode, String message, String fix, Throwable cause) {
        this(code, step, side, sqlErrorNumber, armErrorCode, message, fix, cause, null);
    }

    /**
     * @param code the kind of failure
     * @param step the step that failed
     * @param side where it ran
     * @param sqlErrorNumber the SQL Server error number, or null
     * @param armErrorCode the ARM error code, or null
     * @param message what went wrong
     * @param fix how to fix it
     * @param cause the underlying exception, or null
     * @param retryAfter the server's {@code Retry-After} hint, or null
     */
    public LinkExecutionException(LinkErrorCode code, StepId step, Side side, Integer sqlErrorNumber,
            String armErrorCode, String message, String fix, Throwable cause, java.time.Duration retryAfter) {
        super(code, "Step " + step + " on " + side.displayName() + " failed: " + message, fix, cause, retryAfter);
        this.step = step;
        this.side = side;
        this.sqlErrorNumber = sqlErrorNumber;
        this.armErrorCode = armErrorCode;
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
