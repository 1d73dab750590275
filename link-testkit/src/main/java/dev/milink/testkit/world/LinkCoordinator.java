package dev.milink.testkit.world;

import dev.milink.testkit.arm.ArmError;
import dev.milink.testkit.arm.LinkRole;
import dev.milink.testkit.arm.SimulatedLink;
import dev.milink.testkit.sql.catalog.AvailabilityGroupInfo;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import dev.milink.testkit.sql.catalog.HadrEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The link state machine of the world. It discovers links from both halves (SQL Server DAGs, ARM links),
 * matches and trust-checks them, seeds, replicates, switches roles and detaches, evaluated lazily: every
 * {@link #tick()} (before each SQL statement, each ARM request, after each event) brings every link up to
 * the clock. Everything runs under the world lock.
 */
final class LinkCoordinator {

    private final WorldContext ctx;
    private final Map<String, LinkModel> links = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<String> logBackupsDuringSeeding = new ArrayList<>();
    private final TrustCheck trust;
    private final SideObjects objects;
    private final SeedingProcess seeding;
    final RoleSwitch roles;

    LinkCoordinator(WorldContext ctx) {
        this.ctx = ctx;
        this.trust = new TrustCheck(ctx);
        this.objects = new SideObjects(ctx);
        this.seeding = new SeedingProcess(ctx, objects, trust);
        this.roles = new RoleSwitch(ctx, objects);
    }

    /** Brings every link up to the clock. */
    void tick() {
        ctx.locked(() -> {
            discover();
            for (LinkModel m : List.copyOf(links.values())) {
                advance(m);
            }
        });
    }

    private void discover() {
        ctx.catalog(Side.SQL_SERVER).groups().all().stream().filter(AvailabilityGroupInfo::distributed)
                .forEach(g -> model(g.name()));
        WorldSettings s = ctx.settings();
        ctx.arm().links().stream().filter(l -> l.instanceName().equalsIgnoreCase(s.instanceName())
                && l.resourceGroup().equalsIgnoreCase(s.resourceGroup())).forEach(l -> model(l.name()));
    }

    LinkModel model(String name) {
        return links.computeIfAbsent(name, n -> new LinkModel(n, ctx.now(), new Replication(ctx)));
    }

    Optional<LinkModel> existing(String name) {
        return Optional.ofNullable(links.get(name));
    }

    private void advance(LinkModel m) {
        Optional<AvailabilityGroupInfo> sqlDag = ctx.dag(Side.SQL_SERVER, m.name);
        Optional<SimulatedLink> link = ctx.armLink(m.name);
        if (m.sqlDagId != null || m.armLink != null) {
            boolean sqlGone = m.sqlDagId != null && (sqlDag.isEmpty() || !sqlDag.get().groupId().equals(m.sqlDagId));
            boolean armGone = m.armLink != null && (link.isEmpty() || link.get() != m.armLink);
            if (sqlGone || armGone) {
                detach(m, sqlGone, armGone);
            }
        }
        if (sqlDag.isEmpty() && link.isEmpty()) {
            links.remove(m.name);
            return;
        }
        if (m.phase == LinkPhase.DETACHED || m.phase == LinkPhase.SEEDING_FAILED) {
            boolean renewed = sqlDag.isPresent() && link.isPresent()
                    && (!sqlDag.get().groupId().equals(m.sqlDagId) || link.get() != m.armLink);
            if (!renewed) {
                return;
            }
            links.remove(m.name);
            m = model(m.name);
        }
        switch (m.phase) {
            case PENDING, FAILED -> connect(m, sqlDag, link);
            case SEEDING -> seeding.advance(m);
            case REPLICATING -> m.replication.applyDue(m);
            default -> {
                // SEEDING_FAILED and DETACHED wait for the link to be dropped or recreated.
            }
        }
    }

    private void connect(LinkModel m, Optional<AvailabilityGroupInfo> sqlDag, Optional<SimulatedLink> link) {
        if (sqlDag.isEmpty() || link.isEmpty()) {
            boolean late = ctx.now().isAfter(m.phaseSince.plus(ctx.settings().linkInitTimeout()));
            if (link.isPresent() && late && m.lastError == null) {
                LinkFault fault = LinkFault.init(41962, "The link was not initiated within "
                        + ctx.settings().linkInitTimeout().toMinutes() + " minutes: no distributed availability group '"
                        + m.name + "' on SQL Server connected. Check the network in both directions.");
                m.lastError = fault.number();
                link.get().databases().forEach(d -> d.replicaState(fault.armReplicaState()).mostRecentLinkError(fault.armText()));
            }
            return;
        }
        SimulatedLink l = link.get();
        m.database = l.databases().get(0).databaseName();
        m.miAgName = l.instanceAvailabilityGroupName();
        Optional<LinkFault> fault = trust.check(sqlDag.get(), l);
        if (fault.isPresent()) {
            LinkFault f = fault.get();
            if (m.phase == LinkPhase.FAILED && Objects.equals(m.lastError, f.number())) {
                return; // already shown; re-stamping would move last_connect_error_timestamp on every tick
            }
            m.lastError = f.number();
            objects.connection(Side.SQL_SERVER, m.name, false, "NOT_HEALTHY", f);
            l.databases().forEach(d -> d.replicaState(f.armReplicaState()).mostRecentLinkError(f.armText())
                    .connectedState("DISCONNECTED").synchronizationHealth("NOT_HEALTHY"));
            m.phase(LinkPhase.FAILED, ctx.now());
            return;
        }
        m.sqlDagId = sqlDag.get().groupId();
        m.armLink = l;
        m.lastError = null;
        m.roles.put(Side.SQL_SERVER, sqlDag.get().localReplica().orElseThrow().role());
        m.roles.put(Side.MANAGED_INSTANCE, l.instanceLinkRole() == LinkRole.PRIMARY ? "PRIMARY" : "SECONDARY");
        seeding.start(m, l);
        seeding.advance(m);
    }

    private void detach(LinkModel m, boolean sqlGone, boolean armGone) {
        if (m.phase == LinkPhase.SEEDING) {
            seeding.fail(m, LinkFault.creation(41986, "The link was dropped while seeding."), new int[] {21, 41986});
        }
        m.replication.drop();
        if (armGone) {
            objects.removeMiGroups(m, m.miAgName);
            objects.connection(Side.SQL_SERVER, m.name, false, "NOT_HEALTHY", null);
            setSync(Side.SQL_SERVER, m);
            m.roles.put(Side.MANAGED_INSTANCE, "PRIMARY"); // an unlinked database is read/write
            m.armLink = null;
        }
        if (sqlGone) {
            objects.connection(Side.MANAGED_INSTANCE, m.name, false, "NOT_HEALTHY", null);
            setSync(Side.MANAGED_INSTANCE, m);
            ctx.armLink(m.name).ifPresent(l -> l.databases().forEach(d -> d.connectedState("DISCONNECTED")
                    .synchronizationHealth("NOT_HEALTHY")));
            m.sqlDagId = null;
        }
        m.phase(LinkPhase.DETACHED, ctx.now());
    }

    private void setSync(Side side, LinkModel m) {
        ctx.quietly(() -> ctx.dag(side, m.name).filter(d -> m.database != null
                && d.databases().stream().anyMatch(m.database::equalsIgnoreCase)).ifPresent(d ->
                        ctx.catalog(side).groups().setSynchronization(m.name, m.database, "NOT SYNCHRONIZING", "NOT_HEALTHY")));
    }

    // ---- SQL events (T-SQL on either endpoint) ----

    void onSqlEvent(Side side, HadrEvent e) {
        ctx.locked(() -> {
            switch (e.type()) {
                case ROLE_SET -> connected(e.name()).ifPresent(m -> {
                    if ("PRIMARY".equals(e.detail())) {
                        roles.forced(m, side);
                    } else {
                        roles.demote(m, side);
                    }
                });
                case FAILOVER_REQUESTED -> connected(e.name()).ifPresent(m -> roles.planned(m, side));
                case AVAILABILITY_MODE_CHANGED -> connected(e.name()).filter(m -> m.replication.synchronous(m))
                        .ifPresent(m -> m.replication.flush(m));
                case DATA_WRITTEN -> byDatabase(e.name()).forEach(m -> m.replication.onWrite(m, side, new BigDecimal(e.detail())));
                case LOG_BACKUP_DURING_SEEDING -> {
                    logBackupsDuringSeeding.add(e.name());
                    byDatabase(e.name()).stream().filter(m -> m.phase == LinkPhase.SEEDING && m.seedingSource == side)
                            .forEach(seeding::logBackupDuringSeeding);
                }
                default -> {
                    // creations and drops are picked up by the tick below
                }
            }
            tick();
        });
    }

    private Optional<LinkModel> connected(String name) {
        return existing(name).filter(LinkModel::connected);
    }

    private List<LinkModel> byDatabase(String database) {
        return links.values().stream().filter(m -> database.equalsIgnoreCase(m.database)).toList();
    }

    // ---- ARM ----

    /** Validates a new ARM link against the Managed Instance catalog and shows it as being created. */
    void armCreated(SimulatedLink link) {
        if (link.databases().size() != 1) {
            throw new ArmError(400, "InvalidParameterValue", "A Managed Instance link replicates exactly one database, "
                    + "but " + link.databases().size() + " were given.");
        }
        String db = link.databases().get(0).databaseName();
        boolean onMi = ctx.catalog(Side.MANAGED_INSTANCE).database(db).isPresent();
        if (link.instanceLinkRole() == LinkRole.PRIMARY && !onMi) {
            throw new ArmError(400, "InvalidParameterValue", "Database '" + db + "' does not exist on managed instance '"
                    + link.instanceName() + "', so the instance cannot be the initial primary.");
        }
        if (link.instanceLinkRole() == LinkRole.SECONDARY && onMi) {
            throw new ArmError(409, "RemoteDatabaseExists", "Database '" + db + "' already exists on managed instance '"
                    + link.instanceName() + "'.");
        }
        link.databases().forEach(d -> d.replicaState("CreatingLink").seedingProgress(null).connectedState("DISCONNECTED")
                .synchronizationHealth("NOT_HEALTHY"));
        LinkModel m = model(link.name());
        if (m.phase == LinkPhase.PENDING) {
            m.phaseSince = ctx.now();
        }
    }

    /** @return LSNs of the link's database on SQL Server and on the instance, for the planned-failover gate */
    BigDecimal[] lsns(LinkModel m) {
        return new BigDecimal[] {lsn(Side.SQL_SERVER, m.database), lsn(Side.MANAGED_INSTANCE, m.database)};
    }

    private BigDecimal lsn(Side side, String db) {
        return ctx.catalog(side).database(db).map(DatabaseInfo::endOfLogLsn).orElse(null);
    }

    /** @return the side whose copy of the database takes writes: the link's only primary, else where it exists */
    Side primarySide(String database) {
        return ctx.locked(() -> {
            tick();
            for (LinkModel m : links.values()) {
                if (database.equalsIgnoreCase(m.database) && m.connected() && m.singlePrimary() != null) {
                    return m.singlePrimary();
                }
            }
            return ctx.catalog(Side.SQL_SERVER).database(database).isPresent()
                    && !ctx.catalog(Side.SQL_SERVER).groups().isSecondary(database) ? Side.SQL_SERVER : Side.MANAGED_INSTANCE;
        });
    }

    /** @return names of databases backed up (log) while seeding, in order */
    List<String> logBackupsDuringSeeding() {
        return ctx.locked(() -> List.copyOf(logBackupsDuringSeeding));
    }
}
