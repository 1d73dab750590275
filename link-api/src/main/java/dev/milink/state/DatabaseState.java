package dev.milink.state;

import java.util.Optional;

/**
 * A database as SQL Server reports it.
 *
 * @param name the database name
 * @param state {@code state_desc}, for example {@code ONLINE} or {@code RESTORING}
 * @param recoveryModel {@code recovery_model_desc}
 * @param hasFullBackup whether a full backup that is not COPY_ONLY exists in {@code msdb}
 * @param logFileCount the number of log files
 * @param availabilityGroup the availability group the database belongs to, if any
 */
public record DatabaseState(String name, String state, String recoveryModel, boolean hasFullBackup, int logFileCount,
        Optional<String> availabilityGroup) {
}
