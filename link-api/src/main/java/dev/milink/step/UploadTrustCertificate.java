package dev.milink.step;

import java.util.Objects;
import java.util.Set;

/**
 * Uploads SQL Server's endpoint certificate public key to the Managed Instance as a server trust
 * certificate (ARM PUT {@code serverTrustCertificates/<name>}). The key is read at run time.
 *
 * @param certificateName the SQL Server certificate's name, also the trust certificate's name
 */
public record UploadTrustCertificate(String certificateName) implements ManagedInstanceStep {

    /**
     * Checks the components.
     *
     * @param certificateName the SQL Server certificate's name, also the trust certificate's name
     */
    public UploadTrustCertificate {
        Objects.requireNonNull(certificateName, "certificateName");
    }

    @Override
    public StepId id() {
        return StepId.of("mi.trust-certificate", "");
    }

    @Override
    public String summary() {
        return "Upload SQL Server's certificate [" + certificateName + "] to the Managed Instance as a server trust certificate";
    }

    @Override
    public String reason() {
        return "the Managed Instance authenticates SQL Server's endpoint by this public key";
    }

    @Override
    public Set<RunValue<?>> needs() {
        return Set.of(RunValue.SQL_SERVER_CERTIFICATE);
    }

    @Override
    public <R> R accept(ManagedInstanceStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
