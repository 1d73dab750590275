package dev.milink.state;

import java.math.BigInteger;
import java.util.Optional;

/**
 * One database's replication state on one replica ({@code sys.dm_hadr_database_replica_states}).
 *
 * @param database the database name
 * @param synchronizationState for example {@code SYNCHRONIZING}, {@code SYNCHRONIZED}, {@code NOT SYNCHRONIZING}
 * @param synchronizationHealth {@code HEALTHY}, {@code PARTIALLY_HEALTHY}, {@code NOT_HEALTHY}
 * @param lastHardenedLsn the last hardened LSN
 * @param endOfLogLsn the end of the log
 * @param logSendQueueKb the log send queue
 * @param redoQueueKb the redo queue
 * @param secondaryLagSeconds the lag, when reported
 */
public record DatabaseReplicaState(String database, String synchronizationState, String synchronizationHealth,
        BigInteger lastHardenedLsn, BigInteger endOfLogLsn, long logSendQueueKb, long redoQueueKb,
        Optional<Long> secondaryLagSeconds) {
}
