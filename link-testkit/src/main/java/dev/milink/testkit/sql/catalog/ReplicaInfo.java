package dev.milink.testkit.sql.catalog;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A replica of an AG, or a member AG of a distributed AG ({@code sys.availability_replicas} plus the
 * runtime state of {@code sys.dm_hadr_availability_replica_states}).
 *
 * @param replicaId the id
 * @param serverName replica_server_name (the member AG name for a DAG)
 * @param endpointUrl ENDPOINT_URL or, for a DAG member, LISTENER_URL
 * @param availabilityMode SYNCHRONOUS_COMMIT or ASYNCHRONOUS_COMMIT
 * @param failoverMode MANUAL or AUTOMATIC
 * @param seedingMode AUTOMATIC or MANUAL
 * @param sessionTimeout SESSION_TIMEOUT seconds or null
 * @param local whether this replica lives on this server
 * @param role PRIMARY, SECONDARY or RESOLVING
 * @param connectedState CONNECTED or DISCONNECTED
 * @param synchronizationHealth HEALTHY, PARTIALLY_HEALTHY or NOT_HEALTHY
 * @param lastConnectErrorNumber e.g. 41973, or null
 * @param lastConnectErrorDescription the text, or null
 * @param lastConnectErrorTimestamp when, or null
 */
public record ReplicaInfo(UUID replicaId, String serverName, String endpointUrl, String availabilityMode,
        String failoverMode, String seedingMode, Integer sessionTimeout, boolean local, String role,
        String connectedState, String synchronizationHealth, Integer lastConnectErrorNumber,
        String lastConnectErrorDescription, LocalDateTime lastConnectErrorTimestamp) {

    /**
     * @param newRole PRIMARY, SECONDARY or RESOLVING
     * @return a copy in another role
     */
    public ReplicaInfo withRole(String newRole) {
        return new ReplicaInfo(replicaId, serverName, endpointUrl, availabilityMode, failoverMode, seedingMode,
                sessionTimeout, local, newRole, connectedState, synchronizationHealth, lastConnectErrorNumber,
                lastConnectErrorDescription, lastConnectErrorTimestamp);
    }

    /**
     * @param mode SYNCHRONOUS_COMMIT or ASYNCHRONOUS_COMMIT
     * @return a copy with another availability mode
     */
    public ReplicaInfo withAvailabilityMode(String mode) {
        return new ReplicaInfo(replicaId, serverName, endpointUrl, mode, failoverMode, seedingMode,
                sessionTimeout, local, role, connectedState, synchronizationHealth, lastConnectErrorNumber,
                lastConnectErrorDescription, lastConnectErrorTimestamp);
    }

    /**
     * @param connected CONNECTED or DISCONNECTED
     * @param health the new synchronization health
     * @param errorNumber last connect error number, or null
     * @param errorText last connect error text, or null
     * @param errorTime when the last connect error happened, or null
     * @return a copy with another connection state and last connect error (nulls clear the error)
     */
    public ReplicaInfo withConnection(String connected, String health, Integer errorNumber, String errorText,
            LocalDateTime errorTime) {
        return new ReplicaInfo(replicaId, serverName, endpointUrl, availabilityMode, failoverMode, seedingMode,
                sessionTimeout, local, role, connected, health, errorNumber, errorText, errorTime);
    }

    /** @return the DMV's numeric role: 1 primary, 2 secondary, 0 resolving */
    public int roleNumber() {
        return "PRIMARY".equals(role) ? 1 : "SECONDARY".equals(role) ? 2 : 0;
    }
}
