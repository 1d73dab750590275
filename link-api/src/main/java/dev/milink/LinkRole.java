package dev.milink;

/** A side's role in the link. */
public enum LinkRole {
    /** Accepts writes; replicates to the other side. */
    PRIMARY,
    /** Read-only copy receiving the log. */
    SECONDARY
}
