package dev.milink.step;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Ensures the certificate that authenticates SQL Server's mirroring endpoint, and reads its public key.
 *
 * @param name the certificate name
 * @param subject the certificate subject
 * @param expiry the expiry date; empty for SQL Server's default
 */
public record CreateEndpointCertificate(String name, String subject, Optional<LocalDate> expiry)
        implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param name the certificate name
     * @param subject the certificate subject
     * @param expiry the expiry date; empty for SQL Server's default
     */
    public CreateEndpointCertificate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiry, "expiry");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.endpoint-certificate", "");
    }

    @Override
    public String summary() {
        return "Ensure the endpoint certificate [" + name + "] and read its public key";
    }

    @Override
    public String reason() {
        return "the Managed Instance authenticates SQL Server by this certificate";
    }

    @Override
    public Set<RunValue<?>> produces() {
        return Set.of(RunValue.SQL_SERVER_CERTIFICATE);
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
