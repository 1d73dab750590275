package dev.milink.step;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Drops the Managed Instance's endpoint certificate (named its FQDN) from SQL Server's {@code master}
 * when no link uses it any more.
 *
 * @param fqdn the instance's FQDN when known at plan time; otherwise resolved at run time
 */
public record DropManagedInstanceCertificate(Optional<String> fqdn) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param fqdn the instance's FQDN when known at plan time; otherwise resolved at run time
     */
    public DropManagedInstanceCertificate {
        Objects.requireNonNull(fqdn, "fqdn");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.drop-managed-instance-certificate", "");
    }

    @Override
    public String summary() {
        return "Drop the Managed Instance's certificate [" + fqdn.orElse("<MI FQDN>") + "]";
    }

    @Override
    public String reason() {
        return "no remaining link uses the trust it gave";
    }

    @Override
    public Set<RunValue<?>> needs() {
        return fqdn.isPresent() ? Set.of() : Set.of(RunValue.MANAGED_INSTANCE_FQDN);
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
