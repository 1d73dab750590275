package dev.milink.core.internal;

import dev.milink.DatabaseLink;
import dev.milink.DatabaseName;
import dev.milink.InitialPrimary;
import dev.milink.LinkPlan;
import dev.milink.LinkPlanningException;
import dev.milink.SqlServerVersion;
import dev.milink.core.CheckResult;
import dev.milink.core.CheckStatus;
import dev.milink.core.EndpointProbe;
import dev.milink.state.DatabaseState;
import dev.milink.state.EndpointState;
import dev.milink.state.InstanceFacts;
import dev.milink.state.LinkResourceState;
import dev.milink.state.ServerFacts;
import dev.milink.state.SqlServerState;
import dev.milink.step.Prerequisite;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Evaluates one prerequisite against state already read. Pure apart from the injected endpoint probe. */
public final class PrerequisiteRules {

    /** SQL Server 2022 CU10: the first build on which the Managed Instance can be the initial primary. */
    static final String MI_PRIMARY_MINIMUM = "16.0.4095.4";
    /** SQL Server 2022 fails a distributed availability group over with T-SQL from CU13 on. */
    static final String TSQL_FAILOVER_MINIMUM = "16.0.4125.3";
    /** Links count against the database limit: 100 on General Purpose and Business Critical. */
    static final int DEFAULT_DATABASE_LIMIT = 100;
    /** The largest replication lag a planned failover accepts unless configured otherwise. */
    public static final java.time.Duration DEFAULT_MAX_LAG = java.time.Duration.ofSeconds(60);

    private final LinkPlan plan;
    private final SqlServerState sql;
    private final InstanceFacts instance;
    private final List<String> miDatabases;
    private final Optional<List<LinkResourceState>> miLinks;
    private final EndpointProbe probe;
    private final GateRules gates;

    /**
     * @param plan the plan
     * @param sql SQL Server's state
     * @param instance the instance's facts (null when not read)
     * @param miDatabases the instance's databases
     * @param miLinks the instance's links, when read
     * @param probe the endpoint probe
     */
    public PrerequisiteRules(LinkPlan plan, SqlServerState sql, InstanceFacts instance, List<String> miDatabases,
            Optional<List<LinkResourceState>> miLinks, EndpointProbe probe) {
        this(plan, sql, instance, miDatabases, miLinks, probe, DEFAULT_MAX_LAG);
    }

    /**
     * @param plan the plan
     * @param sql SQL Server's state
     * @param instance the instance's facts (null when not read)
     * @param miDatabases the instance's databases
     * @param miLinks the instance's links, when read
     * @param probe the endpoint probe
     * @param maxLag the largest replication lag a planned failover accepts
     */
    public PrerequisiteRules(LinkPlan plan, SqlServerState sql, InstanceFacts instance, List<String> miDatabases,
            Optional<List<LinkResourceState>> miLinks, EndpointProbe probe, java.time.Duration maxLag) {
        this.gates = new GateRules(plan, sql, miLinks, maxLag);
        this.plan = plan;
        this.sql = sql;
        this.instance = instance;
        this.miDatabases = List.copyOf(miDatabases);
        this.miLinks = miLinks;
        this.probe = probe;
    }

