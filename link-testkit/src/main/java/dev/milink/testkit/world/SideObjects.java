package dev.milink.testkit.world;

import dev.milink.testkit.arm.LinkRole;
import dev.milink.testkit.arm.SimulatedLink;
import dev.milink.testkit.sql.catalog.AvailabilityGroupInfo;
import dev.milink.testkit.sql.catalog.HadrCatalogGroups;
import dev.milink.testkit.sql.catalog.ReplicaInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates and changes the availability group objects the world owns: on the Managed Instance the AG and DAG
 * that ARM materialises, on either side the database membership a seeding adds, roles and connection state.
 * Every change is made quietly, so the world does not react to its own events.
 */
final class SideObjects {

    private final WorldContext ctx;

    SideObjects(WorldContext ctx) {
        this.ctx = ctx;
    }

    /** Creates (or refreshes) the MI-side AG and DAG of a link, holding {@code database} when given. */
    void ensureMiGroups(LinkModel m, SimulatedLink link, String database) {
        HadrCatalogGroups g = ctx.catalog(Side.MANAGED_INSTANCE).groups();
        WorldSettings s = ctx.settings();
        List<String> dbs = database == null ? List.of() : List.of(database);
        String miUrl = "tcp://" + s.fqdn() + ":5022";
        String mode = "Sync".equalsIgnoreCase(link.replicationMode()) ? "SYNCHRONOUS_COMMIT" : "ASYNCHRONOUS_COMMIT";
        ctx.quietly(() -> {
            AvailabilityGroupInfo ag = g.group(link.instanceAvailabilityGroupName()).orElseGet(() ->
                    new AvailabilityGroupInfo(UUID.randomUUID(), link.instanceAvailabilityGroupName(), false, "NONE",
                            List.of(replica(s.instanceName(), "TCP://" + s.fqdn() + ":5022", mode, true, "PRIMARY")),
                            List.of(), true));
            g.put(ag.withDatabases(dbs));
            String miRole = link.instanceLinkRole() == LinkRole.PRIMARY ? "PRIMARY" : "SECONDARY";
            String sqlRole = "PRIMARY".equals(miRole) ? "SECONDARY" : "PRIMARY";
            AvailabilityGroupInfo dag = g.group(m.name).orElseGet(() -> new AvailabilityGroupInfo(UUID.randomUUID(),
                    m.name, true, "NONE", List.of(replica(link.instanceAvailabilityGroupName(), miUrl, mode, true, miRole),
                            replica(link.partnerAvailabilityGroupName(), link.partnerEndpoint(), mode, false, sqlRole)),
                    List.of(), false));
            g.put(dag.withDatabases(dbs));
        });
    }

    private static ReplicaInfo replica(String name, String url, String mode, boolean local, String role) {
        return new ReplicaInfo(UUID.randomUUID(), name, url, mode, "MANUAL", "AUTOMATIC", 20, local, role,
                local ? "CONNECTED" : "DISCONNECTED", local ? "HEALTHY" : "NOT_HEALTHY", null, null, null);
    }

    /** Removes the MI-side DAG and AG (the ARM link was deleted); the database stays. */
    void removeMiGroups(LinkModel m, String miAgName) {
        HadrCatalogGroups g = ctx.catalog(Side.MANAGED_INSTANCE).groups();
        ctx.quietly(() -> {
            g.remove(m.name);
            if (miAgName != null && g.dagsOver(miAgName).isEmpty()) {
                g.remove(miAgName);
            }
        });
    }

    /** Adds the database to the side's local AG and to the DAG (a seeded database joins both). */
    void addDatabase(Side side, String dagName, String database) {
        HadrCatalogGroups g = ctx.catalog(side).groups();
        ctx.quietly(() -> {
            Optional<AvailabilityGroupInfo> dag = g.group(dagName);
            if (dag.isEmpty()) {
                return;
            }
            dag.get().localReplica().flatMap(r -> g.group(r.serverName())).ifPresent(ag -> g.put(withDb(ag, database)));
            g.put(withDb(g.group(dagName).orElseThrow(), database));
        });
    }

    private static AvailabilityGroupInfo withDb(AvailabilityGroupInfo group, String database) {
        if (group.databases().stream().anyMatch(database::equalsIgnoreCase)) {
            return group;
        }
        List<String> dbs = new ArrayList<>(group.databases());
        dbs.add(database);
        return group.withDatabases(dbs);
    }

    /** Sets the side's local DAG role (the remote member gets the opposite in that catalog). */
    void role(Side side, String dagName, String role) {
        ctx.quietly(() -> ctx.dag(side, dagName).ifPresent(d -> ctx.catalog(side).groups().setLocalRole(dagName, role)));
    }

    /** Sets the remote member's connection state (and last connect error) in the side's DAG. */
    void connection(Side side, String dagName, boolean connected, String health, LinkFault fault) {
        ctx.quietly(() -> ctx.dag(side, dagName).ifPresent(d -> d.replicas().stream().filter(r -> !r.local())
                .forEach(r -> ctx.catalog(side).groups().setReplicaConnection(dagName, r.serverName(),
                        connected ? "CONNECTED" : "DISCONNECTED", health, fault == null ? null : fault.number(),
                        fault == null ? null : fault.text()))));
    }

    /** @return the name of the DAG's remote member in the side's catalog */
    Optional<String> remoteMember(Side side, String dagName) {
        return ctx.dag(side, dagName).flatMap(d -> d.replicas().stream().filter(r -> !r.local()).findFirst())
                .map(ReplicaInfo::serverName);
    }
}
