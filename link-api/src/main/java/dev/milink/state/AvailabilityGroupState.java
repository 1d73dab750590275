package dev.milink.state;

import java.util.List;
import java.util.Optional;

/**
 * An availability group or distributed availability group.
 *
 * @param name the group name
 * @param distributed whether it is a distributed availability group
 * @param databases the databases it holds (for a local group)
 * @param replicas its replicas (member groups for a distributed group)
 */
public record AvailabilityGroupState(String name, boolean distributed, List<String> databases,
        List<ReplicaState> replicas) {

    /**
     * Checks the components.
     *
     * @param name the group name
     * @param distributed whether it is a distributed availability group
     * @param databases the databases it holds (for a local group)
     * @param replicas its replicas (member groups for a distributed group)
     */
    public AvailabilityGroupState {
        databases = List.copyOf(databases);
        replicas = List.copyOf(replicas);
    }

    /** @return the replica on the observed server */
    public Optional<ReplicaState> localReplica() {
        return replicas.stream().filter(ReplicaState::local).findFirst();
    }

    /** @return the first replica that is not on the observed server */
    public Optional<ReplicaState> remoteReplica() {
        return replicas.stream().filter(r -> !r.local()).findFirst();
    }
}