    /**
     * @param p the prerequisite
     * @param db the database for per-database checks
     * @return the result
     */
    public CheckResult evaluate(Prerequisite p, Optional<DatabaseName> db) {
        ServerFacts server = sql.server();
        return switch (p) {
            case SQL_SERVER_VERSION -> version(server);
            case HADR_ENABLED -> result(p, db, server.hadrEnabled(), "IsHadrEnabled = " + (server.hadrEnabled() ? 1 : 0));
            case SYSADMIN -> result(p, db, server.sysadmin(), server.sysadmin() ? "sysadmin" : "not a sysadmin member");
            case DATABASE_ONLINE -> database(p, db, d -> "ONLINE".equalsIgnoreCase(d.state()), d -> "state " + d.state());
            case RECOVERY_FULL -> database(p, db, d -> "FULL".equalsIgnoreCase(d.recoveryModel()), d -> "recovery model " + d.recoveryModel());
            case FULL_BACKUP -> database(p, db, DatabaseState::hasFullBackup,
                    d -> d.hasFullBackup() ? "non-COPY_ONLY full backup found" : "no non-COPY_ONLY full backup");
            case SINGLE_LOG_FILE -> database(p, db, d -> d.logFileCount() == 1, d -> d.logFileCount() + " log file(s)");
            case NOT_IN_AVAILABILITY_GROUP -> database(p, db,
                    d -> d.availabilityGroup().isEmpty() || d.availabilityGroup().get().equalsIgnoreCase(link(db).sqlServerAvailabilityGroup()),
                    d -> d.availabilityGroup().map(g -> "in availability group [" + g + "]").orElse("in no availability group"));
            case ENDPOINT_SHAPE -> endpoint();
            case TRACE_FLAGS -> {
                boolean ok = server.globalTraceFlags().containsAll(List.of(1800, 9567));
                yield result(p, db, ok, "global trace flags " + server.globalTraceFlags());
            }
            case COLLATION_MATCH -> needInstance(p, db).orElseGet(() -> result(p, db,
                    String.valueOf(server.collation()).equals(instance.collation()),
                    "SQL Server " + server.collation() + ", Managed Instance " + instance.collation()));
            case UPDATE_POLICY -> needInstance(p, db).orElseGet(this::updatePolicy);
            case LINK_CAPACITY -> capacity();
            case DATABASE_NAME_FREE -> nameFree(db);
            case DATABASE_ON_MANAGED_INSTANCE -> result(p, db, onInstance(db.orElseThrow()),
                    onInstance(db.orElseThrow()) ? "present on the Managed Instance" : "absent on the Managed Instance");
            case LINK_NAME_FREE -> linkNameFree(db);
            case ENDPOINT_REACHABLE -> reachable();
            case LSNS_IN_SYNC -> lsnsInSync(db);
            case FAILOVER_ROLES, LINK_SYNCHRONIZED, SPLIT_BRAIN -> gates.evaluate(p, db);
        };
    }

    private CheckResult version(ServerFacts server) {
        Prerequisite p = Prerequisite.SQL_SERVER_VERSION;
        String observed = "ProductVersion " + server.productVersion() + " (" + server.edition() + ")";
        SqlServerVersion actual;
        try {
            actual = SqlServerVersion.ofMajor(server.majorVersion());
        } catch (LinkPlanningException e) {
            return result(p, Optional.empty(), false, observed + ": not a version the link supports");
        }
        boolean miPrimary = plan.spec().initialPrimary() == InitialPrimary.MANAGED_INSTANCE;
        boolean tsqlFailover = plan.steps().stream().anyMatch(s -> s instanceof dev.milink.step.FailoverOnSqlServer f
                && f.type() == dev.milink.FailoverType.PLANNED);
        String minimum = actual != SqlServerVersion.SQL_SERVER_2022 ? actual.minimumBuild()
                : tsqlFailover ? TSQL_FAILOVER_MINIMUM : miPrimary ? MI_PRIMARY_MINIMUM : actual.minimumBuild();
        if (!server.buildAtLeast(minimum)) {
            return result(p, Optional.empty(), false, observed + " is below the minimum " + minimum);
        }
        if (actual != plan.spec().sqlServerVersion()) {
            return result(p, Optional.empty(), false, observed + " is " + actual.displayName() + " but the plan was made for "
                    + plan.spec().sqlServerVersion().displayName() + "; re-plan with .sqlServerVersion(...)");
        }
        return result(p, Optional.empty(), true, observed + " >= " + minimum);
    }

