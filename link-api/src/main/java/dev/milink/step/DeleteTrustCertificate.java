package dev.milink.step;

import java.util.Objects;

/**
 * Removes a server trust certificate from the Managed Instance (ARM DELETE).
 *
 * @param certificateName the trust certificate
 */
public record DeleteTrustCertificate(String certificateName) implements ManagedInstanceStep {

    /**
     * Checks the components.
     *
     * @param certificateName the trust certificate
     */
    public DeleteTrustCertificate {
        Objects.requireNonNull(certificateName, "certificateName");
    }

    @Override
    public StepId id() {
        return StepId.of("mi.delete-trust-certificate", certificateName);
    }

    @Override
    public String summary() {
        return "Remove server trust certificate [" + certificateName + "] from the Managed Instance";
    }

    @Override
    public String reason() {
        return "no remaining link uses it";
    }

    @Override
    public <R> R accept(ManagedInstanceStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
