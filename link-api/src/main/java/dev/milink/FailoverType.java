package dev.milink;

/** How a failover is made. */
public enum FailoverType {
    /** No data loss: the secondary has every hardened log record. */
    PLANNED,
    /** Disaster recovery: the secondary becomes primary now, losing what it had not received. */
    FORCED_ALLOW_DATA_LOSS
}
