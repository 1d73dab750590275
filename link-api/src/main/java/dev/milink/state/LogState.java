package dev.milink.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A database's transaction log as SQL Server reports it: space used ({@code sys.dm_db_log_space_usage} or
 * {@code DBCC SQLPERF(LOGSPACE)}) and the recent log backups in {@code msdb.dbo.backupset} ({@code type = 'L'}).
 * Adapters that do not read it report no {@code LogState} at all.
 *
 * @param database the database
 * @param usedPercent the share of the log in use, 0-100, when read
 * @param recentLogBackups finish times of recent log backups, newest first; adapters read at least the latest
 *        one, which is enough to tell whether a log backup ran since seeding started
 */
public record LogState(String database, Optional<Double> usedPercent, List<Instant> recentLogBackups) {

    /**
     * Checks the components.
     *
     * @param database the database
     * @param usedPercent the share of the log in use, 0-100, when read
     * @param recentLogBackups finish times of recent log backups, newest first; adapters read at least the latest one, which is enough to tell whether a log backup ran since seeding started
     */
    public LogState {
        recentLogBackups = List.copyOf(recentLogBackups);
    }
}
