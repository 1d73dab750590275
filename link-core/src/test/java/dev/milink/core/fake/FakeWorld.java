package dev.milink.core.fake;

import dev.milink.DatabaseName;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.SecretSource;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.state.AvailabilityGroupState;
import dev.milink.state.CertificateState;
import dev.milink.state.DatabaseReplicaState;
import dev.milink.state.DatabaseState;
import dev.milink.state.EndpointState;
import dev.milink.state.InstanceFacts;
import dev.milink.state.LinkDatabaseState;
import dev.milink.state.LinkResourceState;
import dev.milink.state.ReplicaState;
import dev.milink.state.SeedingState;
import dev.milink.state.ServerFacts;
import dev.milink.state.SqlServerState;
import dev.milink.state.TrustCertificateState;
import dev.milink.step.*;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory SQL Server and Managed Instance holding just enough state for the runner: master key,
 * certificates, endpoint, groups, trust certificates, links, and seeding that completes after N polls.
 * Counts every port call; creating an object that already exists is counted as redundant.
 */
public final class FakeWorld {

    public static final String FQDN = "mi-name.abc123.database.windows.net";

    public final Faults faults = new Faults();
    public final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> redundant = new ConcurrentHashMap<>();
    public volatile int seedingPolls = 2;
    public volatile String productVersion = "16.0.4135.4";
    public volatile boolean hadr = true;
    public volatile boolean sysadmin = true;
    public volatile Set<Integer> traceFlags = Set.of(1800, 9567);
    public volatile String collation = "SQL_Latin1_General_CP1_CI_AS";
    public volatile String miCollation = "SQL_Latin1_General_CP1_CI_AS";
    public volatile String updatePolicy = "SQLServer2022";
    public volatile Integer connectError;
    public volatile boolean seedingFails;
    /** SQL Server's last hardened LSN in the DAG; the Managed Instance reports 1 once synchronized. */
    public volatile BigInteger primaryLsn = BigInteger.ONE;

