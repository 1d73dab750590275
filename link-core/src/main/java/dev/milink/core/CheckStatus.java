package dev.milink.core;

/** The outcome of one prerequisite check. */
public enum CheckStatus {
    /** The rule holds. */
    PASSED,
    /** An error-severity rule does not hold: the link cannot be created. */
    FAILED,
    /** A recommendation does not hold. */
    WARNING,
    /** The check could not be evaluated from what was read (the observed value says why). */
    NOT_EVALUATED
}
