package dev.milink.step;

import java.util.Objects;

/**
 * Points the mirroring endpoint at another certificate (certificate rotation), keeping the link up.
 *
 * @param endpointName the endpoint
 * @param certificateName the new certificate
 */
public record SwitchEndpointCertificate(String endpointName, String certificateName) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param endpointName the endpoint
     * @param certificateName the new certificate
     */
    public SwitchEndpointCertificate {
        Objects.requireNonNull(endpointName, "endpointName");
        Objects.requireNonNull(certificateName, "certificateName");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.switch-endpoint-certificate", certificateName);
    }

    @Override
    public String summary() {
        return "Switch endpoint [" + endpointName + "] to certificate [" + certificateName + "]";
    }

    @Override
    public String reason() {
        return "the new certificate takes over before the old one expires";
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
