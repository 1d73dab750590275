package dev.milink.testkit.sql.catalog;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A row of {@code msdb.dbo.backupset}.
 *
 * @param databaseName the database
 * @param type D (full), I (differential) or L (log)
 * @param copyOnly COPY_ONLY
 * @param startDate start
 * @param finishDate finish
 * @param firstLsn first LSN
 * @param lastLsn last LSN
 * @param device the target (DISK = ...)
 * @param duringSeeding a log backup taken while the database was being seeded (breaks a real link: 1408/1412)
 */
public record BackupInfo(String databaseName, String type, boolean copyOnly, LocalDateTime startDate,
        LocalDateTime finishDate, BigDecimal firstLsn, BigDecimal lastLsn, String device, boolean duringSeeding) {
}
