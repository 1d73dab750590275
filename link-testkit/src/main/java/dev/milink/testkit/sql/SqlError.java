package dev.milink.testkit.sql;

/**
 * An error as SQL Server reports it: number, state, severity (class) and message. Thrown by engines
 * to refuse a login; returned inside results as {@link SqlResult.Error} for statement errors.
 */
public final class SqlError extends Exception {

    private static final long serialVersionUID = 1L;

    /** The error number, for example 18456. */
    private final int number;
    /** The error state. */
    private final int state;
    /** The severity (class); 20 and above closes the connection. */
    private final int severity;

    /**
     * @param number the SQL Server error number, for example 18456
     * @param state the error state
     * @param severity the severity (class), 11-16 for user errors, 20+ closes the connection
     * @param message the message text
     */
    public SqlError(int number, int state, int severity, String message) {
        super(message);
        this.number = number;
        this.state = state;
        this.severity = severity;
    }

    /** @return the SQL Server error number */
    public int number() {
        return number;
    }

    /** @return the error state */
    public int state() {
        return state;
    }

    /** @return the severity (class) */
    public int severity() {
        return severity;
    }

    /** @return the same error as a result item */
    public SqlResult.Error toResult() {
        return new SqlResult.Error(number, state, severity, getMessage());
    }
}
