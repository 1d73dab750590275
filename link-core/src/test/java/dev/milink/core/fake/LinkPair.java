package dev.milink.core.fake;

import dev.milink.DatabaseName;
import dev.milink.LinkErrorCode;
import dev.milink.LinkExecutionException;
import dev.milink.LinkRole;
import dev.milink.ReplicationMode;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.state.*;
import dev.milink.step.*;
import java.math.BigInteger;
import java.time.Instant;
import java.util.*;

/**
 * One established link between a fake SQL Server and a fake Managed Instance, for the lifecycle: roles, last
 * hardened LSNs (one LSN = one committed row), a workload that commits on the primary on every port call until
 * stopped, a secondary that hardens {@code catchUpPerCall} LSNs per call, failover semantics like T-SQL and the ARM
 * adapter (a repeated switch is refused or a no-op), certificates, seeding and log backups.
 */
public final class LinkPair {

    public static final String LINK = "DAG_SalesDb";
    public static final String DB = "SalesDb";

    public final Faults faults = new Faults();
    public final Map<String, Integer> calls = new HashMap<>();
    public LinkRole sqlRole = LinkRole.PRIMARY;
    public LinkRole miRole = LinkRole.SECONDARY;
    public long sqlLsn = 1000;
    public long miLsn = 1000;
    /** Transactions the workload still commits (one per port call) before it stops; -1 = never stops. */
    public int workloadLeft;
    public long catchUpPerCall = 1000;
    public boolean connected = true;
    public Long lagSeconds = 0L;
    public String updatePolicy = "SQLServer2022";
    public String productVersion = "16.0.4135.4";
    public boolean miReachable = true;
    public boolean ignoreEndpointSwitch;
    public int roleSwitches;
    public ReplicationMode mode = ReplicationMode.ASYNC;
    public final Map<String, Instant> certs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    public final Set<String> trust = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    public String endpointCert = "Cert_SQLBOX01_endpoint";
    public SeedingState seeding;
    public LogState log;
    public final List<String> backups = new ArrayList<>();
    public boolean linkExists = true;

    public final SqlServerPort sql = new Sql();
    public final ManagedInstancePort mi = new Mi();

    public LinkPair() {
        certs.put(endpointCert, Instant.parse("2026-12-10T00:00:00Z"));
        trust.add(endpointCert);
    }

    public int count(String call) {
        return calls.getOrDefault(call, 0);
    }

    /** Rows committed on a side: one per LSN above the start. */
    public long rows(LinkRole side) {
        return (side == sqlRole ? sqlLsn : miLsn) - 1000;
    }

    private synchronized void tick(String call, String point) {
        calls.merge(call, 1, Integer::sum);
        faults.hit(point, true);
        boolean sqlPrimary = sqlRole == LinkRole.PRIMARY;
        boolean miPrimary = miRole == LinkRole.PRIMARY;
        if (workloadLeft != 0 && (sqlPrimary ^ miPrimary)) {
            workloadLeft--;
            if (sqlPrimary) {
                sqlLsn++;
            } else {
                miLsn++;
            }
        }
        if (connected && sqlPrimary && !miPrimary) {
            miLsn = Math.min(sqlLsn, miLsn + catchUpPerCall);
        } else if (connected && miPrimary && !sqlPrimary) {
            sqlLsn = Math.min(miLsn, sqlLsn + catchUpPerCall);
        }
    }

