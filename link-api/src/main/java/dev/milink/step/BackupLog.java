package dev.milink.step;

import dev.milink.DatabaseName;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes a log backup on SQL Server: the first log backup once seeding has finished, or the tail-log
 * backup of the old primary before a split brain is repaired.
 *
 * @param target the database
 * @param path the backup file path on the SQL Server host
 * @param tailLog whether it is a tail-log backup ({@code WITH NORECOVERY})
 */
public record BackupLog(DatabaseName target, String path, boolean tailLog) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param target the database
     * @param path the backup file path on the SQL Server host
     * @param tailLog whether it is a tail-log backup ({@code WITH NORECOVERY})
     */
    public BackupLog {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public StepId id() {
        return StepId.of(tailLog ? "sql.tail-log-backup" : "sql.first-log-backup", target.value());
    }

    @Override
    public String summary() {
        return (tailLog ? "Take a tail-log backup of [" : "Take the first log backup of [") + target + "] to " + path;
    }

    @Override
    public String reason() {
        return tailLog ? "keeps the old primary's last transactions before it is demoted"
                : "starts regular log backups only after seeding, so the log is not truncated early (errors 1408/1412)";
    }

    @Override
    public Optional<DatabaseName> database() {
        return Optional.of(target);
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
