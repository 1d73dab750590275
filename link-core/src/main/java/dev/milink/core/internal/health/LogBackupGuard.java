package dev.milink.core.internal.health;

import dev.milink.state.LogState;
import dev.milink.state.SeedingState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The log-backup guard (docs/LINK-FACTS.md sections 6.2 and 11): log backups taken while a database seeds truncate the
 * log the seeding needs (errors 1408/1412), and a log that fills up stops replication. Pure: reads SQL Server's
 * seeding and {@code msdb} log-backup history from one observation.
 */
public final class LogBackupGuard {

    /** Warn when the log is at least this full. */
    public static final double LOG_FULL_WARNING_PERCENT = 80.0;

    private LogBackupGuard() {
    }

    /**
     * @param database the database
     * @param seeding its latest seeding operation, if any
     * @param log its log state, when the adapter read it
     * @return warnings, empty when nothing is at risk
     */
    public static List<String> warnings(String database, Optional<SeedingState> seeding, Optional<LogState> log) {
        List<String> out = new ArrayList<>();
        if (log.isEmpty()) {
            return out;
        }
        Optional<Instant> start = seeding.flatMap(SeedingState::startedAt);
        boolean running = seeding.filter(s -> !s.failed() && !"COMPLETED".equalsIgnoreCase(s.currentState())).isPresent();
        if (running && start.isPresent()) {
            List<Instant> during = log.get().recentLogBackups().stream().filter(t -> t.isAfter(start.get())).toList();
            if (!during.isEmpty()) {
                out.add(during.size() + " log backup(s) of [" + database + "] taken while seeding (latest " + during.get(0)
                        + "): they truncate the log the seeding needs (errors 1408/1412); pause log backups until seeding completes");
            }
        }
        log.get().usedPercent().filter(p -> p >= LOG_FULL_WARNING_PERCENT).ifPresent(p -> out.add("the log of [" + database
                + "] is " + Math.round(p) + "% full; replication stops when it is full: "
                + (running ? "watch disk space until seeding completes" : "take log backups regularly")));
        return out;
    }
}
