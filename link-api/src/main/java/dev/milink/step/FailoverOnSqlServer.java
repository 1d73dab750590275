package dev.milink.step;

import dev.milink.DatabaseName;
import dev.milink.FailoverType;
import java.util.Objects;
import java.util.Optional;

/**
 * Fails the distributed availability group over with T-SQL on SQL Server: {@code FAILOVER} on the current
 * primary (planned) or {@code FORCE_FAILOVER_ALLOW_DATA_LOSS} on the secondary (forced).
 *
 * @param linkName the distributed availability group
 * @param target the database
 * @param type planned or forced
 */
public record FailoverOnSqlServer(String linkName, DatabaseName target, FailoverType type) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param linkName the distributed availability group
     * @param target the database
     * @param type planned or forced
     */
    public FailoverOnSqlServer {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public StepId id() {
        return StepId.of(type == FailoverType.PLANNED ? "sql.failover" : "sql.forced-failover", target.value());
    }

    @Override
    public String summary() {
        return (type == FailoverType.PLANNED ? "Fail over [" : "Force failover (data loss allowed) of [") + linkName
                + "] on SQL Server";
    }

    @Override
    public String reason() {
        return "switches the roles of the two sides";
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
