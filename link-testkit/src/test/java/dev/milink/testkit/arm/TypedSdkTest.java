package dev.milink.testkit.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.sql.fluent.models.DistributedAvailabilityGroupInner;
import com.azure.resourcemanager.sql.fluent.models.EndpointCertificateInner;
import com.azure.resourcemanager.sql.fluent.models.ManagedInstanceInner;
import com.azure.resourcemanager.sql.fluent.models.ServerTrustCertificateInner;
import com.azure.resourcemanager.sql.models.ReplicationMode;
import dev.milink.testkit.tls.TestCertificates;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed azure-resourcemanager-sql 2.53.0 client (api-version 2021-11-01) against the simulator. */
class TypedSdkTest {

    static final String SUB = "11111111-2222-3333-4444-555555555555";
    static final String RG = "rg-link";
    static final String MI = "mi-Link01";

    private ArmSimulator sim;
    private SqlServerManager mgr;

    @BeforeEach
    void setUp() {
        sim = ArmSimulator.builder().managedInstance(SUB, RG, MI, mi -> mi.fqdn("mi-link01.abc123.database.windows.net")
                .collation("Latin1_General_100_CI_AS").databaseFormat("SQLServer2025").database("Existing")).build();
        mgr = ArmSimulators.sqlServerManager(sim);
    }

    @Test
    void managedInstanceGetParsesIntoTheTypedModel() {
        ManagedInstanceInner mi = mgr.serviceClient().getManagedInstances().getByResourceGroup(RG, MI);

        assertThat(mi.name()).isEqualTo(MI);
        assertThat(mi.fullyQualifiedDomainName()).isEqualTo("mi-link01.abc123.database.windows.net");
        assertThat(mi.collation()).isEqualTo("Latin1_General_100_CI_AS");
        assertThat(mi.sku().capacity()).isEqualTo(8);
        assertThat(mi.id()).endsWith("/managedInstances/" + MI);
        assertThat(sim.journal().calls()).singleElement().satisfies(e -> {
            assertThat(e.apiVersion()).isEqualTo("2021-11-01");
            assertThat(e.headers()).containsEntry("Authorization", "<redacted>");
        });
    }

    @Test
    void serverTrustCertificateRoundTripComputesTheThumbprint() throws Exception {
        TestCertificates.Minted box = TestCertificates.endpoint("Certificate for Cert_BOX_endpoint", Instant.now(),
                Instant.now().plusSeconds(86_400));
        String hex = "0x" + HexFormat.of().withUpperCase().formatHex(box.encoded());

        ServerTrustCertificateInner created = mgr.serviceClient().getServerTrustCertificates()
                .createOrUpdate(RG, MI, "Cert_BOX_endpoint", new ServerTrustCertificateInner().withPublicBlob(hex));

        String sha1 = HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(box.encoded()));
        assertThat(created.thumbprint()).isEqualTo(sha1);
        assertThat(created.certificateName()).isEqualTo("Cert_BOX_endpoint");
        // x-ms-secret at 2021-11-01 (the typed client's api-version): accepted, never returned.
        assertThat(created.publicBlob()).isNull();
        assertThat(mgr.serviceClient().getServerTrustCertificates().get(RG, MI, "Cert_BOX_endpoint").publicBlob()).isNull();
        assertThat(mgr.serviceClient().getServerTrustCertificates().listByInstance(RG, MI).stream().map(c -> c.name()))
                .containsExactly("Cert_BOX_endpoint");
        assertThat(sim.trustCertificateThumbprints(SUB, RG, MI)).containsEntry("Cert_BOX_endpoint", sha1);

