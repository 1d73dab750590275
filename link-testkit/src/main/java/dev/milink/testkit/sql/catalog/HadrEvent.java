package dev.milink.testkit.sql.catalog;

/**
 * A change a linked world may react to, delivered to {@link HadrListener}s after the statement's lock is
 * released.
 *
 * @param type what happened
 * @param name the object (AG, DAG, database, certificate, endpoint)
 * @param detail extra information (e.g. the new role), may be empty
 */
public record HadrEvent(Type type, String name, String detail) {

    /** Kinds of events. */
    public enum Type {
        /** CREATE AVAILABILITY GROUP (not distributed). */
        AG_CREATED,
        /** DROP AVAILABILITY GROUP of a plain AG. */
        AG_DROPPED,
        /** CREATE AVAILABILITY GROUP ... WITH (DISTRIBUTED). */
        DAG_CREATED,
        /** DROP AVAILABILITY GROUP of a DAG. */
        DAG_DROPPED,
        /** ALTER AVAILABILITY GROUP [dag] MODIFY ... AVAILABILITY_MODE. */
        AVAILABILITY_MODE_CHANGED,
        /** ALTER AVAILABILITY GROUP [dag] FAILOVER accepted (detail = new local role). */
        FAILOVER_REQUESTED,
        /** ALTER AVAILABILITY GROUP [dag] FORCE_FAILOVER_ALLOW_DATA_LOSS accepted. */
        FORCED_FAILOVER_REQUESTED,
        /** ALTER AVAILABILITY GROUP [dag] SET (ROLE = ...) or a Java role change. */
        ROLE_SET,
        /** A certificate was created or imported. */
        CERTIFICATE_CREATED,
        /** A certificate was dropped. */
        CERTIFICATE_DROPPED,
        /** An endpoint was created, altered or dropped. */
        ENDPOINT_CHANGED,
        /** A database backup was taken (detail = type D/I/L). */
        BACKUP_TAKEN,
        /** A log backup was taken while the database was being seeded. */
        LOG_BACKUP_DURING_SEEDING,
        /** A row was written (detail = new end-of-log LSN). */
        DATA_WRITTEN
    }
}
