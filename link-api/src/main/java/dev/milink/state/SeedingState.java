package dev.milink.state;

import java.time.Instant;
import java.util.Optional;

/**
 * An automatic seeding operation ({@code sys.dm_hadr_automatic_seeding} with
 * {@code sys.dm_hadr_physical_seeding_stats}).
 *
 * @param database the database
 * @param currentState {@code current_state}, for example {@code SEEDING}, {@code COMPLETED}, {@code FAILED}
 * @param failureState the failure state number, when failed (23 = a database of that name exists)
 * @param failureDescription the failure description
 * @param databaseSizeBytes the size to transfer
 * @param transferredBytes bytes sent so far
 * @param bytesPerSecond the transfer rate
 * @param startedAt when seeding started
 * @param estimatedCompletion the estimated completion, when reported
 */
public record SeedingState(String database, String currentState, Optional<Integer> failureState,
        String failureDescription, long databaseSizeBytes, long transferredBytes, long bytesPerSecond,
        Optional<Instant> startedAt, Optional<Instant> estimatedCompletion) {

    /** @return whether the operation failed */
    public boolean failed() {
        return failureState.filter(f -> f != 0).isPresent() || "FAILED".equalsIgnoreCase(currentState);
    }

    /** @return percent transferred, 0-100 */
    public int percent() {
        return databaseSizeBytes <= 0 ? 0 : (int) Math.min(100, transferredBytes * 100 / databaseSizeBytes);
    }
}
