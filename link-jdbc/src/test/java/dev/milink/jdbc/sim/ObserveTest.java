package dev.milink.jdbc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.DatabaseName;
import dev.milink.LinkRole;
import dev.milink.state.AvailabilityGroupState;
import dev.milink.state.CertificateState;
import dev.milink.state.DatabaseReplicaState;
import dev.milink.state.DatabaseState;
import dev.milink.state.EndpointState;
import dev.milink.state.ReplicaState;
import dev.milink.state.SqlServerState;
import dev.milink.testkit.sql.catalog.CertificateInfo;
import dev.milink.testkit.sql.catalog.EndpointInfo;
import dev.milink.testkit.tds.TdsEncryption;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code observe()} through mssql-jdbc against the simulator: every field checked against the catalog. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ObserveTest {

    private static final List<DatabaseName> DBS = List.of(DatabaseName.of("SalesDb"), DatabaseName.of("ArchiveDb"));

    private static SimulatedSql fresh(TdsEncryption encryption, boolean encrypt) {
        return SimulatedSql.start(b -> b.traceFlags(1800, 9567)
                .database("ArchiveDb", d -> d.recovery("SIMPLE").logFiles(2))
                .database("OtherDb", d -> d.recoveryFull().fullBackup().logFiles(1)), encryption, encrypt);
    }

    @Test
    void freshServerFactsAndDatabasesInOneRoundTrip() {
        try (SimulatedSql env = fresh(TdsEncryption.OFF, false)) {
            long before = env.tds.journal().roundTrips();
            SqlServerState state = env.port.observe(DBS);
            assertThat(env.tds.journal().roundTrips() - before).isEqualTo(1);

            assertThat(state.server().serverName()).isEqualTo("SQLBOX01");
            assertThat(state.server().productVersion()).isEqualTo("16.0.4135.4");
            assertThat(state.server().edition()).isEqualTo("Enterprise Edition (64-bit)");
            assertThat(state.server().engineEdition()).isEqualTo(3);
            assertThat(state.server().hadrEnabled()).isTrue();
            assertThat(state.server().collation()).isEqualTo("SQL_Latin1_General_CP1_CI_AS");
            assertThat(state.server().sysadmin()).isTrue();
            assertThat(state.server().globalTraceFlags()).isEqualTo(Set.of(1800, 9567));
            assertThat(state.server().masterKeyPresent()).isFalse();
            assertThat(state.observedAt()).isNotNull().isAfter(java.time.Instant.EPOCH);

            assertThat(state.databases()).extracting(DatabaseState::name).containsExactlyInAnyOrder("SalesDb", "ArchiveDb");
            DatabaseState sales = database(state, "SalesDb");
            assertThat(sales).isEqualTo(new DatabaseState("SalesDb", "ONLINE", "FULL", true, 1, java.util.Optional.empty()));
            DatabaseState archive = database(state, "ArchiveDb");
            assertThat(archive).isEqualTo(new DatabaseState("ArchiveDb", "ONLINE", "SIMPLE", false, 2, java.util.Optional.empty()));
            assertThat(state.certificates()).isEmpty();
            assertThat(state.mirroringEndpoint()).isEmpty();
            assertThat(state.availabilityGroups()).isEmpty();
            assertThat(state.seeding()).isEmpty();
        }
    }

    @Test
    void noTraceFlagsAndNoDatabasesAsked() {
        try (SimulatedSql env = SimulatedSql.start()) {
            SqlServerState state = env.port.observe(List.of());
            assertThat(state.server().globalTraceFlags()).isEmpty();
            assertThat(state.databases()).isEmpty();
        }
    }

    @Test
    void everyObjectOfAFullySetUpServerOverTls() {
        try (SimulatedSql env = fresh(TdsEncryption.TLS_IN_PRELOGIN, true)) {
            SimulatedSteps.applyAll(env, SimulatedSql.salesDb().plan());
            var groups = env.sql.catalog().groups();
            groups.setReplicaConnection("DAG_SalesDb", "AG_SalesDb_MI", "DISCONNECTED", "NOT_HEALTHY", 41974,
                    "certificate not trusted");
            groups.setSynchronization("DAG_SalesDb", "SalesDb", "SYNCHRONIZING", "HEALTHY");
            groups.setRemoteLsn("DAG_SalesDb", "SalesDb", new BigDecimal("4200000001234500001"));
            UUID seeding = groups.startSeeding("DAG_SalesDb", "SalesDb", "AG_SalesDb_MI", 512L << 20, true);
            groups.reportSeedingProgress(seeding, 100L << 20, 5L << 20);

            long before = env.tds.journal().roundTrips();
            SqlServerState state = env.port.observe(DBS);
            assertThat(env.tds.journal().roundTrips() - before).isEqualTo(1);

            assertThat(state.server().masterKeyPresent()).isTrue();
            assertThat(database(state, "SalesDb").availabilityGroup()).contains("AG_SalesDb");
            assertThat(database(state, "ArchiveDb").availabilityGroup()).isEmpty();

            List<CertificateInfo> certificates = env.sql.catalog().certificates();
            assertThat(state.certificates()).hasSize(certificates.size());
            for (CertificateInfo expected : certificates) {
                CertificateState seen = state.certificates().stream().filter(c -> c.name().equals(expected.name()))
                        .findFirst().orElseThrow();
                assertThat(seen.subject()).isEqualTo(expected.subject());
                assertThat(seen.expiry()).isEqualTo(expected.expiryDate().toInstant(ZoneOffset.UTC));
                assertThat(seen.hasPrivateKey()).isEqualTo(expected.hasPrivateKey());
                assertThat(seen.encoded()).hasValueSatisfying(der -> assertThat(der).isEqualTo(expected.der()));
            }
            assertThat(state.certificates()).extracting(CertificateState::name)
                    .contains("Cert_SQLBOX01_endpoint", SimulatedSql.FQDN);
            assertThat(state.certificates().stream().filter(c -> c.name().equals(SimulatedSql.FQDN)).findFirst()
                    .orElseThrow().encoded()).hasValueSatisfying(d -> assertThat(d).isEqualTo(SimulatedSql.MI_CERTIFICATE.encoded()));

            EndpointInfo endpoint = env.sql.catalog().endpoints().get(0);
            EndpointState seenEndpoint = state.mirroringEndpoint().orElseThrow();
            assertThat(seenEndpoint.name()).isEqualTo(endpoint.name());
            assertThat(seenEndpoint.port()).isEqualTo(5022).isEqualTo(endpoint.port());
            assertThat(seenEndpoint.state()).isEqualTo("STARTED");
            assertThat(seenEndpoint.authentication()).isEqualTo("CERTIFICATE");
            assertThat(seenEndpoint.certificateName()).isEqualTo("Cert_SQLBOX01_endpoint");
            assertThat(seenEndpoint.encryptionEnabled()).isTrue();
            assertThat(seenEndpoint.encryptionAlgorithm()).isEqualTo("AES");
            assertThat(seenEndpoint.suitsLink()).isTrue();

            assertThat(state.availabilityGroups()).extracting(AvailabilityGroupState::name)
                    .containsExactly("AG_SalesDb", "DAG_SalesDb");
            AvailabilityGroupState ag = state.availabilityGroups().get(0);
            assertThat(ag.distributed()).isFalse();
            assertThat(ag.databases()).containsExactly("SalesDb");
            assertThat(ag.replicas()).singleElement().satisfies(r -> {
                assertThat(r.name()).isEqualTo("SQLBOX01");
                assertThat(r.endpointUrl()).isEqualTo("TCP://10.0.1.8:5022");
                assertThat(r.availabilityMode()).isEqualTo("SYNCHRONOUS_COMMIT");
                assertThat(r.local()).isTrue();
                assertThat(r.role()).contains(LinkRole.PRIMARY);
                assertThat(r.databases()).extracting(DatabaseReplicaState::database).containsExactly("SalesDb");
            });
            AvailabilityGroupState dag = state.availabilityGroups().get(1);
            assertThat(dag.distributed()).isTrue();
            assertThat(dag.replicas()).extracting(ReplicaState::name).containsExactlyInAnyOrder("AG_SalesDb", "AG_SalesDb_MI");
            ReplicaState local = replica(dag, "AG_SalesDb");
            assertThat(local.local()).isTrue();
            assertThat(local.role()).contains(LinkRole.PRIMARY);
            assertThat(local.availabilityMode()).isEqualTo("ASYNCHRONOUS_COMMIT");
            assertThat(local.endpointUrl()).isEqualTo("TCP://10.0.1.8:5022");
            ReplicaState remote = replica(dag, "AG_SalesDb_MI");
            assertThat(remote.local()).isFalse();
            assertThat(remote.endpointUrl()).isEqualTo("tcp://" + SimulatedSql.FQDN + ":5022;Server=[sqlmi-prod-01]");
            assertThat(remote.connectedState()).isEqualTo("DISCONNECTED");
            assertThat(remote.synchronizationHealth()).isEqualTo("NOT_HEALTHY");
            assertThat(remote.lastConnectErrorNumber()).contains(41974);
            assertThat(remote.lastConnectError()).isEqualTo("certificate not trusted");
            DatabaseReplicaState remoteDb = remote.databases().stream().filter(d -> d.database().equals("SalesDb"))
                    .findFirst().orElseThrow();
            assertThat(remoteDb.synchronizationState()).isEqualTo("SYNCHRONIZING");
            assertThat(remoteDb.synchronizationHealth()).isEqualTo("HEALTHY");
            assertThat(remoteDb.lastHardenedLsn()).isEqualTo(new BigInteger("4200000001234500001"));

            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                env.port.observe(DBS);
            }
            System.out.printf("observe(): %.2f ms per call over TLS, 1 round trip each (performance note, not asserted)%n",
                    (System.nanoTime() - start) / 20 / 1e6);
            assertThat(state.seeding()).singleElement().satisfies(s -> {
                assertThat(s.database()).isEqualTo("SalesDb");
                assertThat(s.currentState()).isEqualTo("SEEDING");
                assertThat(s.failureState()).isEmpty();
                assertThat(s.databaseSizeBytes()).isEqualTo(512L << 20);
                assertThat(s.transferredBytes()).isEqualTo(100L << 20);
                assertThat(s.bytesPerSecond()).isEqualTo(5L << 20);
                assertThat(s.startedAt()).isPresent();
            });
        }
    }

    private static DatabaseState database(SqlServerState state, String name) {
        return state.databases().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static ReplicaState replica(AvailabilityGroupState group, String name) {
        return group.replicas().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
