package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.catalog.AvailabilityGroupInfo;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import dev.milink.testkit.sql.catalog.HadrCatalogGroups;
import dev.milink.testkit.sql.catalog.HadrEvent;
import dev.milink.testkit.sql.catalog.ReplicaInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** CREATE / ALTER / DROP AVAILABILITY GROUP, plain and distributed, including failover and role changes. */
final class AgDdl {

    private AgDdl() {
    }

    static void create(ExecContext ctx, Specs.Group spec) throws SqlError {
        HadrCatalog c = ctx.catalog();
        precheck(ctx, spec.name());
        if (c.endpoints().isEmpty()) {
            throw Errors.error(41158, "Failed to join local availability replica to availability group '"
                    + spec.name() + "'. The database mirroring endpoint does not exist on this instance.");
        }
        List<String> databases = new ArrayList<>();
        for (String db : spec.databases()) {
            databases.add(checkJoinable(c, db, spec.name()).name());
        }
        String server = ctx.config().serverName();
        if (spec.members().stream().noneMatch(m -> m.name().equalsIgnoreCase(server))) {
            throw Errors.error(35237, "None of the specified replicas for availability group " + spec.name()
                    + " maps to the instance of SQL Server to which you are connected. Reenter the command, "
                    + "specifying this server instance to host one of the replicas.");
        }
        List<ReplicaInfo> replicas = new ArrayList<>();
        for (Specs.Member m : spec.members()) {
            boolean local = m.name().equalsIgnoreCase(server);
            replicas.add(replica(m, m.options().get("ENDPOINT_URL"), local, local ? "PRIMARY" : "SECONDARY"));
        }
        c.groups().put(new AvailabilityGroupInfo(UUID.randomUUID(), spec.name(), false,
                spec.options().getOrDefault("CLUSTER_TYPE", "WSFC"), replicas, databases, false));
        ctx.done();
    }

    static void createDistributed(ExecContext ctx, Specs.Group spec) throws SqlError {
        HadrCatalogGroups g = ctx.catalog().groups();
        precheck(ctx, spec.name());
        if (spec.members().size() != 2) {
            throw Errors.error(102, 15, "Incorrect syntax near '" + spec.name()
                    + "'. A distributed availability group has exactly two availability groups.");
        }
        Specs.Member first = spec.members().get(0);
        AvailabilityGroupInfo localAg = g.group(first.name()).filter(x -> !x.distributed())
                .orElseThrow(() -> Errors.notFound("find", "availability group", first.name()));
        String localRole = localAg.databases().isEmpty() ? "SECONDARY" : "PRIMARY";
        String remoteRole = "PRIMARY".equals(localRole) ? "SECONDARY" : "PRIMARY";
        List<ReplicaInfo> replicas = List.of(
                replica(first, first.options().get("LISTENER_URL"), true, localRole),
                replica(spec.members().get(1), spec.members().get(1).options().get("LISTENER_URL"), false, remoteRole));
        g.put(new AvailabilityGroupInfo(UUID.randomUUID(), spec.name(), true, "NONE", replicas, localAg.databases(),
                false));
        ctx.done();
    }

    private static ReplicaInfo replica(Specs.Member m, String url, boolean local, String role) {
        Map<String, String> o = m.options();
        String timeout = o.get("SESSION_TIMEOUT");
        return new ReplicaInfo(UUID.randomUUID(), m.name(), url, o.getOrDefault("AVAILABILITY_MODE",
                "ASYNCHRONOUS_COMMIT"), o.getOrDefault("FAILOVER_MODE", "MANUAL"), o.getOrDefault("SEEDING_MODE",
                "MANUAL"), timeout == null ? null : Integer.valueOf(timeout), local, role,
                local ? "CONNECTED" : "DISCONNECTED", local ? "HEALTHY" : "NOT_HEALTHY", null, null, null);
    }

    private static void precheck(ExecContext ctx, String name) throws SqlError {
        if (!ctx.catalog().hadrEnabled()) {
            throw Errors.error(35221, "Could not process the operation. Always On Availability Groups replica "
                    + "manager is disabled on this instance of SQL Server. Enable Always On Availability Groups, by "
                    + "using the SQL Server Configuration Manager. Then, restart the SQL Server service, and retry the "
                    + "currently operation.");
        }
        if (ctx.catalog().groups().group(name).isPresent()) {
            throw Errors.error(41042, "The availability group '" + name + "' already exists. This error could be "
                    + "caused by a previous failed CREATE AVAILABILITY GROUP or DROP AVAILABILITY GROUP operation.");
        }
    }

    /** Checks a database can join an AG: exists, user db, FULL recovery, non-copy-only full backup, not in an AG. */
    static DatabaseInfo checkJoinable(HadrCatalog c, String db, String group) throws SqlError {
        DatabaseInfo d = c.database(db).orElseThrow(() -> Errors.error(911, "Database '" + db
                + "' does not exist. Make sure that the name is entered correctly."));
        if (d.databaseId() <= 4) {
            throw Errors.error(35249, "An attempt to add or join a system database, '" + d.name()
                    + "', to an availability group failed. Specify only user databases for this operation.");
        }
        if (c.groups().agOfDatabase(d.name()).isPresent()) {
            throw Errors.error(41145, "Cannot join database '" + d.name() + "' to availability group '" + group
                    + "'. The database has already joined availability group '"
                    + c.groups().agOfDatabase(d.name()).get().name() + "'.");
        }
        if (!"FULL".equals(d.recoveryModel())) {
            throw Errors.error(1475, "Database \"" + d.name() + "\" is not in the FULL recovery model (it is "
                    + d.recoveryModel() + "). Set RECOVERY FULL and take a full database backup.");
        }
        boolean fullBackup = c.backups().stream().anyMatch(b -> b.databaseName().equalsIgnoreCase(d.name())
                && "D".equals(b.type()) && !b.copyOnly());
        if (!fullBackup) {
            throw Errors.error(1475, "Database \"" + d.name() + "\" might contain bulk logged changes that have not "
                    + "been backed up. Take a log backup on the principal database or primary database. Then "
                    + "restore this backup either on the mirror database to enable database mirroring or on every "
                    + "secondary database to enable you to join it to the availability group.");
        }
        return d;
    }

