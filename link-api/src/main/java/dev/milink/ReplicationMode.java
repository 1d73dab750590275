package dev.milink;

/** The link's commit mode. */
public enum ReplicationMode {
    /** Asynchronous commit: the default, and what the link returns to after a failover. */
    ASYNC("Async", "ASYNCHRONOUS_COMMIT"),
    /** Synchronous commit: used while preparing a planned failover. */
    SYNC("Sync", "SYNCHRONOUS_COMMIT");

    private final String arm;
    private final String tsql;

    ReplicationMode(String arm, String tsql) {
        this.arm = arm;
        this.tsql = tsql;
    }

    /** @return the ARM value */
    public String armValue() {
        return arm;
    }

    /** @return the T-SQL {@code AVAILABILITY_MODE} keyword */
    public String tsqlKeyword() {
        return tsql;
    }
}
