package dev.milink.step;

/**
 * Ensures a database master key in {@code master}; it protects the endpoint certificate's private key.
 * The password comes from a {@code SecretSource} at run time and never appears in the plan.
 */
public record CreateMasterKey() implements SqlServerStep {

    @Override
    public StepId id() {
        return StepId.of("sql.master-key", "");
    }

    @Override
    public String summary() {
        return "Ensure a database master key in master";
    }

    @Override
    public String reason() {
        return "the endpoint certificate's private key is encrypted by the master key";
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