    private final class Sql implements SqlServerPort {
        @Override
        public SqlServerState observe(Collection<DatabaseName> dbs) {
            tick("sql.observe", "observe");
            synchronized (LinkPair.this) {
                ServerFacts facts = new ServerFacts("SQLBOX01", productVersion, "Developer", 3, true, "SQL_Latin1_General_CP1_CI_AS",
                        true, Set.of(1800, 9567), true);
                BigInteger mine = BigInteger.valueOf(sqlLsn);
                DatabaseReplicaState local = new DatabaseReplicaState(DB, "SYNCHRONIZED", "HEALTHY", mine, mine, 0, 0, Optional.empty());
                DatabaseReplicaState remote = new DatabaseReplicaState(DB, connected ? "SYNCHRONIZING" : "NOT SYNCHRONIZING",
                        connected ? "HEALTHY" : "NOT_HEALTHY", BigInteger.valueOf(miLsn), BigInteger.valueOf(miLsn), 0, 0,
                        Optional.ofNullable(lagSeconds));
                List<AvailabilityGroupState> ags = new ArrayList<>();
                ags.add(new AvailabilityGroupState("AG_SalesDb", false, List.of(DB), List.of()));
                if (linkExists) {
                    ags.add(new AvailabilityGroupState(LINK, true, List.of(DB), List.of(
                            new ReplicaState("AG_SalesDb", "TCP://10.0.1.8:5022", mode.name(), true, Optional.of(sqlRole), "CONNECTED",
                                    "HEALTHY", Optional.empty(), "", List.of(local)),
                            new ReplicaState("AG_SalesDb_MI", "tcp://mi:5022", mode.name(), false, Optional.of(miRole),
                                    connected ? "CONNECTED" : "DISCONNECTED", connected ? "HEALTHY" : "NOT_HEALTHY", Optional.empty(), "",
                                    List.of(remote)))));
                }
                List<CertificateState> cs = certs.entrySet().stream().map(e -> new CertificateState(e.getKey(), "CN=" + e.getKey(),
                        e.getValue(), true, Optional.of(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8)))).toList();
                EndpointState ep = new EndpointState("Database_Mirroring_Endpoint", 5022, "STARTED", "CERTIFICATE", endpointCert, true, "AES");
                return new SqlServerState(facts, List.of(new DatabaseState(DB, "ONLINE", "FULL", true, 1, Optional.of("AG_SalesDb"))), cs,
                        Optional.of(ep), ags, seeding == null ? List.of() : List.of(seeding), Instant.EPOCH,
                        log == null ? List.of() : List.of(log));
            }
        }

        @Override
        public StepResult apply(SqlServerStep step, StepInputs inputs) {
            String point = "apply:" + step.id().value();
            tick("sql.apply", point + ":before");
            StepResult r;
            synchronized (LinkPair.this) {
                r = effect(step);
            }
            faults.hit(point + ":after", false);
            return r;
        }

