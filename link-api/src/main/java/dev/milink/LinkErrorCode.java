package dev.milink;

/**
 * Why a link operation failed. Every {@link LinkException} carries one, so callers can branch on the
 * kind of failure without parsing messages.
 */
public enum LinkErrorCode {
    /** A name, URL or option given to the builder breaks a rule of SQL Server or Azure Resource Manager. */
    INVALID_INPUT,
    /** The requested operation is not supported for this combination of versions and options. */
    UNSUPPORTED,
    /** A preflight check failed: the environment is not ready for the link. */
    PREFLIGHT_FAILED,
    /** A statement failed on SQL Server (or on the Managed Instance's SQL endpoint). */
    SQL_ERROR,
    /** Azure Resource Manager answered with an error. */
    ARM_ERROR,
    /** A side could not be reached. */
    UNREACHABLE,
    /** A safety gate refused the operation (failover gates, data-loss acknowledgement, drop guard). */
    GATE_REFUSED,
    /** A wait ran out of time. */
    TIMEOUT,
    /** The journal is locked by another runner, or belongs to another plan. */
    JOURNAL_CONFLICT,
    /**
     * The journal file is damaged (a checksum does not match, a line is unknown, or it was cut short): nothing was
     * changed; inspect it, then discard it to start from the live state.
     */
    JOURNAL_CORRUPT,
    /** The journal or its lock could not be read or written (read-only directory, full disk, not a directory, a link). */
    JOURNAL_IO,
    /** The observed state contradicts what the plan expects and cannot be converged automatically. */
    STATE_CONFLICT,
    /** An unexpected internal failure. */
    INTERNAL
}
