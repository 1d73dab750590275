package dev.milink;

/** The link's commit mode. */
public enum ReplicationMode {
    /** Asynchronous commit: the default, and what the link returns to after a failover. */
    ASYNC,
    /** Synchronous commit: used while preparing a planned failover. */
    SYNC
}