        mgr.serviceClient().getServerTrustCertificates().delete(RG, MI, "Cert_BOX_endpoint");
        assertThatThrownBy(() -> mgr.serviceClient().getServerTrustCertificates().get(RG, MI, "Cert_BOX_endpoint"))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(e.getValue().getCode()).isEqualTo("ResourceNotFound"));
    }

    @Test
    void endpointCertificateIsARealCertificateForTheInstanceFqdn() throws Exception {
        EndpointCertificateInner cert = mgr.serviceClient().getEndpointCertificates().get(RG, MI, "DATABASE_MIRRORING");

        assertThat(cert.publicBlob()).startsWith("0x3082");
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(HexFormat.of().parseHex(cert.publicBlob().substring(2))));
        assertThat(parsed).isEqualTo(sim.endpointCertificate(SUB, RG, MI));
        assertThat(parsed.getSubjectX500Principal().getName()).contains("mi-link01.abc123.database.windows.net");
        List<String> types = mgr.serviceClient().getEndpointCertificates().listByInstance(RG, MI).stream()
                .map(EndpointCertificateInner::name).collect(Collectors.toList());
        assertThat(types).containsExactlyInAnyOrder("DATABASE_MIRRORING", "SERVICE_BROKER");
    }

    @Test
    void oldSchemaDistributedAvailabilityGroupLifecycle() {
        var dags = mgr.serviceClient().getDistributedAvailabilityGroups();
        DistributedAvailabilityGroupInner created = dags.createOrUpdate(RG, MI, "dag1", new DistributedAvailabilityGroupInner()
                .withTargetDatabase("SalesDb").withSourceEndpoint("TCP://10.0.0.4:5022")
                .withPrimaryAvailabilityGroupName("AG_Box").withSecondaryAvailabilityGroupName("AG_MI"));

        assertThat(created.linkState()).isEqualTo("Catchup");
        assertThat(created.targetDatabase()).isEqualTo("SalesDb");
        assertThat(created.lastHardenedLsn()).matches("\\d+");
        assertThat(created.distributedAvailabilityGroupId()).isNotNull();
        assertThat(sim.link(SUB, RG, MI, "DAG1")).get().satisfies(link -> {
            assertThat(link.instanceLinkRole()).isEqualTo(LinkRole.SECONDARY);
            assertThat(link.partnerEndpoint()).isEqualTo("TCP://10.0.0.4:5022");
        });

        DistributedAvailabilityGroupInner updated = dags.update(RG, MI, "dag1",
                new DistributedAvailabilityGroupInner().withReplicationMode(ReplicationMode.SYNC));
        assertThat(updated.replicationMode()).isEqualTo(ReplicationMode.SYNC);

        dags.createOrUpdate(RG, MI, "dag2", new DistributedAvailabilityGroupInner().withTargetDatabase("Db2")
                .withSourceEndpoint("TCP://10.0.0.4:5022").withPrimaryAvailabilityGroupName("AG2")
                .withSecondaryAvailabilityGroupName("AG2_MI"));
        dags.createOrUpdate(RG, MI, "dag3", new DistributedAvailabilityGroupInner().withTargetDatabase("Db3")
                .withSourceEndpoint("TCP://10.0.0.4:5022").withPrimaryAvailabilityGroupName("AG3")
                .withSecondaryAvailabilityGroupName("AG3_MI"));
        PagedIterable<DistributedAvailabilityGroupInner> all = dags.listByInstance(RG, MI);
        assertThat(all.stream().map(DistributedAvailabilityGroupInner::name)).containsExactly("dag1", "dag2", "dag3");
        assertThat(sim.journal().calls()).anySatisfy(e -> assertThat(e.query()).containsKey("$skiptoken"));

        dags.delete(RG, MI, "dag1");
        assertThat(sim.link(SUB, RG, MI, "dag1")).isEmpty();
        assertThat(sim.databases(SUB, RG, MI)).containsExactly("Existing", "SalesDb", "Db2", "Db3");
    }

    @Test
    void putNamingAnExistingDatabaseIsRefusedWithRemoteDatabaseExists() {
        assertThatThrownBy(() -> mgr.serviceClient().getDistributedAvailabilityGroups().createOrUpdate(RG, MI, "dagX",
                new DistributedAvailabilityGroupInner().withTargetDatabase("existing").withSourceEndpoint("TCP://h:5022")
                        .withPrimaryAvailabilityGroupName("A").withSecondaryAvailabilityGroupName("B")))
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
                    assertThat(e.getValue().getCode()).isEqualTo("RemoteDatabaseExists");
                });
    }

    @Test
    void unknownInstanceIsResourceNotFoundAndUnknownParentIsParentResourceNotFound() {
        assertThatThrownBy(() -> mgr.serviceClient().getManagedInstances().getByResourceGroup(RG, "nope"))
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
                    assertThat(e.getValue().getCode()).isEqualTo("ResourceNotFound");
                });
        assertThatThrownBy(() -> mgr.serviceClient().getDistributedAvailabilityGroups().get(RG, "nope", "dag"))
                .isInstanceOfSatisfying(ManagementException.class,
                        e -> assertThat(e.getValue().getCode()).isEqualTo("ParentResourceNotFound"));
    }

    @Test
    void idsAreCaseInsensitiveButEchoedWithTheirCreationCasing() {
        mgr.serviceClient().getDistributedAvailabilityGroups().createOrUpdate(RG, MI, "Dag_Mixed",
                new DistributedAvailabilityGroupInner().withTargetDatabase("Db").withSourceEndpoint("TCP://h:5022")
                        .withPrimaryAvailabilityGroupName("A").withSecondaryAvailabilityGroupName("B"));

        DistributedAvailabilityGroupInner got = mgr.serviceClient().getDistributedAvailabilityGroups()
                .get(RG.toUpperCase(), MI.toLowerCase(), "DAG_MIXED");

        assertThat(got.name()).isEqualTo("Dag_Mixed");
        assertThat(got.id()).isEqualTo("/subscriptions/" + SUB + "/resourceGroups/" + RG
                + "/providers/Microsoft.Sql/managedInstances/" + MI + "/distributedAvailabilityGroups/Dag_Mixed");
    }
}
