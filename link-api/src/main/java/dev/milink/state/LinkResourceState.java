package dev.milink.state;

import dev.milink.LinkRole;
import dev.milink.ReplicationMode;
import java.util.List;
import java.util.Optional;

/**
 * A link as the Managed Instance's ARM resource ({@code distributedAvailabilityGroups/<name>}) reports it.
 *
 * @param name the link name
 * @param partnerEndpoint SQL Server's endpoint
 * @param partnerAvailabilityGroup SQL Server's group
 * @param instanceAvailabilityGroup the Managed Instance's group
 * @param instanceRole the Managed Instance's role
 * @param partnerRole SQL Server's role as the Managed Instance sees it
 * @param replicationMode the replication mode
 * @param failoverMode {@code None} or {@code Manual}
 * @param databases per-database state
 */
public record LinkResourceState(String name, String partnerEndpoint, String partnerAvailabilityGroup,
        String instanceAvailabilityGroup, LinkRole instanceRole, Optional<LinkRole> partnerRole,
        ReplicationMode replicationMode, String failoverMode, List<LinkDatabaseState> databases) {

    /**
     * Checks the components.
     *
     * @param name the link name
     * @param partnerEndpoint SQL Server's endpoint
     * @param partnerAvailabilityGroup SQL Server's group
     * @param instanceAvailabilityGroup the Managed Instance's group
     * @param instanceRole the Managed Instance's role
     * @param partnerRole SQL Server's role as the Managed Instance sees it
     * @param replicationMode the replication mode
     * @param failoverMode {@code None} or {@code Manual}
     * @param databases per-database state
     */
    public LinkResourceState {
        databases = List.copyOf(databases);
    }

    /**
     * @param database a database name
     * @return its state in this link
     */
    public Optional<LinkDatabaseState> database(String database) {
        return databases.stream().filter(d -> d.database().equals(database)).findFirst();
    }
}