    static AvailabilityGroupInfo requireGroup(ExecContext ctx, String name, String verb) throws SqlError {
        return ctx.catalog().groups().group(name)
                .orElseThrow(() -> Errors.notFound(verb, "availability group", name));
    }

    static void grantCreateAnyDatabase(ExecContext ctx, String name) throws SqlError {
        AvailabilityGroupInfo g = requireGroup(ctx, name, "alter");
        ctx.catalog().groups().put(g.withCreateAnyDatabase());
        ctx.done();
    }

    static void modifyMembers(ExecContext ctx, String name, List<Specs.Member> members) throws SqlError {
        AvailabilityGroupInfo g = requireGroup(ctx, name, "alter");
        for (Specs.Member m : members) {
            if (g.replica(m.name()).isEmpty()) {
                throw Errors.error(35223, "Cannot modify availability replica '" + m.name()
                        + "'. It is not a replica of availability group '" + g.name() + "'.");
            }
        }
        AvailabilityGroupInfo next = g;
        for (Specs.Member m : members) {
            String mode = m.options().get("AVAILABILITY_MODE");
            if (mode != null) {
                next = next.mapReplicas(r -> r.serverName().equalsIgnoreCase(m.name()) ? r.withAvailabilityMode(mode) : r);
            }
        }
        ctx.catalog().groups().put(next);
        ctx.catalog().fire(HadrEvent.Type.AVAILABILITY_MODE_CHANGED, g.name(), members.toString());
        ctx.done();
    }

    static void failover(ExecContext ctx, String name) throws SqlError {
        HadrCatalogGroups groups = ctx.catalog().groups();
        AvailabilityGroupInfo g = requireGroup(ctx, name, "alter");
        boolean primary = g.localReplica().map(r -> "PRIMARY".equals(r.role())).orElse(false);
        if (!g.distributed()) {
            if (primary) {
                throw Errors.error(41122, "Cannot failover availability group '" + g.name() + "' to this instance of "
                        + "SQL Server. The local availability replica is already the primary replica of the "
                        + "availability group.");
            }
            groups.setLocalRole(g.name(), "PRIMARY");
        } else {
            if (!primary || !groups.synchronizedRemotes(g.name())) {
                throw Errors.error(41142, "The availability replica for availability group '" + g.name() + "' on "
                        + "this instance of SQL Server cannot become the primary replica. One or more databases are "
                        + "not synchronized or have not joined the availability group."
                        + (primary ? "" : " (run FAILOVER on the current primary of the distributed availability group)"));
            }
            groups.setLocalRole(g.name(), "SECONDARY");
        }
        ctx.catalog().fire(HadrEvent.Type.FAILOVER_REQUESTED, g.name(), g.distributed() ? "SECONDARY" : "PRIMARY");
        ctx.done();
    }

    static void forceFailover(ExecContext ctx, String name) throws SqlError {
        AvailabilityGroupInfo g = requireGroup(ctx, name, "alter");
        if (g.localReplica().map(r -> "PRIMARY".equals(r.role())).orElse(false)) {
            throw Errors.error(41122, "Cannot failover availability group '" + g.name() + "' to this instance of "
                    + "SQL Server. The local availability replica is already the primary replica of the availability "
                    + "group.");
        }
        ctx.catalog().groups().setLocalRole(g.name(), "PRIMARY");
        ctx.catalog().fire(HadrEvent.Type.FORCED_FAILOVER_REQUESTED, g.name(), "PRIMARY");
        ctx.done();
    }

    static void setRole(ExecContext ctx, String name, String role) throws SqlError {
        AvailabilityGroupInfo g = requireGroup(ctx, name, "alter");
        if (!"SECONDARY".equals(role) || !g.distributed()) {
            throw Errors.error(102, 15, "Incorrect syntax near '" + role
                    + "'. SET (ROLE = SECONDARY) applies to a distributed availability group.");
        }
        ctx.catalog().groups().setLocalRole(g.name(), "SECONDARY");
        ctx.done();
    }

    static void addDatabase(ExecContext ctx, String name, String db) throws SqlError {
        AvailabilityGroupInfo g = requireGroup(ctx, name, "alter");
        DatabaseInfo d = checkJoinable(ctx.catalog(), db, g.name());
        List<String> dbs = new ArrayList<>(g.databases());
        dbs.add(d.name());
        ctx.catalog().groups().put(g.withDatabases(dbs));
        ctx.done();
    }

    static void removeDatabase(ExecContext ctx, String name, String db) throws SqlError {
        AvailabilityGroupInfo g = requireGroup(ctx, name, "alter");
        if (g.databases().stream().noneMatch(db::equalsIgnoreCase)) {
            throw Errors.error(35243, "Failed to remove database '" + db + "' from availability group '" + g.name()
                    + "'. The database is not joined to the availability group.");
        }
        ctx.catalog().groups().put(g.withDatabases(g.databases().stream().filter(x -> !x.equalsIgnoreCase(db))
                .toList()));
        ctx.done();
    }

    static void drop(ExecContext ctx, String name) throws SqlError {
        AvailabilityGroupInfo g = requireGroup(ctx, name, "drop");
        ctx.catalog().groups().remove(g.name());
        ctx.done();
    }

}
