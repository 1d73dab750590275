package dev.milink.step;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Imports the Managed Instance's endpoint certificate (public key, read from ARM) into {@code master},
 * named exactly the instance's FQDN, as the link requires.
 *
 * @param managedInstanceName the instance's resource name
 * @param fqdn the instance's FQDN when known at plan time; otherwise resolved at run time
 */
public record ImportManagedInstanceCertificate(String managedInstanceName, Optional<String> fqdn)
        implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param managedInstanceName the instance's resource name
     * @param fqdn the instance's FQDN when known at plan time; otherwise resolved at run time
     */
    public ImportManagedInstanceCertificate {
        Objects.requireNonNull(managedInstanceName, "managedInstanceName");
        Objects.requireNonNull(fqdn, "fqdn");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.managed-instance-certificate", "");
    }

    @Override
    public String summary() {
        return "Trust the Managed Instance's endpoint certificate as [" + fqdn.orElse("<MI FQDN>") + "]";
    }

    @Override
    public String reason() {
        return "SQL Server authenticates the Managed Instance by its endpoint certificate, which must be named its FQDN";
    }

    @Override
    public Set<RunValue<?>> needs() {
        return fqdn.isPresent() ? Set.of(RunValue.MANAGED_INSTANCE_CERTIFICATE)
                : Set.of(RunValue.MANAGED_INSTANCE_CERTIFICATE, RunValue.MANAGED_INSTANCE_FQDN);
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
