package dev.milink.testkit.world;

import dev.milink.testkit.arm.SimulatedLink;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * The world's view of one link (one DAG name): which halves exist, the phase, each side's role, seeding and
 * replication progress. Mutable; guarded by the world lock.
 */
final class LinkModel {

    final String name;
    LinkPhase phase = LinkPhase.PENDING;
    Instant phaseSince;
    /** The SQL Server DAG and the ARM link this model was matched with; a new object means a new link. */
    UUID sqlDagId;
    SimulatedLink armLink;
    String database;
    String miAgName;
    final Map<Side, String> roles = new EnumMap<>(Side.class);
    Integer lastError;
    // seeding
    Side seedingSource;
    Instant seedingStart;
    long seedingBytes;
    UUID sourceOperation;
    UUID destinationOperation;
    boolean logBackupDuringSeeding;
    // ARM operations accepted but not yet completed
    String pendingArmAction;
    final Replication replication;

    LinkModel(String name, Instant now, Replication replication) {
        this.name = name;
        this.phaseSince = now;
        this.replication = replication;
    }

    void phase(LinkPhase next, Instant now) {
        if (next != phase) {
            phase = next;
            phaseSince = now;
        }
    }

    String role(Side side) {
        return roles.getOrDefault(side, "SECONDARY");
    }

    boolean primary(Side side) {
        return "PRIMARY".equals(role(side));
    }

    /** @return the only primary side, or null while both or neither are primary */
    Side singlePrimary() {
        boolean sql = primary(Side.SQL_SERVER);
        boolean mi = primary(Side.MANAGED_INSTANCE);
        return sql == mi ? null : sql ? Side.SQL_SERVER : Side.MANAGED_INSTANCE;
    }

    boolean connected() {
        return phase == LinkPhase.SEEDING || phase == LinkPhase.REPLICATING;
    }

    @Override
    public String toString() {
        return "LinkModel[" + name + ", " + phase + ", " + roles + "]";
    }
}
