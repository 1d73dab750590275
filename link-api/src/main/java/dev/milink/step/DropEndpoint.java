package dev.milink.step;

import java.util.Objects;

/**
 * Drops a database mirroring endpoint from SQL Server: the compensation of an endpoint a run created.
 *
 * @param name the endpoint
 * @param purpose why it goes, for the plan description
 */
public record DropEndpoint(String name, String purpose) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param name the endpoint
     * @param purpose why it goes, for the plan description
     */
    public DropEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.drop-endpoint", name);
    }

    @Override
    public String summary() {
        return "Drop endpoint [" + name + "]";
    }

    @Override
    public String reason() {
        return purpose;
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
