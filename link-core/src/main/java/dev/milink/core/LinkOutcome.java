package dev.milink.core;

import dev.milink.DatabaseName;
import dev.milink.LinkException;
import java.util.Objects;
import java.util.Optional;

/**
 * How one link (database) fared in a run.
 *
 * @param database the database
 * @param status the outcome
 * @param error why it failed or was skipped
 */
public record LinkOutcome(DatabaseName database, Status status, Optional<LinkException> error) {

    /**
     * Checks the components.
     *
     * @param database the database
     * @param status the outcome
     * @param error why it failed or was skipped
     */
    public LinkOutcome {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
    }

    /** A link's outcome. */
    public enum Status {
        /** Every step of the link is done. */
        SUCCEEDED,
        /** A step of the link failed. */
        FAILED,
        /** Not attempted, because a shared step or a server-level check failed. */
        SKIPPED
    }
}
