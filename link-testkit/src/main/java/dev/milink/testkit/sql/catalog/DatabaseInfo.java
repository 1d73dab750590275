package dev.milink.testkit.sql.catalog;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A database of the simulated server as {@code sys.databases} and {@code sys.master_files} see it.
 *
 * @param databaseId the database id (1-4 are the system databases)
 * @param name the name
 * @param recoveryModel FULL, SIMPLE or BULK_LOGGED
 * @param state ONLINE, RESTORING, ...
 * @param collation the collation name
 * @param encrypted whether TDE is on
 * @param brokerEnabled whether Service Broker is on
 * @param logFiles number of log files
 * @param sizeBytes the data size in bytes (seeding size)
 * @param endOfLogLsn the newest log record, advanced by every write
 * @param lastCommitTime when the last write committed, null before any
 */
public record DatabaseInfo(int databaseId, String name, String recoveryModel, String state, String collation,
        boolean encrypted, boolean brokerEnabled, int logFiles, long sizeBytes, BigDecimal endOfLogLsn,
        LocalDateTime lastCommitTime) {

    /** The first LSN a fresh database starts with (VLF 37, block 128, slot 1). */
    public static final BigDecimal INITIAL_LSN = new BigDecimal("37000000012800001");

    /**
     * @param model FULL, SIMPLE or BULK_LOGGED
     * @return a copy with another recovery model
     */
    public DatabaseInfo withRecoveryModel(String model) {
        return new DatabaseInfo(databaseId, name, model, state, collation, encrypted, brokerEnabled, logFiles,
                sizeBytes, endOfLogLsn, lastCommitTime);
    }

    /**
     * @param newState the new {@code state_desc}
     * @return a copy with another state ({@code ONLINE}, {@code RESTORING}, ...)
     */
    public DatabaseInfo withState(String newState) {
        return new DatabaseInfo(databaseId, name, recoveryModel, newState, collation, encrypted, brokerEnabled,
                logFiles, sizeBytes, endOfLogLsn, lastCommitTime);
    }

    /**
     * @param lsn the new end-of-log LSN
     * @param when commit time of the write (UTC)
     * @return a copy whose log advanced to {@code lsn} at {@code when}
     */
    public DatabaseInfo withCommit(BigDecimal lsn, LocalDateTime when) {
        return new DatabaseInfo(databaseId, name, recoveryModel, state, collation, encrypted, brokerEnabled,
                logFiles, sizeBytes, lsn, when);
    }

    /**
     * @param enabled whether Service Broker is on
     * @return a copy with Service Broker switched
     */
    public DatabaseInfo withBroker(boolean enabled) {
        return new DatabaseInfo(databaseId, name, recoveryModel, state, collation, encrypted, enabled, logFiles,
                sizeBytes, endOfLogLsn, lastCommitTime);
    }

    /**
     * @param bytes the new data size in bytes
     * @return a copy with another size
     */
    public DatabaseInfo withSizeBytes(long bytes) {
        return new DatabaseInfo(databaseId, name, recoveryModel, state, collation, encrypted, brokerEnabled,
                logFiles, bytes, endOfLogLsn, lastCommitTime);
    }

    /** @return a synthetic group_database_id stable for this database */
    public UUID stableId() {
        return UUID.nameUUIDFromBytes(("db:" + name.toLowerCase(java.util.Locale.ROOT)).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