    private CheckResult endpoint() {
        Prerequisite p = Prerequisite.ENDPOINT_SHAPE;
        Optional<EndpointState> endpoint = sql.mirroringEndpoint();
        if (endpoint.isEmpty()) {
            return result(p, Optional.empty(), true, "no DATABASE_MIRRORING endpoint yet; the plan creates it");
        }
        EndpointState e = endpoint.get();
        String observed = "[" + e.name() + "] port " + e.port() + ", " + e.state() + ", " + e.authentication() + ", "
                + (e.encryptionEnabled() ? e.encryptionAlgorithm() : "no encryption");
        if (e.port() != plan.spec().endpointPort()) {
            return result(p, Optional.empty(), false, observed + "; the plan expects port " + plan.spec().endpointPort());
        }
        return result(p, Optional.empty(), e.suitsLink(), observed);
    }

    private CheckResult updatePolicy() {
        Prerequisite p = Prerequisite.UPDATE_POLICY;
        int major = sql.server().majorVersion();
        String expected = major >= 17 ? "SQLServer2025" : "SQLServer2022";
        return result(p, Optional.empty(), expected.equalsIgnoreCase(instance.updatePolicy()),
                "update policy " + instance.updatePolicy() + ", SQL Server major " + major + " needs " + expected);
    }

    private CheckResult capacity() {
        long newLinks = plan.spec().links().stream().filter(l -> !onInstance(l.database())).count();
        int total = miDatabases.size() + (int) newLinks;
        return result(Prerequisite.LINK_CAPACITY, Optional.empty(), total <= DEFAULT_DATABASE_LIMIT,
                miDatabases.size() + " database(s) + " + newLinks + " new link(s) = " + total + " of "
                        + DEFAULT_DATABASE_LIMIT + " (General Purpose/Business Critical; Next-gen allows 500, tier not reported)");
    }

    private CheckResult nameFree(Optional<DatabaseName> db) {
        DatabaseName name = db.orElseThrow();
        if (!onInstance(name)) {
            return result(Prerequisite.DATABASE_NAME_FREE, db, true, "no database [" + name + "] on the Managed Instance");
        }
        // On a rerun the database exists because this very link seeded it: SQL Server then holds the link's DAG.
        boolean ours = sql.availabilityGroup(link(db).linkName()).filter(g -> g.distributed()).isPresent();
        return result(Prerequisite.DATABASE_NAME_FREE, db, ours, ours
                ? "[" + name + "] exists on the Managed Instance, seeded by link [" + link(db).linkName() + "]"
                : "a database [" + name + "] already exists on the Managed Instance");
    }

    private CheckResult linkNameFree(Optional<DatabaseName> db) {
        DatabaseLink link = link(db);
        if (miLinks.isEmpty()) {
            return new CheckResult(Prerequisite.LINK_NAME_FREE, db, CheckStatus.NOT_EVALUATED,
                    "links not listed (first run); an ARM conflict on create would name a clash",
                    Prerequisite.LINK_NAME_FREE.rule(), Prerequisite.LINK_NAME_FREE.fix());
        }
        Optional<LinkResourceState> existing = miLinks.get().stream().filter(l -> l.name().equalsIgnoreCase(link.linkName())).findFirst();
        if (existing.isEmpty()) {
            return result(Prerequisite.LINK_NAME_FREE, db, true, "no link [" + link.linkName() + "]");
        }
        LinkResourceState l = existing.get();
        boolean same = l.partnerAvailabilityGroup().equalsIgnoreCase(link.sqlServerAvailabilityGroup())
                && l.instanceAvailabilityGroup().equalsIgnoreCase(link.managedInstanceAvailabilityGroup());
        return result(Prerequisite.LINK_NAME_FREE, db, same, "link [" + l.name() + "] exists between ["
                + l.partnerAvailabilityGroup() + "] and [" + l.instanceAvailabilityGroup() + "]" + (same ? " (this link)" : ""));
    }

