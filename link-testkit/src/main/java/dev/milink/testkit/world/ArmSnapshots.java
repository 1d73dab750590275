package dev.milink.testkit.world;

import dev.milink.testkit.arm.SimulatedLink;
import dev.milink.testkit.arm.SimulatedLinkDatabase;
import java.math.BigInteger;
import java.util.List;

/** Reads the instance's ARM resources into an {@link ArmSnapshot}. */
final class ArmSnapshots {

    private ArmSnapshots() {
    }

    static ArmSnapshot of(WorldContext ctx) {
        WorldSettings s = ctx.settings();
        List<ArmSnapshot.Link> links = ctx.arm().links().stream()
                .filter(l -> l.instanceName().equalsIgnoreCase(s.instanceName())).map(ArmSnapshots::link).toList();
        return new ArmSnapshot(ctx.arm().trustCertificateThumbprints(s.subscriptionId(), s.resourceGroup(), s.instanceName()),
                ctx.arm().databases(s.subscriptionId(), s.resourceGroup(), s.instanceName()), links);
    }

    private static ArmSnapshot.Link link(SimulatedLink l) {
        return new ArmSnapshot.Link(l.name(), l.instanceLinkRole().wireName(), l.partnerLinkRole().wireName(),
                l.replicationMode(), l.databases().stream().map(ArmSnapshots::database).toList());
    }

    private static ArmSnapshot.Database database(SimulatedLinkDatabase d) {
        BigInteger lsn = d.lsn(SimulatedLinkDatabase.Lsn.HARDENED);
        return new ArmSnapshot.Database(d.databaseName(), d.replicaState(), d.seedingProgress(),
                d.synchronizationHealth(), d.connectedState(), lsn == null ? null : lsn.toString(), d.mostRecentLinkError());
    }
}
