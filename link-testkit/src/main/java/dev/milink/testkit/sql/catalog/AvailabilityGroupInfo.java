package dev.milink.testkit.sql.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An availability group or a distributed availability group.
 *
 * @param groupId the group id
 * @param name the name
 * @param distributed true for a DAG
 * @param clusterType NONE, WSFC or EXTERNAL
 * @param replicas replicas (for a DAG: the two member AGs, first = the AG named first in CREATE)
 * @param databases database names (for a DAG: the member AG's databases, resolved at creation)
 * @param createAnyDatabaseGranted whether {@code GRANT CREATE ANY DATABASE} ran
 */
public record AvailabilityGroupInfo(UUID groupId, String name, boolean distributed, String clusterType,
        List<ReplicaInfo> replicas, List<String> databases, boolean createAnyDatabaseGranted) {

    /**
     * Copies the replica and database lists.
     *
     * @param groupId the group id
     * @param name the name
     * @param distributed true for a DAG
     * @param clusterType NONE, WSFC or EXTERNAL
     * @param replicas replicas (for a DAG: the two member AGs, first = the AG named first in CREATE)
     * @param databases database names (for a DAG: the member AG's databases, resolved at creation)
     * @param createAnyDatabaseGranted whether {@code GRANT CREATE ANY DATABASE} ran
     */
    public AvailabilityGroupInfo {
        replicas = List.copyOf(replicas);
        databases = List.copyOf(databases);
    }

    /** @return the local replica (for a DAG: the local member AG), if any */
    public Optional<ReplicaInfo> localReplica() {
        return replicas.stream().filter(ReplicaInfo::local).findFirst();
    }

    /**
     * @param serverName server name of a replica, or member AG name for a DAG
     * @return the replica with that server (or member AG) name, case-insensitive
     */
    public Optional<ReplicaInfo> replica(String serverName) {
        return replicas.stream().filter(r -> r.serverName().equalsIgnoreCase(serverName)).findFirst();
    }

    /**
     * @param change applied to each replica, in order
     * @return a copy where {@code change} was applied to every replica
     */
    public AvailabilityGroupInfo mapReplicas(UnaryOperator<ReplicaInfo> change) {
        List<ReplicaInfo> out = new ArrayList<>();
        replicas.forEach(r -> out.add(change.apply(r)));
        return new AvailabilityGroupInfo(groupId, name, distributed, clusterType, out, databases,
                createAnyDatabaseGranted);
    }

    /**
     * @param dbs the database names the group now holds
     * @return a copy with other databases
     */
    public AvailabilityGroupInfo withDatabases(List<String> dbs) {
        return new AvailabilityGroupInfo(groupId, name, distributed, clusterType, replicas, dbs,
                createAnyDatabaseGranted);
    }

    /** @return a copy with CREATE ANY DATABASE granted */
    public AvailabilityGroupInfo withCreateAnyDatabase() {
        return new AvailabilityGroupInfo(groupId, name, distributed, clusterType, replicas, databases, true);
    }
}
