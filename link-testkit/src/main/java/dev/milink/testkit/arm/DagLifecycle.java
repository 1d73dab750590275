package dev.milink.testkit.arm;

import java.time.Instant;
import java.util.Locale;

/**
 * Behaviour hook of the simulated ARM for distributed availability groups. A linked world implements it to
 * drive link state from its simulated SQL Server; without one, {@link #DEFAULT} applies.
 *
 * <p>Callbacks run under the simulator's lock when the request arrives, before the long-running operation
 * is accepted. Throw an {@link ArmError} to refuse: a synchronous one becomes the HTTP response, an
 * {@linkplain ArmError#asynchronous asynchronous} one makes the operation end {@code Failed}. The requested
 * change itself (new link, replication mode, swapped or set roles, removal) is applied by the simulator when
 * the operation completes, after which {@link #onCompleted} runs. Overriding implementations may call
 * {@code DagLifecycle.super.onX(..)} to keep the default checks.
 */
public interface DagLifecycle {

    /** {@code failoverType} of POST {@code /failover}. */
    enum FailoverType {
        /** {@code Planned}: no data loss, the replicas must be synchronized. */
        PLANNED("Planned"),
        /** {@code ForcedAllowDataLoss}. */
        FORCED_ALLOW_DATA_LOSS("ForcedAllowDataLoss");

        private final String wireName;

        FailoverType(String wireName) {
            this.wireName = wireName;
        }

        /** @return the ARM spelling */
        public String wireName() {
            return wireName;
        }

        /**
         * @param value the {@code failoverType} sent by the client, may be {@code null}
         * @return the type for an ARM value, case-insensitive; 400 {@code InvalidParameterValue} otherwise
         */
        public static FailoverType parse(String value) {
            for (FailoverType type : values()) {
                if (type.wireName.equalsIgnoreCase(value == null ? "" : value)) {
                    return type;
                }
            }
            throw new ArmError(400, "InvalidParameterValue", "Invalid failoverType '" + value + "'");
        }
    }

    /** {@code roleChangeType} of POST {@code /setRole}. */
    enum RoleChangeType {
        /** {@code Planned}. */
        PLANNED,
        /** {@code Forced}. */
        FORCED;

        /**
         * @param value the {@code roleChangeType} sent by the client, may be {@code null}
         * @return the type for an ARM value, case-insensitive; 400 {@code InvalidParameterValue} otherwise
         */
        public static RoleChangeType parse(String value) {
            try {
                return valueOf(value == null ? "" : value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ArmError(400, "InvalidParameterValue", "Invalid roleChangeType '" + value + "': " + e.getMessage());
            }
        }
    }

    /** The behaviour without a linked world: links are healthy at once, planned failover needs sync. */
    DagLifecycle DEFAULT = new DagLifecycle() {
    };

    /**
     * A link is being created. It starts with every database {@code Seeding} at {@code 0%}; the default puts
     * them {@linkplain SimulatedLinkDatabase#caughtUp caught up} at once.
     *
     * @param link the new link, not yet visible to GET
     */
    default void onCreate(SimulatedLink link) {
        Instant now = Instant.now();
        link.databases().forEach(db -> db.caughtUp(now));
    }

    /**
     * PATCH, or a PUT on an existing link.
     *
     * @param link the link
     * @param requestedReplicationMode the requested {@code replicationMode}, or null if unchanged
     */
    default void onUpdate(SimulatedLink link, String requestedReplicationMode) {
    }

    /**
     * POST {@code /failover}. The default refuses a planned failover when the instance is not the primary
     * (400 {@code InvalidDistributedAvailabilityGroupFailoverInstanceRole}: the REST call only fails over away from
     * the instance) and while any database is not {@code HEALTHY} or still seeding (409
     * {@code DistributedAvailabilityGroupFailoverSecondariesNotSynchronizing}).
     *
     * @param link the link
     * @param type the failover type
     */
    default void onFailover(SimulatedLink link, FailoverType type) {
        if (type == FailoverType.PLANNED) {
            if (link.instanceLinkRole() != LinkRole.PRIMARY) {
                throw new ArmError(400, "InvalidDistributedAvailabilityGroupFailoverInstanceRole",
                        "A planned failover of '" + link.name() + "' must be requested while the instance is Primary.");
            }
            boolean synchronizing = link.databases().stream()
                    .allMatch(db -> db.isSeeded() && "HEALTHY".equals(db.synchronizationHealth()));
            if (!synchronizing) {
                throw new ArmError(409, "DistributedAvailabilityGroupFailoverSecondariesNotSynchronizing",
                        "Planned failover of '" + link.name() + "' is not possible: the secondaries are not synchronizing.");
            }
        }
    }

    /**
     * POST {@code /setRole}, after the simulator's own checks (Primary with Planned, already in role, change in
     * progress) passed.
     *
     * @param link the link
     * @param role the requested instance role
     * @param type the role change type
     */
    default void onSetRole(SimulatedLink link, LinkRole role, RoleChangeType type) {
    }

    /**
     * DELETE.
     *
     * @param link the link about to be removed
     */
    default void onDelete(SimulatedLink link) {
    }

    /**
     * The operation completed successfully and its change is applied.
     *
     * @param link the link (already removed from the instance for a delete)
     * @param operation which operation
     */
    default void onCompleted(SimulatedLink link, ArmOperation operation) {
    }
}
