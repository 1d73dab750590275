package dev.milink.step;

import dev.milink.DatabaseName;
import java.util.Objects;
import java.util.Optional;

/**
 * Demotes SQL Server to secondary in the distributed availability group ({@code SET (ROLE = SECONDARY)}),
 * the repair of a split brain in which SQL Server was the old primary.
 *
 * @param linkName the distributed availability group
 * @param target the database
 */
public record DemoteSqlServer(String linkName, DatabaseName target) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param linkName the distributed availability group
     * @param target the database
     */
    public DemoteSqlServer {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.demote", target.value());
    }

    @Override
    public String summary() {
        return "Demote SQL Server to secondary in [" + linkName + "]";
    }

    @Override
    public String reason() {
        return "ends a split brain: only one side may accept writes";
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
