package dev.milink.cli;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;

/**
 * The exit codes of {@code milink}. They are stable: scripts and pipelines branch on them.
 */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** A step failed while running (SQL error, ARM error, unreachable side, timeout, journal conflict). */
    public static final int EXECUTION_FAILED = 1;
    /** Bad usage: a missing or invalid option, an unsupported combination of options (picocli's default). */
    public static final int USAGE = 2;
    /** A preflight check failed: the environment is not ready for the link; nothing was changed. */
    public static final int PREFLIGHT_FAILED = 3;
    /** A safety gate refused the operation (data-loss acknowledgement, failover gates, drop guard). */
    public static final int REFUSED = 4;
    /** An unexpected internal error; rerun with --verbose and report it. */
    public static final int INTERNAL = 5;
    /** The journal is damaged ({@code JOURNAL_CORRUPT}); nothing was changed: inspect it, then --discard-journal. */
    public static final int JOURNAL_CORRUPT = 6;
    /** The journal or its lock cannot be read or written ({@code JOURNAL_IO}): read-only or full disk, not a directory. */
    public static final int JOURNAL_IO = 7;

    /** The lines shown under "Exit codes" in {@code --help}. */
    static final String[] HELP = {
        "0:Success.",
        "1:Execution failure (a step failed; the message names it and the fix).",
        "2:Bad usage (missing or invalid option).",
        "3:Preflight failure (environment not ready; nothing changed).",
        "4:Refused by a safety gate (for example forced failover without --allow-data-loss).",
        "5:Unexpected internal error (rerun with --verbose).",
        "6:Damaged journal (nothing changed; inspect it, then --discard-journal).",
        "7:Journal I/O failure (read-only or full disk, not a directory; the message names the path).",
    };

    private ExitCodes() {
    }

    /**
     * @param error a failure
     * @return the exit code that reports it
     */
    public static int of(Throwable error) {
        if (error instanceof NotAvailableException) {
            return EXECUTION_FAILED;
        }
        if (error instanceof LinkException link) {
            return of(link.code());
        }
        return INTERNAL;
    }

    /**
     * @param code an error code
     * @return the exit code that reports it
     */
    public static int of(LinkErrorCode code) {
        switch (code) {
            case INVALID_INPUT:
            case UNSUPPORTED:
                return USAGE;
            case PREFLIGHT_FAILED:
                return PREFLIGHT_FAILED;
            case GATE_REFUSED:
                return REFUSED;
            case INTERNAL:
                return INTERNAL;
            case JOURNAL_CORRUPT:
                return JOURNAL_CORRUPT;
            case JOURNAL_IO:
                return JOURNAL_IO;
            default:
                return EXECUTION_FAILED;
        }
    }
}
