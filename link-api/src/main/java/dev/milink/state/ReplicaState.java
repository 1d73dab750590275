package dev.milink.state;

import dev.milink.LinkRole;
import java.util.List;
import java.util.Optional;

/**
 * A replica of an availability group. In a distributed group the replica names are the member groups.
 *
 * @param name {@code replica_server_name}
 * @param endpointUrl the endpoint or listener URL
 * @param availabilityMode {@code ASYNCHRONOUS_COMMIT} or {@code SYNCHRONOUS_COMMIT}
 * @param local whether this replica is on the observed server
 * @param role the role, when known
 * @param connectedState {@code CONNECTED} or {@code DISCONNECTED}
 * @param synchronizationHealth the replica's health
 * @param lastConnectErrorNumber the last connection error number, if any (for example 41973)
 * @param lastConnectError its description
 * @param databases the database states on this replica
 */
public record ReplicaState(String name, String endpointUrl, String availabilityMode, boolean local,
        Optional<LinkRole> role, String connectedState, String synchronizationHealth,
        Optional<Integer> lastConnectErrorNumber, String lastConnectError, List<DatabaseReplicaState> databases) {

    /**
     * Checks the components.
     *
     * @param name {@code replica_server_name}
     * @param endpointUrl the endpoint or listener URL
     * @param availabilityMode {@code ASYNCHRONOUS_COMMIT} or {@code SYNCHRONOUS_COMMIT}
     * @param local whether this replica is on the observed server
     * @param role the role, when known
     * @param connectedState {@code CONNECTED} or {@code DISCONNECTED}
     * @param synchronizationHealth the replica's health
     * @param lastConnectErrorNumber the last connection error number, if any (for example 41973)
     * @param lastConnectError its description
     * @param databases the database states on this replica
     */
    public ReplicaState {
        databases = List.copyOf(databases);
    }
}
