package dev.milink.step;

import dev.milink.DatabaseName;
import dev.milink.ReplicationMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets the distributed availability group's commit mode on SQL Server for both members.
 *
 * @param linkName the distributed availability group
 * @param target the database
 * @param localAvailabilityGroup SQL Server's member group
 * @param managedInstanceAvailabilityGroup the Managed Instance's member group
 * @param mode the new mode
 */
public record SetSqlServerReplicationMode(String linkName, DatabaseName target, String localAvailabilityGroup,
        String managedInstanceAvailabilityGroup, ReplicationMode mode) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param linkName the distributed availability group
     * @param target the database
     * @param localAvailabilityGroup SQL Server's member group
     * @param managedInstanceAvailabilityGroup the Managed Instance's member group
     * @param mode the new mode
     */
    public SetSqlServerReplicationMode {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(localAvailabilityGroup, "localAvailabilityGroup");
        Objects.requireNonNull(managedInstanceAvailabilityGroup, "managedInstanceAvailabilityGroup");
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.replication-mode-" + mode.name().toLowerCase(java.util.Locale.ROOT), target.value());
    }

    @Override
    public String summary() {
        return "Set [" + linkName + "] to " + StepText.tsql(mode) + " on SQL Server";
    }

    @Override
    public String reason() {
        return mode == ReplicationMode.SYNC ? "a planned failover needs synchronous commit so no transaction is lost"
                : "asynchronous commit keeps the primary's commits fast after the failover";
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
