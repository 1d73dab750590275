package dev.milink.testkit.sql.catalog;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * An automatic seeding operation ({@code sys.dm_hadr_automatic_seeding}; while {@code SEEDING} also a row of
 * {@code sys.dm_hadr_physical_seeding_stats}).
 *
 * @param operationId the operation id
 * @param groupId the AG or DAG id
 * @param groupDatabaseId the AG database id
 * @param remoteReplicaId the remote replica id
 * @param databaseName the database
 * @param source whether this server sends
 * @param currentState SEEDING, COMPLETED, FAILED, ...
 * @param databaseSizeBytes total bytes
 * @param transferredBytes bytes sent so far
 * @param transferRateBytesPerSecond current rate
 * @param failureState failure_state or null
 * @param failureStateDesc failure_state_desc or null
 * @param errorCode error_code or null
 * @param attempts number_of_attempts
 * @param startTime start (UTC)
 * @param completionTime completion (UTC) or null
 * @param compression whether TF 9567 was on when it started
 */
public record SeedingInfo(UUID operationId, UUID groupId, UUID groupDatabaseId, UUID remoteReplicaId,
        String databaseName, boolean source, String currentState, long databaseSizeBytes, long transferredBytes,
        long transferRateBytesPerSecond, Integer failureState, String failureStateDesc, Integer errorCode,
        int attempts, LocalDateTime startTime, LocalDateTime completionTime, boolean compression) {

    /**
     * @param transferred bytes sent so far
     * @param rate current rate in bytes per second
     * @return a copy with progress
     */
    public SeedingInfo withProgress(long transferred, long rate) {
        return new SeedingInfo(operationId, groupId, groupDatabaseId, remoteReplicaId, databaseName, source,
                currentState, databaseSizeBytes, transferred, rate, failureState, failureStateDesc, errorCode,
                attempts, startTime, completionTime, compression);
    }

    /**
     * @param state the final state; {@code COMPLETED} also marks every byte as transferred
     * @param failure failure_state, or null
     * @param failureDesc failure_state_desc, or null
     * @param error error_code, or null
     * @param at completion time (UTC)
     * @return a copy in a final state
     */
    public SeedingInfo finish(String state, Integer failure, String failureDesc, Integer error, LocalDateTime at) {
        return new SeedingInfo(operationId, groupId, groupDatabaseId, remoteReplicaId, databaseName, source,
                state, databaseSizeBytes, "COMPLETED".equals(state) ? databaseSizeBytes : transferredBytes,
                transferRateBytesPerSecond, failure, failureDesc, error, attempts, startTime, at, compression);
    }

    /** @return whether the operation still runs */
    public boolean running() {
        return "SEEDING".equals(currentState);
    }
}
