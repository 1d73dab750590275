package dev.milink.step;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Imports Azure's root certificate authorities and registers them as issuers for the Managed Instance
 * DNS zone with {@code sp_certificate_add_issuer}.
 *
 * @param roots the root certificates
 * @param issuerDnsName for example {@code *.database.windows.net}
 */
public record ImportAzureRootCertificates(List<RootCertificate> roots, String issuerDnsName) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param roots the root certificates
     * @param issuerDnsName for example {@code .database.windows.net}
     */
    public ImportAzureRootCertificates {
        roots = List.copyOf(roots);
        Objects.requireNonNull(issuerDnsName, "issuerDnsName");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.azure-root-certificates", "");
    }

    @Override
    public String summary() {
        return "Trust " + roots.size() + " Azure root certificate authorities for " + issuerDnsName;
    }

    @Override
    public String reason() {
        return "the Managed Instance's endpoint certificate is rotated by Azure; SQL Server must trust its issuing chain";
    }

    @Override
    public Set<RunValue<?>> produces() {
        return Set.of(RunValue.CREATED_ROOT_CERTIFICATES);
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
