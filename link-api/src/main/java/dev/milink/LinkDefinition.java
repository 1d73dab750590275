package dev.milink;

import dev.milink.plan.CreatePlanner;
import dev.milink.plan.DropPlanner;
import dev.milink.plan.LifecyclePlanner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A link definition with its options. Every option has a safe default; {@link #plan()} validates the
 * combination and derives the creation plan without touching anything.
 */
public final class LinkDefinition {

    /** The endpoint name the documentation uses. */
    public static final String DEFAULT_ENDPOINT_NAME = "database_mirroring_endpoint";
    /** The DNS name Azure's root authorities are trusted for in Azure's public cloud. */
    public static final String DEFAULT_ISSUER_DNS_NAME = "*.database.windows.net";

    private final InitialPrimary initialPrimary;
    private final SqlServerInstance sqlServer;
    private ManagedInstance managedInstance;
    private final Map<DatabaseName, DatabaseLink> links = new LinkedHashMap<>();
    private String endpointName = DEFAULT_ENDPOINT_NAME;
    private Integer endpointPort;
    private String certificateName;
    private LocalDate certificateExpiry;
    private SeedingMode seedingMode = SeedingMode.AUTOMATIC;
    private SqlServerVersion sqlServerVersion = SqlServerVersion.SQL_SERVER_2022;
    private boolean twoWayDr;
    private String issuerDnsName;
    private String firstLogBackupPath;

    LinkDefinition(InitialPrimary initialPrimary, SqlServerInstance sqlServer, ManagedInstance managedInstance) {
        this.initialPrimary = initialPrimary;
        this.sqlServer = sqlServer;
        this.managedInstance = managedInstance;
    }

    void databases(List<DatabaseName> names) {
        names.forEach(n -> links.put(n, DatabaseLink.withDefaultNames(n)));
    }

    /**
     * Two-way disaster recovery: the link may fail back to SQL Server ({@code failoverMode = Manual}).
     * Needs SQL Server 2022 or 2025 and the matching Managed Instance update policy. Default: false.
     *
     * @param enabled whether failing back is intended
     * @return this definition
     */
    public LinkDefinition twoWayDR(boolean enabled) {
        this.twoWayDr = enabled;
        return this;
    }

    /**
     * @param name the link (distributed availability group) name; only when the definition has one database.
     *        Default {@code DAG_<db>}
     * @return this definition
     */
    public LinkDefinition linkName(String name) {
        DatabaseLink only = single("linkName");
        links.put(only.database(), new DatabaseLink(only.database(), name, only.sqlServerAvailabilityGroup(),
                only.managedInstanceAvailabilityGroup()));
        return this;
    }

    /**
     * @param name the availability group on SQL Server; only with one database. Default {@code AG_<db>}
     * @return this definition
     */
    public LinkDefinition sqlServerAvailabilityGroup(String name) {
        DatabaseLink only = single("sqlServerAvailabilityGroup");
        links.put(only.database(), new DatabaseLink(only.database(), only.linkName(), name,
                only.managedInstanceAvailabilityGroup()));
        return this;
    }

    /**
     * @param name the availability group on the Managed Instance; only with one database. Default {@code AG_<db>_MI}
     * @return this definition
     */
    public LinkDefinition managedInstanceAvailabilityGroup(String name) {
        DatabaseLink only = single("managedInstanceAvailabilityGroup");
        links.put(only.database(), new DatabaseLink(only.database(), only.linkName(),
                only.sqlServerAvailabilityGroup(), name));
        return this;
    }

    /**
     * Names one database's link and groups explicitly, for definitions with several databases.
     *
     * @param database a database of this definition
     * @param linkName the link name
     * @param sqlServerGroup the SQL Server availability group
     * @param managedInstanceGroup the Managed Instance availability group
     * @return this definition
     */
    public LinkDefinition names(String database, String linkName, String sqlServerGroup, String managedInstanceGroup) {
        DatabaseName db = DatabaseName.of(database);
        if (!links.containsKey(db)) {
            throw new LinkPlanningException("database", NameRules.printable(database),
                    "the database is not part of this definition", "add it with .database(...) first");
        }
        links.put(db, new DatabaseLink(db, linkName, sqlServerGroup, managedInstanceGroup));
        return this;
    }

    /**
     * @param name the database mirroring endpoint's name. Default {@value #DEFAULT_ENDPOINT_NAME}
     * @return this definition
     */
    public LinkDefinition endpointName(String name) {
        this.endpointName = NameRules.sqlIdentifier("endpointName", name);
        return this;
    }

    /**
     * @param port the endpoint's listener port; replaces the port of the SQL Server endpoint URL. Default: that port
     * @return this definition
     */
    public LinkDefinition endpointPort(int port) {
        EndpointUrl.of(sqlServer.endpoint().host(), port);
        this.endpointPort = port;
        return this;
    }

    /**
     * @param name the SQL Server endpoint certificate's name. Default {@code Cert_<server>_endpoint}
     * @return this definition
     */
    public LinkDefinition certificateName(String name) {
        this.certificateName = NameRules.sqlIdentifier("certificateName", name);
        return this;
    }

    /**
     * @param expiry the certificate's expiry date; track it, an expired certificate breaks the link.
     *        Default: SQL Server's default of one year after creation
     * @return this definition
     */
    public LinkDefinition certificateExpiry(LocalDate expiry) {
        this.certificateExpiry = Objects.requireNonNull(expiry, "expiry");
        return this;
    }

    /**
     * @param mode how the databases are seeded. Default {@link SeedingMode#AUTOMATIC}
     * @return this definition
     */
    public LinkDefinition seedingMode(SeedingMode mode) {
        this.seedingMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * @param version the SQL Server major version. Default {@link SqlServerVersion#SQL_SERVER_2022}
     * @return this definition
     */
    public LinkDefinition sqlServerVersion(SqlServerVersion version) {
        this.sqlServerVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * @param fqdn the Managed Instance's FQDN when known; otherwise it is read from Azure at run time
     * @return this definition
     */
    public LinkDefinition managedInstanceFqdn(String fqdn) {
        this.managedInstance = managedInstance.withFqdn(fqdn);
        return this;
    }

    /**
     * @param dnsName the DNS name Azure's root authorities are trusted for, such as
     *        {@code *.database.usgovcloudapi.net}. Default: derived from the FQDN, else {@value #DEFAULT_ISSUER_DNS_NAME}
     * @return this definition
     */
    public LinkDefinition issuerDnsName(String dnsName) {
        NameRules.sqlIdentifier("issuerDnsName", dnsName);
        if (!dnsName.startsWith("*.")) {
            throw new LinkPlanningException("issuerDnsName", NameRules.printable(dnsName),
                    "the issuer DNS name is a wildcard such as *.database.windows.net", "start it with *.");
        }
        NameRules.host("issuerDnsName", dnsName.substring(2));
        this.issuerDnsName = dnsName;
        return this;
    }

    /**
     * Adds the first log backup after seeding to the creation plan.
     *
     * @param path the backup file on the SQL Server host, for example {@code D:\backup\SalesDb_first.trn};
     *        with several databases, {@code {db}} in the path is replaced by each database name
     * @return this definition
     */
    public LinkDefinition firstLogBackup(String path) {
        this.firstLogBackupPath = NameRules.sqlIdentifier("firstLogBackupPath", path);
        return this;
    }

    /** @return the validated definition with defaults filled in */
    public LinkSpec spec() {
        SqlServerInstance server = endpointPort == null ? sqlServer
                : SqlServerInstance.of(sqlServer.serverName(), sqlServer.endpoint().withPort(endpointPort).toString());
        String certificate = certificateName != null ? certificateName
                : "Cert_" + sqlServer.serverName().replace('\\', '_') + "_endpoint";
        if (certificate.length() > NameRules.MAX_SQL_IDENTIFIER) {
            certificate = certificate.substring(0, NameRules.MAX_SQL_IDENTIFIER);
        }
        String issuer = issuerDnsName != null ? issuerDnsName : issuerFromFqdn(managedInstance.fqdn());
        return new LinkSpec(initialPrimary, server, managedInstance, new ArrayList<>(links.values()), endpointName,
                certificate, Optional.ofNullable(certificateExpiry), seedingMode, sqlServerVersion, twoWayDr, issuer,
                Optional.ofNullable(firstLogBackupPath));
    }

    private static String issuerFromFqdn(Optional<String> fqdn) {
        // <mi>.<dns zone>.database.windows.net: the issuer covers everything after the first two labels.
        return fqdn.map(f -> f.split("\\.", 3)).filter(p -> p.length == 3 && p[2].contains("."))
                .map(p -> "*." + p[2]).orElse(DEFAULT_ISSUER_DNS_NAME);
    }

    /**
     * Derives the creation plan. Pure: no I/O, no clock; the same definition gives the same plan and hash.
     *
     * @return the plan
     * @throws LinkPlanningException when the options do not fit together (for example two-way DR on SQL Server 2019)
     */
    public LinkPlan plan() {
        return CreatePlanner.plan(spec());
    }

    /**
     * Derives the plan that removes the links.
     *
     * @param options what to remove besides the links themselves
     * @return the plan
     */
    public LinkPlan planDrop(DropOptions options) {
        return DropPlanner.plan(spec(), Objects.requireNonNull(options, "options"));
    }

    /**
     * Derives a failover plan: planned (gated: workload stopped, roles, synchronization, LSNs equal and
     * stable, then failover and back to asynchronous commit) or forced (data loss acknowledged).
     *
     * @param options the failover's switches
     * @return the plan
     * @throws LinkPlanningException with {@link LinkErrorCode#GATE_REFUSED} when a switch is not set
     */
    public LinkPlan planFailover(FailoverOptions options) {
        return LifecyclePlanner.failover(spec(), Objects.requireNonNull(options, "options"));
    }

    /**
     * Derives the fail back: a planned failover to SQL Server (SQL Server 2022/2025 with the matching
     * Managed Instance update policy).
     *
     * @param workloadStopped the caller confirms applications stopped writing to the Managed Instance
     * @return the plan
     */
    public LinkPlan planFailback(boolean workloadStopped) {
        return planFailover(FailoverOptions.plannedToSqlServer().workloadStopped(workloadStopped));
    }

    /**
     * Derives the repair of a split brain (both sides primary after a forced failover).
     *
     * @param demote the side whose changes are given up and that becomes secondary
     * @param tailLogBackupPath where SQL Server's tail-log backup goes; required when demoting SQL Server
     * @return the plan
     */
    public LinkPlan planSplitBrainRepair(InitialPrimary demote, String tailLogBackupPath) {
        return LifecyclePlanner.splitBrainRepair(spec(), Objects.requireNonNull(demote, "demote"),
                Optional.ofNullable(tailLogBackupPath));
    }

    /**
     * Derives the rotation of SQL Server's endpoint certificate, keeping the link up.
     *
     * @param newCertificateName the new certificate's name
     * @param expiry its expiry date
     * @return the plan
     */
    public LinkPlan planCertificateRotation(String newCertificateName, LocalDate expiry) {
        return LifecyclePlanner.rotateCertificate(spec(), newCertificateName, Objects.requireNonNull(expiry, "expiry"));
    }

    private DatabaseLink single(String option) {
        if (links.size() != 1) {
            throw new LinkPlanningException(option + " applies to a definition with exactly one database; this one has "
                    + links.size() + ".", "use .names(database, linkName, sqlServerGroup, managedInstanceGroup) per database");
        }
        return links.values().iterator().next();
    }

    @Override
    public String toString() {
        return "LinkDefinition[" + initialPrimary + ", " + sqlServer + ", " + managedInstance + ", " + links.keySet() + "]";
    }
}