    boolean masterKey;
    final Map<String, byte[]> certs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Set<String> privateKeys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    EndpointState endpoint;
    final Map<String, String[]> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER); // name -> {db, distributed, partnerAg}
    public final Map<String, DatabaseState> databases = new TreeMap<>();
    final Set<String> miDatabases = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, byte[]> trust = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, CreateManagedInstanceLink> links = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, Integer> pollsLeft = new HashMap<>();

    public final SqlServerPort sql = new Sql();
    public final ManagedInstancePort mi = new Mi();

    /** @param dbs databases to create on SQL Server, ready for a link */
    public FakeWorld(String... dbs) {
        for (String db : dbs) {
            addDatabase(db);
        }
    }

    public synchronized void addDatabase(String db) {
        databases.put(db, new DatabaseState(db, "ONLINE", "FULL", true, 1, Optional.empty()));
    }

    public synchronized void setDatabase(DatabaseState state) {
        databases.put(state.name(), state);
    }

    public synchronized void setEndpoint(EndpointState state) {
        endpoint = state;
    }

    public synchronized void removeMiDatabase(String db) {
        miDatabases.remove(db);
    }

    public synchronized void addMiDatabase(String db) {
        miDatabases.add(db);
    }

    /** Pre-existing objects a user made before milink ran. */
    public synchronized void preexisting(boolean key, String certificate, String endpointName) {
        masterKey = key;
        if (certificate != null) {
            certs.put(certificate, der(certificate));
            privateKeys.add(certificate);
            endpoint = new EndpointState(endpointName, 5022, "STARTED", "CERTIFICATE", certificate, true, "AES");
        }
    }

    public int count(String call) {
        return calls.getOrDefault(call, new AtomicInteger()).get();
    }

    public int sqlCalls() {
        return calls.entrySet().stream().filter(e -> e.getKey().startsWith("sql.")).mapToInt(e -> e.getValue().get()).sum();
    }

    public int miCalls() {
        return calls.entrySet().stream().filter(e -> e.getKey().startsWith("mi.")).mapToInt(e -> e.getValue().get()).sum();
    }

    public int redundantTotal() {
        return redundant.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void resetCounters() {
        calls.clear();
        redundant.clear();
    }

    /** @return every object on both sides, as sorted keys */
    public synchronized SortedSet<String> snapshot() {
        SortedSet<String> s = new TreeSet<>();
        if (masterKey) {
            s.add("masterkey");
        }
        certs.keySet().forEach(c -> s.add("cert:" + c.toLowerCase(Locale.ROOT)));
        if (endpoint != null) {
            s.add("endpoint:" + endpoint.name());
        }
        groups.forEach((n, g) -> s.add(("true".equals(g[1]) ? "dag:" : "ag:") + n));
        databases.forEach((n, d) -> s.add("db:" + n + d.availabilityGroup().map(g -> "@" + g).orElse("")));
        miDatabases.forEach(d -> s.add("midb:" + d.toLowerCase(Locale.ROOT)));
        trust.keySet().forEach(t -> s.add("trust:" + t));
        links.keySet().forEach(l -> s.add("link:" + l));
        return s;
    }

    static byte[] der(String name) {
        return ("DER:" + name).getBytes(StandardCharsets.UTF_8);
    }

    private void count(String call, String point) {
        calls.computeIfAbsent(call, k -> new AtomicInteger()).incrementAndGet();
        faults.hit(point, true);
    }

    private void redundantApply(Step step) {
        redundant.computeIfAbsent(step.id().value(), k -> new AtomicInteger()).incrementAndGet();
    }

    private final class Sql implements SqlServerPort {
        @Override
        public SqlServerState observe(Collection<DatabaseName> dbs) {
            count("sql.observe", "observe");
            synchronized (FakeWorld.this) {
                List<DatabaseState> dbStates = dbs.stream().map(d -> databases.get(d.value())).filter(Objects::nonNull).toList();
                List<CertificateState> certStates = certs.entrySet().stream().map(e -> new CertificateState(e.getKey(), "CN=" + e.getKey(),
                        Instant.parse("2030-01-01T00:00:00Z"), privateKeys.contains(e.getKey()), Optional.of(e.getValue()))).toList();
                List<AvailabilityGroupState> ags = new ArrayList<>();
                List<SeedingState> seeding = new ArrayList<>();
                groups.forEach((name, g) -> ags.add(group(name, g, dbs, seeding)));
                ServerFacts facts = new ServerFacts("SQLBOX01", productVersion, "Developer Edition", 3, hadr, collation, sysadmin,
                        traceFlags, masterKey);
                return new SqlServerState(facts, dbStates, certStates, Optional.ofNullable(endpoint), ags, seeding, Instant.EPOCH);
            }
        }

        private AvailabilityGroupState group(String name, String[] g, Collection<DatabaseName> observed, List<SeedingState> seeding) {
            String db = g[0];
            if (!"true".equals(g[1])) {
                ReplicaState local = new ReplicaState("SQLBOX01", "TCP://10.0.1.8:5022", "ASYNCHRONOUS_COMMIT", true,
                        Optional.of(dev.milink.LinkRole.PRIMARY), "CONNECTED", "HEALTHY", Optional.empty(), "", List.of());
                return new AvailabilityGroupState(name, false, List.of(db), List.of(local));
            }
            String syncState = "NOT SYNCHRONIZING";
            if (links.containsKey(name) && observed.stream().anyMatch(d -> d.value().equals(db))) {
                int left = pollsLeft.merge(name, -1, Integer::sum);
                syncState = left <= 0 ? "SYNCHRONIZED" : "NOT SYNCHRONIZING";
                if (left > 0 || seedingFails) {
                    long total = 1000;
                    long done = Math.max(0, total - left * 250L);
                    seeding.add(new SeedingState(db, seedingFails ? "FAILED" : "SEEDING", Optional.ofNullable(seedingFails ? 23 : null),
                            seedingFails ? "database with name already exists" : "", total, done, 100, Optional.empty(),
                            Optional.of(Instant.EPOCH.plusSeconds(3600))));
                    if (seedingFails) {
                        syncState = "NOT SYNCHRONIZING";
                    }
                }
            } else if (links.containsKey(name)) {
                syncState = pollsLeft.getOrDefault(name, 1) <= 0 ? "SYNCHRONIZED" : "NOT SYNCHRONIZING";
            }
            DatabaseReplicaState drs = new DatabaseReplicaState(db, syncState, "HEALTHY", BigInteger.ONE, BigInteger.ONE, 0, 0, Optional.empty());
            BigInteger lsn = primaryLsn;
            DatabaseReplicaState primary = new DatabaseReplicaState(db, "SYNCHRONIZED", "HEALTHY", lsn, lsn, 0, 0, Optional.empty());
            ReplicaState local = new ReplicaState(g[2], "TCP://10.0.1.8:5022", "ASYNCHRONOUS_COMMIT", true,
                    Optional.of(dev.milink.LinkRole.PRIMARY), "CONNECTED", "HEALTHY", Optional.empty(), "", List.of(primary));
            ReplicaState remote = new ReplicaState(g[3], "tcp://" + FQDN + ":5022", "ASYNCHRONOUS_COMMIT", false,
                    Optional.of(dev.milink.LinkRole.SECONDARY), links.containsKey(name) ? "CONNECTED" : "DISCONNECTED", "HEALTHY",
                    Optional.ofNullable(connectError), connectError == null ? "" : "connection refused by certificate", List.of(drs));
            return new AvailabilityGroupState(name, true, List.of(db), List.of(local, remote));
        }

        @Override
        public StepResult apply(SqlServerStep step, StepInputs inputs) {
            String point = "apply:" + step.id().value();
            count("sql.apply", point + ":before");
            StepResult result;
            synchronized (FakeWorld.this) {
                result = effect(step, inputs);
            }
            faults.hit(point + ":after", false);
            return result;
        }

        private StepResult effect(SqlServerStep step, StepInputs inputs) {
            if (step instanceof CreateMasterKey) {
                if (inputs.secrets().secret(SecretSource.MASTER_KEY_PASSWORD).reveal().isEmpty()) {
                    throw new IllegalStateException("empty password");
                }
                return create(step, masterKey, () -> masterKey = true);
            } else if (step instanceof CreateEndpointCertificate s) {
                StepResult r = create(step, certs.containsKey(s.name()), () -> {
                    certs.put(s.name(), der(s.name()));
                    privateKeys.add(s.name());
                });
                return r.withProduced(dev.milink.step.RunValue.SQL_SERVER_CERTIFICATE, certs.get(s.name()));
            } else if (step instanceof ImportManagedInstanceCertificate s) {
                String fqdn = s.fqdn().or(inputs::managedInstanceFqdn).orElseThrow(() -> new IllegalStateException("no fqdn"));
                byte[] der = inputs.managedInstanceCertificate().orElseThrow(() -> new IllegalStateException("no MI certificate"));
                return create(step, certs.containsKey(fqdn), () -> certs.put(fqdn, der));
            } else if (step instanceof ImportAzureRootCertificates s) {
                boolean all = s.roots().stream().allMatch(r -> certs.containsKey(r.name()));
                return create(step, all, () -> s.roots().forEach(r -> certs.putIfAbsent(r.name(), r.der())));
            } else if (step instanceof CreateMirroringEndpoint s) {
                if (!certs.containsKey(s.certificateName())) {
                    throw new IllegalStateException("no certificate " + s.certificateName());
                }
                return create(step, endpoint != null, () -> endpoint = new EndpointState(s.name(), s.port(), "STARTED",
                        "CERTIFICATE", s.certificateName(), true, "AES"));
            } else if (step instanceof CreateAvailabilityGroup s) {
                return create(step, groups.containsKey(s.name()), () -> {
                    groups.put(s.name(), new String[] {s.target().value(), "false", "", ""});
                    DatabaseState d = databases.get(s.target().value());
                    databases.put(d.name(), new DatabaseState(d.name(), d.state(), d.recoveryModel(), d.hasFullBackup(), d.logFileCount(), Optional.of(s.name())));
                });
            } else if (step instanceof CreateDistributedAvailabilityGroup s) {
                s.managedInstanceFqdn().or(inputs::managedInstanceFqdn).orElseThrow(() -> new IllegalStateException("no fqdn"));
                return create(step, groups.containsKey(s.name()), () -> groups.put(s.name(),
                        new String[] {s.target().value(), "true", s.localAvailabilityGroup(), s.managedInstanceAvailabilityGroup()}));
            } else if (step instanceof DropAvailabilityGroup s) {
                String[] g = groups.remove(s.name());
                if (g != null && !s.distributed()) {
                    DatabaseState d = databases.get(g[0]);
                    databases.put(d.name(), new DatabaseState(d.name(), d.state(), d.recoveryModel(), d.hasFullBackup(), d.logFileCount(), Optional.empty()));
                }
                return g == null ? StepResult.unchanged("absent") : StepResult.changed("dropped");
            } else if (step instanceof DropCertificate s) {
                privateKeys.remove(s.name());
                return certs.remove(s.name()) == null ? StepResult.unchanged("absent") : StepResult.changed("dropped");
            } else if (step instanceof DropManagedInstanceCertificate s) {
                String fqdn = s.fqdn().or(inputs::managedInstanceFqdn).orElseThrow();
                return certs.remove(fqdn) == null ? StepResult.unchanged("absent") : StepResult.changed("dropped");
            } else if (step instanceof DropEndpoint s) {
                boolean present = endpoint != null && endpoint.name().equalsIgnoreCase(s.name());
                if (present) {
                    endpoint = null;
                }
                return present ? StepResult.changed("dropped") : StepResult.unchanged("absent");
            } else if (step instanceof DropMasterKey) {
                if (!privateKeys.isEmpty()) {
                    throw new IllegalStateException("the master key still protects " + privateKeys);
                }
                boolean present = masterKey;
                masterKey = false;
                return present ? StepResult.changed("dropped") : StepResult.unchanged("absent");
            }
            return StepResult.changed("ran " + step.id());
        }

        private StepResult create(Step step, boolean exists, Runnable effect) {
            if (exists) {
                redundantApply(step);
                return StepResult.unchanged("exists");
            }
            effect.run();
            return StepResult.changed("created");
        }
    }

    private final class Mi implements ManagedInstancePort {
        @Override
        public InstanceFacts instance() {
            count("mi.instance", "instance");
            return new InstanceFacts("mi-name", FQDN, miCollation, updatePolicy, "Ready");
        }

        @Override
        public List<String> databaseNames() {
            count("mi.databaseNames", "databaseNames");
            synchronized (FakeWorld.this) {
                return List.copyOf(miDatabases);
            }
        }

        @Override
        public byte[] endpointCertificate() {
            count("mi.endpointCertificate", "endpointCertificate");
            return der(FQDN);
        }

        @Override
        public List<TrustCertificateState> trustCertificates() {
            count("mi.trustCertificates", "trustCertificates");
            synchronized (FakeWorld.this) {
                return trust.keySet().stream().map(n -> new TrustCertificateState(n, "THUMB" + n.length())).toList();
            }
        }

        @Override
        public List<LinkResourceState> links() {
            count("mi.links", "links");
            synchronized (FakeWorld.this) {
                return links.keySet().stream().map(this::state).toList();
            }
        }

        @Override
        public Optional<LinkResourceState> link(String name) {
            count("mi.link", "link");
            synchronized (FakeWorld.this) {
                return links.containsKey(name) ? Optional.of(state(name)) : Optional.empty();
            }
        }

        private LinkResourceState state(String name) {
            CreateManagedInstanceLink l = links.get(name);
            boolean synced = pollsLeft.getOrDefault(name, 1) <= 0;
            LinkDatabaseState db = new LinkDatabaseState(l.target().value(), synced ? "LinkSynchronizing" : "CreatingLink",
                    Optional.of(synced ? 100 : 50), "HEALTHY", "CONNECTED", synced ? Optional.of(BigInteger.ONE) : Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
            return new LinkResourceState(l.linkName(), l.partnerEndpoint().toString(), l.partnerAvailabilityGroup(),
                    l.instanceAvailabilityGroup(), l.instanceLinkRole(), Optional.empty(), dev.milink.ReplicationMode.ASYNC,
                    (l.manualFailover() ? "Manual" : "None"), List.of(db));
        }

        @Override
        public StepResult apply(ManagedInstanceStep step, StepInputs inputs) {
            String point = "apply:" + step.id().value();
            count("mi.apply", point + ":before");
            StepResult result;
            synchronized (FakeWorld.this) {
                result = effect(step, inputs);
            }
            faults.hit(point + ":after", false);
            return result;
        }

        private StepResult effect(ManagedInstanceStep step, StepInputs inputs) {
            if (step instanceof UploadTrustCertificate s) {
                byte[] der = inputs.sqlServerCertificate().orElseThrow(() -> new LinkException(LinkErrorCode.INTERNAL, "no key", "x"));
                if (trust.containsKey(s.certificateName())) {
                    redundantApply(step);
                    return StepResult.unchanged("exists");
                }
                trust.put(s.certificateName(), der);
                return StepResult.changed("uploaded");
            } else if (step instanceof CreateManagedInstanceLink s) {
                if (links.containsKey(s.linkName())) {
                    redundantApply(step);
                    return StepResult.unchanged("exists");
                }
                links.put(s.linkName(), s);
                miDatabases.add(s.target().value());
                pollsLeft.put(s.linkName(), seedingPolls);
                return StepResult.changed("created");
            } else if (step instanceof DeleteManagedInstanceLink s) {
                pollsLeft.remove(s.linkName());
                return links.remove(s.linkName()) == null ? StepResult.unchanged("absent") : StepResult.changed("deleted");
            } else if (step instanceof DeleteTrustCertificate s) {
                return trust.remove(s.certificateName()) == null ? StepResult.unchanged("absent") : StepResult.changed("deleted");
            }
            return StepResult.changed("ran " + step.id());
        }
    }
}
