package dev.milink.testkit.sql.catalog;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One row of {@code sys.dm_hadr_database_replica_states} for a remote replica. Local rows are derived from
 * the database itself (its end-of-log LSN), so only remote progress is stored here.
 *
 * @param groupId the AG or DAG id
 * @param replicaId the remote replica id
 * @param databaseName the database
 * @param synchronizationState NOT SYNCHRONIZING, SYNCHRONIZING, SYNCHRONIZED, REVERTING, INITIALIZING
 * @param synchronizationHealth HEALTHY, PARTIALLY_HEALTHY, NOT_HEALTHY
 * @param lastHardenedLsn last hardened LSN, or null
 * @param lastReceivedLsn last received LSN, or null
 * @param lastCommitLsn last commit LSN, or null
 * @param lastCommitTime last commit time, or null
 * @param logSendQueueSize KB not yet sent
 * @param logSendRate KB/s
 * @param redoQueueSize KB not yet redone
 * @param redoRate KB/s
 * @param secondaryLagSeconds lag in seconds
 */
public record DatabaseReplicaInfo(UUID groupId, UUID replicaId, String databaseName, String synchronizationState,
        String synchronizationHealth, BigDecimal lastHardenedLsn, BigDecimal lastReceivedLsn,
        BigDecimal lastCommitLsn, LocalDateTime lastCommitTime, long logSendQueueSize, long logSendRate,
        long redoQueueSize, long redoRate, long secondaryLagSeconds) {

    /**
     * @param groupId the AG or DAG id
     * @param replicaId the remote replica id
     * @param databaseName the database
     * @return a fresh, not yet synchronizing row
     */
    public static DatabaseReplicaInfo initial(UUID groupId, UUID replicaId, String databaseName) {
        return new DatabaseReplicaInfo(groupId, replicaId, databaseName, "NOT SYNCHRONIZING", "NOT_HEALTHY",
                null, null, null, null, 0, 0, 0, 0, 0);
    }

    /**
     * @param state the new synchronization_state_desc
     * @param health the new synchronization_health_desc
     * @return a copy with another synchronization state and health
     */
    public DatabaseReplicaInfo withSync(String state, String health) {
        return new DatabaseReplicaInfo(groupId, replicaId, databaseName, state, health, lastHardenedLsn,
                lastReceivedLsn, lastCommitLsn, lastCommitTime, logSendQueueSize, logSendRate, redoQueueSize,
                redoRate, secondaryLagSeconds);
    }

    /**
     * @param lsn the LSN the remote replica has hardened, received and committed
     * @param commitTime commit time of that LSN, or null
     * @return a copy with other LSNs (hardened = received = commit = {@code lsn})
     */
    public DatabaseReplicaInfo withLsn(BigDecimal lsn, LocalDateTime commitTime) {
        return new DatabaseReplicaInfo(groupId, replicaId, databaseName, synchronizationState,
                synchronizationHealth, lsn, lsn, lsn, commitTime, logSendQueueSize, logSendRate, redoQueueSize,
                redoRate, secondaryLagSeconds);
    }

    /**
     * @param sendQueue KB not yet sent
     * @param sendRate send rate in KB/s
     * @param redoQueue KB not yet redone
     * @param redoRateKb redo rate in KB/s
     * @param lagSeconds secondary lag in seconds
     * @return a copy with other queue figures
     */
    public DatabaseReplicaInfo withQueues(long sendQueue, long sendRate, long redoQueue, long redoRateKb,
            long lagSeconds) {
        return new DatabaseReplicaInfo(groupId, replicaId, databaseName, synchronizationState,
                synchronizationHealth, lastHardenedLsn, lastReceivedLsn, lastCommitLsn, lastCommitTime, sendQueue,
                sendRate, redoQueue, redoRateKb, lagSeconds);
    }
}
