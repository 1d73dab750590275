package dev.milink.step;

import dev.milink.DatabaseName;
import dev.milink.EndpointUrl;
import dev.milink.SeedingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Ensures the availability group on SQL Server. With SQL Server as initial primary it holds the database;
 * with the Managed Instance as initial primary it is empty and may create the seeded database.
 *
 * @param name the availability group name
 * @param target the database
 * @param replicaServerName SQL Server's {@code @@SERVERNAME}
 * @param endpoint SQL Server's endpoint URL
 * @param clusterTypeNone whether {@code WITH (CLUSTER_TYPE = NONE)} is written (not on SQL Server 2016)
 * @param holdsDatabase whether the group is created {@code FOR DATABASE} (SQL Server primary) or empty
 * @param seedingMode the replica's {@code SEEDING_MODE}
 */
public record CreateAvailabilityGroup(String name, DatabaseName target, String replicaServerName, EndpointUrl endpoint,
        boolean clusterTypeNone, boolean holdsDatabase, SeedingMode seedingMode) implements SqlServerStep {

    /**
     * Checks the components.
     *
     * @param name the availability group name
     * @param target the database
     * @param replicaServerName SQL Server's {@code @@SERVERNAME}
     * @param endpoint SQL Server's endpoint URL
     * @param clusterTypeNone whether {@code WITH (CLUSTER_TYPE = NONE)} is written (not on SQL Server 2016)
     * @param holdsDatabase whether the group is created {@code FOR DATABASE} (SQL Server primary) or empty
     * @param seedingMode the replica's {@code SEEDING_MODE}
     */
    public CreateAvailabilityGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(replicaServerName, "replicaServerName");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(seedingMode, "seedingMode");
    }

    @Override
    public StepId id() {
        return StepId.of("sql.availability-group", target.value());
    }

    @Override
    public String summary() {
        return "Ensure availability group [" + name + "]" + (holdsDatabase ? " for database [" + target + "]"
                : " (empty, allowed to create the seeded database)");
    }

    @Override
    public String reason() {
        return "the distributed availability group joins this local group with the Managed Instance's";
    }

    @Override
    public Optional<DatabaseName> database() {
        return Optional.of(target);
    }

    @Override
    public <R> R accept(SqlServerStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
