package dev.milink.testkit.world;

import dev.milink.testkit.arm.ArmError;
import dev.milink.testkit.arm.ArmOperation;
import dev.milink.testkit.arm.DagLifecycle;
import dev.milink.testkit.arm.LinkRole;
import dev.milink.testkit.arm.SimulatedLink;
import java.math.BigDecimal;

/**
 * The world's answer to ARM link operations. Checks run when the request arrives (a refusal is the HTTP
 * answer); the effect is applied when the long-running operation completes, as ARM does. Runs under the
 * simulator's lock, which is the world lock.
 */
final class WorldArmLifecycle implements DagLifecycle {

    private static final String NOT_SYNCHRONIZING = "DistributedAvailabilityGroupFailoverSecondariesNotSynchronizing";

    private final LinkCoordinator links;

    WorldArmLifecycle(LinkCoordinator links) {
        this.links = links;
    }

    @Override
    public void onCreate(SimulatedLink link) {
        links.armCreated(link);
    }

    @Override
    public void onFailover(SimulatedLink link, FailoverType type) {
        LinkModel m = links.existing(link.name()).filter(x -> x.armLink == link).orElse(null);
        if (type == FailoverType.PLANNED) {
            if (m == null || m.phase != LinkPhase.REPLICATING || m.singlePrimary() == null) {
                throw new ArmError(409, NOT_SYNCHRONIZING, "Planned failover of '" + link.name()
                        + "' is not possible: the link is not replicating (seeding, failed or split brain).");
            }
            BigDecimal[] lsns = links.lsns(m);
            if (lsns[0] == null || lsns[0].compareTo(lsns[1]) != 0) {
                throw new ArmError(409, NOT_SYNCHRONIZING, "Planned failover of '" + link.name()
                        + "' is not possible: the secondary has not caught up (last hardened LSN " + lsns[1]
                        + " on the instance, " + lsns[0] + " on SQL Server). Stop the workload and wait.");
            }
        } else if (m == null || !m.connected()) {
            throw new ArmError(409, NOT_SYNCHRONIZING, "Forced failover of '" + link.name()
                    + "' needs a link that has connected.");
        } else if (m.primary(Side.MANAGED_INSTANCE)) {
            throw new ArmError(400, "InvalidDistributedAvailabilityGroupFailoverInstanceRole", "A forced failover of '"
                    + link.name() + "' makes the instance primary, but it already is.");
        }
        m.pendingArmAction = type.name();
    }

    @Override
    public void onSetRole(SimulatedLink link, LinkRole role, RoleChangeType type) {
        LinkModel m = links.existing(link.name()).filter(x -> x.armLink == link && x.connected()).orElseThrow(() ->
                new ArmError(409, "DistributedAvailabilityGroupSetRoleNotAllowed", "The role of '" + link.name()
                        + "' cannot change before the link has connected."));
        m.pendingArmAction = "ROLE_" + role.name();
    }

    @Override
    public void onCompleted(SimulatedLink link, ArmOperation operation) {
        links.existing(link.name()).filter(m -> m.armLink == link).ifPresent(m -> complete(m, operation));
        links.tick();
    }

    private void complete(LinkModel m, ArmOperation operation) {
        String action = m.pendingArmAction;
        m.pendingArmAction = null;
        if (operation == ArmOperation.DAG_FAILOVER && FailoverType.PLANNED.name().equals(action)) {
            Side from = m.singlePrimary();
            if (from != null) {
                links.roles.planned(m, from);
            }
        } else if (operation == ArmOperation.DAG_FAILOVER && action != null) {
            links.roles.forced(m, Side.MANAGED_INSTANCE);
        } else if (operation == ArmOperation.DAG_SET_ROLE && ("ROLE_" + LinkRole.SECONDARY.name()).equals(action)) {
            links.roles.demote(m, Side.MANAGED_INSTANCE);
        } else if (operation == ArmOperation.DAG_SET_ROLE && action != null) {
            links.roles.forced(m, Side.MANAGED_INSTANCE);
        } else if (operation == ArmOperation.DAG_UPDATE && m.replication.synchronous(m)) {
            m.replication.flush(m);
        }
        // The simulator applied its own role swap; the model is the truth (both sides may be primary).
        links.roles.syncArm(m);
    }
}
