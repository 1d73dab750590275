package dev.milink.step;

import java.util.Objects;

/**
 * Drops a certificate from {@code master} (trust cleanup or the old certificate after rotation).
 *
 * @param name the certificate
 * @param purpose why it goes, for the plan description
 */
public record DropCertificate(String name, String purpose) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param name the certificate
     * @param purpose why it goes, for the plan description
     */
    public DropCertificate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.drop-certificate", name);
    }

    @Override
    public String summary() {
        return "Drop certificate [" + name + "]";
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
