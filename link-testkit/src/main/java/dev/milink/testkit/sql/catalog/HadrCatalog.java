package dev.milink.testkit.sql.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The in-memory HADR catalog of one simulated server: databases, user tables, certificates, the mirroring
 * endpoint, AGs and DAGs, remote replica progress, seeding, trusted issuers, trace flags and backup history.
 *
 * <p>Thread safe: one reentrant lock per server. {@link #atomically(Supplier)} runs several reads and
 * writes as one step (the engine runs each statement this way, so a failing statement changes nothing).
 * Events are delivered to listeners after the outermost lock is released. Names compare case-insensitively.
 * AG/DAG, seeding and replica operations live in {@link HadrCatalogGroups} ({@link #groups()}), user tables in
 * {@link HadrCatalogTables} ({@link #tables()}).
 */
public final class HadrCatalog {

    private final CatalogLock lock = new CatalogLock();
    private final Clock clock;
    final Map<String, DatabaseInfo> databases = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, UserTable> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, CertificateInfo> certificates = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final List<IssuerInfo> issuers = new ArrayList<>();
    final Map<String, EndpointInfo> endpoints = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, AvailabilityGroupInfo> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final List<DatabaseReplicaInfo> databaseReplicas = new ArrayList<>();
    final List<SeedingInfo> seeding = new ArrayList<>();
    final List<BackupInfo> backups = new ArrayList<>();
    private final Set<Integer> traceFlags = new TreeSet<>();
    private boolean hadrEnabled;
    private boolean masterKey;
    private int nextDatabaseId = 5;
    private int nextCertificateId = 256;
    private int nextEndpointId = 65536;
    private final HadrCatalogGroups groupOps;
    private final HadrCatalogTables tableOps;

    /**
     * @param clock the clock all timestamps come from (UTC)
     */
    public HadrCatalog(Clock clock) {
        this.clock = clock;
        this.groupOps = new HadrCatalogGroups(this);
        this.tableOps = new HadrCatalogTables(this);
        for (String system : List.of("master", "tempdb", "model", "msdb")) {
            int id = databases.size() + 1;
            databases.put(system, new DatabaseInfo(id, system, "tempdb".equals(system) ? "SIMPLE" : "FULL",
                    "ONLINE", "SQL_Latin1_General_CP1_CI_AS", false, "msdb".equals(system), 1, 8L << 20,
                    DatabaseInfo.INITIAL_LSN, null));
        }
    }

    /** @return the user tables of this catalog's databases */
    public HadrCatalogTables tables() {
        return tableOps;
    }

    /** @return the AG/DAG, replica and seeding operations of this catalog */
    public HadrCatalogGroups groups() {
        return groupOps;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the current UTC time from the clock */
    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Runs {@code work} holding the catalog lock; events raised inside are delivered after the outermost call.
     *
     * @param work reads and writes that must happen as one step
     * @param <T> the result type of {@code work}
     * @return what {@code work} returns
     */
    public <T> T atomically(Supplier<T> work) {
        return lock.atomically(work);
    }

    /**
     * Runs {@code work} under the lock, see {@link #atomically(Supplier)}.
     *
     * @param work reads and writes that must happen as one step
     */
    public void atomically(Runnable work) {
        atomically(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Queues an event for the listeners (delivered when the lock is released).
     *
     * @param type what happened
     * @param name the object it happened to, for example a database or group name
     * @param detail extra detail such as a state or thumbprint; {@code null} becomes empty
     */
    public void fire(HadrEvent.Type type, String name, String detail) {
        lock.queue(new HadrEvent(type, name, detail == null ? "" : detail));
    }

    /**
     * @param listener receives events until removed
     */
    public void addListener(HadrListener listener) {
        lock.addListener(listener);
    }

    /**
     * @param listener a listener added before
     */
    public void removeListener(HadrListener listener) {
        lock.removeListener(listener);
    }

    /** @return an immutable, comparable copy of the whole state */
    public CatalogSnapshot snapshot() {
        return atomically(() -> new CatalogSnapshot(hadrEnabled, masterKey, traceFlags,
                databases.values().stream().sorted((a, b) -> Integer.compare(a.databaseId(), b.databaseId()))
                        .toList(),
                List.copyOf(tables.values()), certificates.values().stream()
                        .sorted((a, b) -> Integer.compare(a.certificateId(), b.certificateId())).toList(),
                issuers, List.copyOf(endpoints.values()), List.copyOf(groups.values()), databaseReplicas, seeding,
                backups));
    }

    // ---- server ----

    /** @return SERVERPROPERTY('IsHadrEnabled') */
    public boolean hadrEnabled() {
        return atomically(() -> hadrEnabled);
    }

    /**
     * @param enabled the Always On feature switch (a real server needs a restart)
     */
    public void setHadrEnabled(boolean enabled) {
        atomically(() -> hadrEnabled = enabled);
    }

    /** @return the globally enabled trace flags */
    public Set<Integer> traceFlags() {
        return atomically(() -> Set.copyOf(traceFlags));
    }

    /**
     * @param flag a trace flag to enable globally
     */
    public void enableTraceFlag(int flag) {
        atomically(() -> traceFlags.add(flag));
    }

    /**
     * @param flag a trace flag to disable globally
     */
    public void disableTraceFlag(int flag) {
        atomically(() -> traceFlags.remove(flag));
    }

    /** @return whether the database master key exists in master */
    public boolean hasMasterKey() {
        return atomically(() -> masterKey);
    }

    /**
     * Creates (true) or drops (false) the master key flag; the password is never kept.
     *
     * @param exists whether the master key exists
     */
    public void setMasterKey(boolean exists) {
        atomically(() -> masterKey = exists);
    }

    // ---- databases and tables ----

    /**
     * @param name database name
     * @return the database, if it exists
     */
    public Optional<DatabaseInfo> database(String name) {
        return atomically(() -> Optional.ofNullable(databases.get(name)));
    }

    /**
     * @param id database id
     * @return the database with that id
     */
    public Optional<DatabaseInfo> databaseById(int id) {
        return atomically(() -> databases.values().stream().filter(d -> d.databaseId() == id).findFirst());
    }

    /** @return all databases ordered by id */
    public List<DatabaseInfo> databases() {
        return snapshot().databases();
    }

    /**
     * Adds a user database (ONLINE) with the next id.
     *
     * @param name database name; it must not exist yet
     * @param recoveryModel FULL, SIMPLE or BULK_LOGGED
     * @param collation database collation
     * @param logFiles number of log files
     * @param sizeBytes data size in bytes, what seeding transfers
     * @return the new database
     */
    public DatabaseInfo addDatabase(String name, String recoveryModel, String collation, int logFiles,
            long sizeBytes) {
        return atomically(() -> {
            if (databases.containsKey(name)) {
                throw new IllegalStateException("database exists: " + name);
            }
            DatabaseInfo db = new DatabaseInfo(nextDatabaseId++, name, recoveryModel, "ONLINE", collation, false,
                    false, logFiles, sizeBytes, DatabaseInfo.INITIAL_LSN, null);
            databases.put(name, db);
            return db;
        });
    }

    /**
     * Replaces a database by applying {@code change}; fails when it does not exist.
     *
     * @param name database name
     * @param change computes the new database from the current one
     * @return the database as stored after the change
     */
    public DatabaseInfo updateDatabase(String name, UnaryOperator<DatabaseInfo> change) {
        return atomically(() -> {
            DatabaseInfo db = Optional.ofNullable(databases.get(name))
                    .orElseThrow(() -> new IllegalArgumentException("no database " + name));
            DatabaseInfo next = change.apply(db);
            databases.put(name, next);
            return next;
        });
    }

    // ---- certificates and issuers ----

    /**
     * @param name certificate name
     * @return the certificate with that name
     */
    public Optional<CertificateInfo> certificate(String name) {
        return atomically(() -> Optional.ofNullable(certificates.get(name)));
    }

    /**
     * @param id certificate id
     * @return the certificate with that id
     */
    public Optional<CertificateInfo> certificateById(int id) {
        return atomically(() -> certificates.values().stream().filter(c -> c.certificateId() == id).findFirst());
    }

    /** @return all certificates */
    public List<CertificateInfo> certificates() {
        return snapshot().certificates();
    }

    /** @return the next certificate id (consumed) */
    public int allocateCertificateId() {
        return atomically(() -> nextCertificateId++);
    }

    /**
     * Adds a certificate (its id must come from {@link #allocateCertificateId()}).
     *
     * @param certificate the certificate; it replaces any certificate of the same name
     */
    public void putCertificate(CertificateInfo certificate) {
        atomically(() -> {
            certificates.put(certificate.name(), certificate);
            fire(HadrEvent.Type.CERTIFICATE_CREATED, certificate.name(), certificate.thumbprintHex());
        });
    }

    /**
     * Removes a certificate and its issuer registrations.
     *
     * @param name certificate name; nothing happens when it does not exist
     */
    public void removeCertificate(String name) {
        atomically(() -> {
            CertificateInfo c = certificates.remove(name);
            if (c != null) {
                issuers.removeIf(i -> i.certificateId() == c.certificateId());
                fire(HadrEvent.Type.CERTIFICATE_DROPPED, c.name(), c.thumbprintHex());
            }
        });
    }

    /** @return trusted issuers */
    public List<IssuerInfo> issuers() {
        return atomically(() -> List.copyOf(issuers));
    }

    /**
     * Registers a trusted issuer.
     *
     * @param issuer the issuer to trust
     */
    public void addIssuer(IssuerInfo issuer) {
        atomically(() -> issuers.add(issuer));
    }

    // ---- endpoints ----

    /**
     * @param name endpoint name
     * @return the endpoint with that name
     */
    public Optional<EndpointInfo> endpoint(String name) {
        return atomically(() -> Optional.ofNullable(endpoints.get(name)));
    }

    /** @return all endpoints */
    public List<EndpointInfo> endpoints() {
        return atomically(() -> List.copyOf(endpoints.values()));
    }

    /** @return the next endpoint id (consumed) */
    public int allocateEndpointId() {
        return atomically(() -> nextEndpointId++);
    }

    /**
     * Creates or replaces an endpoint.
     *
     * @param endpoint the endpoint; it replaces any endpoint of the same name
     */
    public void putEndpoint(EndpointInfo endpoint) {
        atomically(() -> {
            endpoints.put(endpoint.name(), endpoint);
            fire(HadrEvent.Type.ENDPOINT_CHANGED, endpoint.name(), endpoint.state());
        });
    }

    /**
     * Drops an endpoint.
     *
     * @param name endpoint name; nothing happens when it does not exist
     */
    public void removeEndpoint(String name) {
        atomically(() -> {
            if (endpoints.remove(name) != null) {
                fire(HadrEvent.Type.ENDPOINT_CHANGED, name, "DROPPED");
            }
        });
    }

    // ---- backups ----

    /** @return the backup history, oldest first */
    public List<BackupInfo> backups() {
        return atomically(() -> List.copyOf(backups));
    }

    /**
     * Records a backup (and raises BACKUP_TAKEN / LOG_BACKUP_DURING_SEEDING).
     *
     * @param backup the backup to add to the history
     */
    public void recordBackup(BackupInfo backup) {
        atomically(() -> {
            backups.add(backup);
            fire(HadrEvent.Type.BACKUP_TAKEN, backup.databaseName(), backup.type());
            if (backup.duringSeeding()) {
                fire(HadrEvent.Type.LOG_BACKUP_DURING_SEEDING, backup.databaseName(), backup.type());
            }
        });
    }
}
