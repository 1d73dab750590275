package dev.milink.step;

import java.util.Objects;

/**
 * Drops the database master key of {@code master}: the compensation of a master key a run created, once the
 * certificates it protected are gone.
 *
 * @param purpose why it goes, for the plan description
 */
public record DropMasterKey(String purpose) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param purpose why it goes, for the plan description
     */
    public DropMasterKey {
        Objects.requireNonNull(purpose, "purpose");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.drop-master-key", "");
    }

    @Override
    public String summary() {
        return "Drop the database master key of master";
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