        private StepResult effect(SqlServerStep step) {
            if (step instanceof FailoverOnSqlServer f && f.type() == dev.milink.FailoverType.PLANNED) {
                if (sqlRole != LinkRole.PRIMARY) {
                    throw sqlError(step, 41104, "Failover failed: the local replica is not the primary");
                }
                if (sqlLsn != miLsn) {
                    throw sqlError(step, 41142, "the secondary is not synchronized");
                }
                swap();
                return StepResult.changed("failed over");
            } else if (step instanceof FailoverOnSqlServer) {
                sqlRole = LinkRole.PRIMARY;
                roleSwitches++;
                return StepResult.changed("forced");
            } else if (step instanceof DemoteSqlServer) {
                sqlRole = LinkRole.SECONDARY;
                roleSwitches++;
                sqlLsn = miLsn;
                return StepResult.changed("demoted");
            } else if (step instanceof SetSqlServerReplicationMode s) {
                mode = s.mode();
            } else if (step instanceof BackupLog b) {
                backups.add((b.tailLog() ? "tail:" : "log:") + b.path());
            } else if (step instanceof CreateEndpointCertificate c) {
                certs.put(c.name(), Instant.parse("2027-06-30T00:00:00Z"));
                return StepResult.changed("created").withProduced(dev.milink.step.RunValue.SQL_SERVER_CERTIFICATE, c.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (step instanceof SwitchEndpointCertificate s) {
                if (!ignoreEndpointSwitch) {
                    endpointCert = s.certificateName();
                }
            } else if (step instanceof DropCertificate d) {
                certs.remove(d.name());
            } else if (step instanceof DropAvailabilityGroup d) {
                linkExists = linkExists && !d.distributed();
            }
            return StepResult.changed("ran " + step.id());
        }
    }

    private void swap() {
        LinkRole r = sqlRole;
        sqlRole = miRole;
        miRole = r;
        roleSwitches++;
    }

    private static LinkExecutionException sqlError(Step step, int number, String message) {
        return LinkExecutionException.sqlFailure(LinkErrorCode.SQL_ERROR, step.id(), step.side(), number, message, "see the error", null);
    }

    private final class Mi implements ManagedInstancePort {
        @Override
        public InstanceFacts instance() {
            tick("mi.instance", "instance");
            return new InstanceFacts("mi-name", FakeWorld.FQDN, "SQL_Latin1_General_CP1_CI_AS", updatePolicy, "Ready");
        }

        @Override
        public List<String> databaseNames() {
            tick("mi.databaseNames", "databaseNames");
            return List.of(DB);
        }

        @Override
        public byte[] endpointCertificate() {
            return new byte[] {1};
        }

        @Override
        public List<TrustCertificateState> trustCertificates() {
            tick("mi.trustCertificates", "trustCertificates");
            synchronized (LinkPair.this) {
                return trust.stream().map(t -> new TrustCertificateState(t, "T")).toList();
            }
        }

        @Override
        public List<LinkResourceState> links() {
            tick("mi.links", "links");
            return link0().stream().toList();
        }

        @Override
        public Optional<LinkResourceState> link(String name) {
            tick("mi.link", "link");
            return link0();
        }

        private synchronized Optional<LinkResourceState> link0() {
            if (!miReachable) {
                throw new dev.milink.LinkException(LinkErrorCode.UNREACHABLE, "ARM unreachable", "wait");
            }
            if (!linkExists) {
                return Optional.empty();
            }
            LinkDatabaseState db = new LinkDatabaseState(DB, connected ? "LinkSynchronizing" : "LinkSynchronizing", Optional.of(100),
                    connected ? "HEALTHY" : "NOT_HEALTHY", connected ? "CONNECTED" : "DISCONNECTED", Optional.of(BigInteger.valueOf(miLsn)),
                    Optional.empty(), Optional.empty(), Optional.of(certs.getOrDefault(endpointCert, Instant.EPOCH)),
                    Optional.ofNullable(lagSeconds), Optional.of(0L));
            return Optional.of(new LinkResourceState(LINK, "TCP://10.0.1.8:5022", "AG_SalesDb", "AG_SalesDb_MI", miRole,
                    Optional.of(sqlRole), mode, "Manual", List.of(db)));
        }

        @Override
        public StepResult apply(ManagedInstanceStep step, StepInputs inputs) {
            String point = "apply:" + step.id().value();
            tick("mi.apply", point + ":before");
            StepResult r;
            synchronized (LinkPair.this) {
                r = effect(step, inputs);
            }
            faults.hit(point + ":after", false);
            return r;
        }

        private StepResult effect(ManagedInstanceStep step, StepInputs inputs) {
            if (step instanceof FailoverManagedInstanceLink f) {
                // Like ArmWrites: planned is requested on the primary MI and leaves it secondary; forced makes it primary.
                boolean planned = f.type() == dev.milink.FailoverType.PLANNED;
                if (planned && miRole == LinkRole.SECONDARY || !planned && miRole == LinkRole.PRIMARY) {
                    return StepResult.unchanged("already");
                }
                if (planned) {
                    if (sqlLsn != miLsn) {
                        throw LinkExecutionException.armFailure(LinkErrorCode.ARM_ERROR, step.id(), step.side(), "Conflict",
                                "secondaries not synchronizing", "wait", null, null);
                    }
                    swap();
                } else {
                    miRole = LinkRole.PRIMARY;
                    roleSwitches++;
                }
                return StepResult.changed("failed over");
            } else if (step instanceof SetManagedInstanceRole s) {
                if (miRole == s.role()) {
                    return StepResult.unchanged("already");
                }
                miRole = s.role();
                roleSwitches++;
                if (s.role() == LinkRole.SECONDARY) {
                    miLsn = sqlLsn;
                }
                return StepResult.changed("role set");
            } else if (step instanceof SetLinkReplicationMode s) {
                mode = s.mode();
            } else if (step instanceof UploadTrustCertificate u) {
                inputs.sqlServerCertificate().orElseThrow();
                trust.add(u.certificateName());
            } else if (step instanceof DeleteTrustCertificate d) {
                trust.remove(d.certificateName());
            } else if (step instanceof DeleteManagedInstanceLink) {
                linkExists = false;
            }
            return StepResult.changed("ran " + step.id());
        }
    }
}