    private CheckResult lsnsInSync(Optional<DatabaseName> db) {
        Prerequisite p = Prerequisite.LSNS_IN_SYNC;
        DatabaseLink link = link(db);
        if (miLinks.isEmpty()) {
            return new CheckResult(p, db, CheckStatus.NOT_EVALUATED, "links not read", p.rule(), p.fix());
        }
        Optional<LinkResourceState> onMi = miLinks.get().stream().filter(l -> l.name().equalsIgnoreCase(link.linkName())).findFirst();
        Optional<dev.milink.state.AvailabilityGroupState> dag = sql.availabilityGroup(link.linkName()).filter(g -> g.distributed());
        if (onMi.isEmpty() || dag.isEmpty()) {
            // With one side already gone nothing more can reach the secondary: finishing the drop loses nothing further.
            return result(p, db, true, "link [" + link.linkName() + "] is already gone on " + (onMi.isEmpty() ? "the Managed Instance" : "SQL Server"));
        }
        String name = db.orElseThrow().value();
        Optional<java.math.BigInteger> sqlLsn = dag.get().replicas().stream().sorted((a, b) -> Boolean.compare(b.local(), a.local()))
                .flatMap(r -> r.databases().stream()).filter(d -> d.database().equalsIgnoreCase(name))
                .map(dev.milink.state.DatabaseReplicaState::lastHardenedLsn).filter(java.util.Objects::nonNull).findFirst();
        Optional<java.math.BigInteger> miLsn = onMi.get().database(name).flatMap(dev.milink.state.LinkDatabaseState::lastHardenedLsn);
        boolean equal = sqlLsn.isPresent() && sqlLsn.equals(miLsn);
        return result(p, db, equal, "last hardened LSN on SQL Server " + sqlLsn.map(Object::toString).orElse("unknown")
                + ", on the Managed Instance " + miLsn.map(Object::toString).orElse("unknown"));
    }

    private CheckResult reachable() {
        String host = plan.spec().sqlServer().endpoint().host();
        int port = plan.spec().sqlServer().endpoint().port();
        Optional<String> problem = probe.probe(host, port);
        return result(Prerequisite.ENDPOINT_REACHABLE, Optional.empty(), problem.isEmpty(), host + ":" + port
                + (problem.isEmpty() ? " reachable from this machine (not proof that the Managed Instance can reach it)"
                        : " not reachable from this machine: " + problem.get()));
    }

    private CheckResult database(Prerequisite p, Optional<DatabaseName> db, java.util.function.Predicate<DatabaseState> rule,
            java.util.function.Function<DatabaseState, String> describe) {
        Optional<DatabaseState> state = sql.database(db.orElseThrow().value());
        if (state.isEmpty()) {
            return result(p, db, false, "database [" + db.get() + "] not found on SQL Server");
        }
        return result(p, db, rule.test(state.get()), describe.apply(state.get()));
    }

    private Optional<CheckResult> needInstance(Prerequisite p, Optional<DatabaseName> db) {
        return instance == null ? Optional.of(new CheckResult(p, db, CheckStatus.NOT_EVALUATED,
                "Managed Instance facts not read", p.rule(), p.fix())) : Optional.empty();
    }

    private boolean onInstance(DatabaseName db) {
        return miDatabases.stream().anyMatch(n -> n.equalsIgnoreCase(db.value()));
    }

    private DatabaseLink link(Optional<DatabaseName> db) {
        return plan.spec().link(db.orElseThrow());
    }

    private static CheckResult result(Prerequisite p, Optional<DatabaseName> db, boolean holds, String observed) {
        CheckStatus failed = p.severity() == Prerequisite.Severity.ERROR ? CheckStatus.FAILED : CheckStatus.WARNING;
        return new CheckResult(p, db, holds ? CheckStatus.PASSED : failed, observed.toLowerCase(Locale.ROOT).isEmpty() ? "-" : observed,
                p.rule(), p.fix());
    }
}
