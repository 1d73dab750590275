package dev.milink.step;

import dev.milink.DatabaseName;
import dev.milink.EndpointUrl;
import dev.milink.SeedingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Ensures the distributed availability group on SQL Server, joining the local group with the Managed
 * Instance's group, whose listener is {@code tcp://<MI FQDN>:5022;Server=[<MI name>]}.
 *
 * @param name the link (distributed availability group) name
 * @param target the database
 * @param localAvailabilityGroup the SQL Server group
 * @param localEndpoint SQL Server's endpoint URL
 * @param managedInstanceAvailabilityGroup the Managed Instance's group
 * @param managedInstanceName the instance's resource name
 * @param managedInstanceFqdn the FQDN when known at plan time
 * @param databaseInListenerUrl whether the MI listener URL names the database (MI as initial primary)
 * @param seedingMode the members' {@code SEEDING_MODE}
 */
public record CreateDistributedAvailabilityGroup(String name, DatabaseName target, String localAvailabilityGroup,
        EndpointUrl localEndpoint, String managedInstanceAvailabilityGroup, String managedInstanceName,
        Optional<String> managedInstanceFqdn, boolean databaseInListenerUrl, SeedingMode seedingMode)
        implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param name the link (distributed availability group) name
     * @param target the database
     * @param localAvailabilityGroup the SQL Server group
     * @param localEndpoint SQL Server's endpoint URL
     * @param managedInstanceAvailabilityGroup the Managed Instance's group
     * @param managedInstanceName the instance's resource name
     * @param managedInstanceFqdn the FQDN when known at plan time
     * @param databaseInListenerUrl whether the MI listener URL names the database (MI as initial primary)
     * @param seedingMode the members' {@code SEEDING_MODE}
     */
    public CreateDistributedAvailabilityGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(localAvailabilityGroup, "localAvailabilityGroup");
        Objects.requireNonNull(localEndpoint, "localEndpoint");
        Objects.requireNonNull(managedInstanceAvailabilityGroup, "managedInstanceAvailabilityGroup");
        Objects.requireNonNull(managedInstanceName, "managedInstanceName");
        Objects.requireNonNull(managedInstanceFqdn, "managedInstanceFqdn");
        Objects.requireNonNull(seedingMode, "seedingMode");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.distributed-availability-group", target.value());
    }

    @Override
    public String summary() {
        return "Ensure distributed availability group [" + name + "] between [" + localAvailabilityGroup + "] and ["
                + managedInstanceAvailabilityGroup + "]";
    }

    @Override
    public String reason() {
        return "the distributed availability group is the link itself on SQL Server's side";
    }

    @Override
    public Optional<DatabaseName> database() {
        return Optional.of(target);
    }

    @Override
    public Set<RunValue<?>> needs() {
        return managedInstanceFqdn.isPresent() ? Set.of() : Set.of(RunValue.MANAGED_INSTANCE_FQDN);
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
