package dev.milink;

/** What a plan does. */
public enum PlanKind {
    /** Creates links. */
    CREATE,
    /** Removes links. */
    DROP,
    /** Planned failover (no data loss). */
    PLANNED_FAILOVER,
    /** Forced failover (data loss acknowledged). */
    FORCED_FAILOVER,
    /** Repairs a split brain by demoting one side. */
    SPLIT_BRAIN_REPAIR,
    /** Replaces SQL Server's endpoint certificate. */
    CERTIFICATE_ROTATION,
    /** Undoes what a run of another plan created, as its journal records it (derived by the runner, never planned). */
    ROLLBACK
}
