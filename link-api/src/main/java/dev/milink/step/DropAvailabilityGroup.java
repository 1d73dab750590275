package dev.milink.step;

import dev.milink.DatabaseName;
import java.util.Objects;
import java.util.Optional;

/**
 * Drops an availability group (the link's distributed group, or the local group) on SQL Server.
 * Databases are never dropped.
 *
 * @param name the group
 * @param target the database it served
 * @param distributed whether it is the distributed availability group
 */
public record DropAvailabilityGroup(String name, DatabaseName target, boolean distributed) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param name the group
     * @param target the database it served
     * @param distributed whether it is the distributed availability group
     */
    public DropAvailabilityGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public StepId id() {
        return StepId.of(distributed ? "sql.drop-distributed-availability-group" : "sql.drop-availability-group",
                target.value());
    }

    @Override
    public String summary() {
        return "Drop " + (distributed ? "distributed " : "") + "availability group [" + name + "]";
    }

    @Override
    public String reason() {
        return distributed ? "removes the link's metadata from SQL Server" : "removes the local group the link used";
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
