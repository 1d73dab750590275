package dev.milink.step;

import java.util.Objects;

/**
 * Ensures the {@code DATABASE_MIRRORING} endpoint, certificate-authenticated with AES, started.
 *
 * @param name the endpoint name
 * @param port the listener port
 * @param certificateName the certificate that authenticates the endpoint
 */
public record CreateMirroringEndpoint(String name, int port, String certificateName) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param name the endpoint name
     * @param port the listener port
     * @param certificateName the certificate that authenticates the endpoint
     */
    public CreateMirroringEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(certificateName, "certificateName");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.mirroring-endpoint", "");
    }

    @Override
    public String summary() {
        return "Ensure the database mirroring endpoint [" + name + "] on port " + port;
    }

    @Override
    public String reason() {
        return "the link's replication traffic flows through this endpoint";
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
