package dev.milink.step;

import dev.milink.DatabaseName;
import dev.milink.EndpointUrl;
import dev.milink.LinkRole;
import dev.milink.SeedingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates the link on the Managed Instance: ARM PUT {@code distributedAvailabilityGroups/<linkName>}.
 *
 * @param linkName the link name
 * @param target the database
 * @param partnerEndpoint SQL Server's endpoint URL
 * @param partnerAvailabilityGroup SQL Server's group
 * @param instanceAvailabilityGroup the Managed Instance's group
 * @param instanceLinkRole the Managed Instance's initial role
 * @param manualFailover {@code failoverMode = Manual} (two-way disaster recovery) rather than {@code None}
 * @param seedingMode the seeding mode
 */
public record CreateManagedInstanceLink(String linkName, DatabaseName target, EndpointUrl partnerEndpoint,
        String partnerAvailabilityGroup, String instanceAvailabilityGroup, LinkRole instanceLinkRole,
        boolean manualFailover, SeedingMode seedingMode) implements ManagedInstanceStep {

    /**
     * Checks the components.
     *
     * @param linkName the link name
     * @param target the database
     * @param partnerEndpoint SQL Server's endpoint URL
     * @param partnerAvailabilityGroup SQL Server's group
     * @param instanceAvailabilityGroup the Managed Instance's group
     * @param instanceLinkRole the Managed Instance's initial role
     * @param manualFailover {@code failoverMode = Manual} (two-way disaster recovery) rather than {@code None}
     * @param seedingMode the seeding mode
     */
    public CreateManagedInstanceLink {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(partnerEndpoint, "partnerEndpoint");
        Objects.requireNonNull(partnerAvailabilityGroup, "partnerAvailabilityGroup");
        Objects.requireNonNull(instanceAvailabilityGroup, "instanceAvailabilityGroup");
        Objects.requireNonNull(instanceLinkRole, "instanceLinkRole");
        Objects.requireNonNull(seedingMode, "seedingMode");
    }

    @Override
    public StepId id() {
        return StepId.of("mi.link", target.value());
    }

    @Override
    public String summary() {
        return "Create link [" + linkName + "] on the Managed Instance (role " + StepText.of(instanceLinkRole)
                + ", failoverMode " + (manualFailover ? "Manual" : "None") + ")";
    }

    @Override
    public String reason() {
        return "the Managed Instance joins the distributed availability group and seeding starts";
    }

    @Override
    public Optional<DatabaseName> database() {
        return Optional.of(target);
    }

    @Override
    public <R> R accept(ManagedInstanceStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
