package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkRole;
import dev.milink.ManagedInstance;
import dev.milink.ReplicationMode;
import dev.milink.state.InstanceFacts;
import dev.milink.state.LinkDatabaseState;
import dev.milink.state.LinkResourceState;
import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.arm.RequestJournal;
import dev.milink.testkit.arm.SimulatedLinkDatabase;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ArmReadsTest {

    private final ArmSimulator sim = Sim.simulator().build();
    private final ArmManagedInstancePort port = Sim.port(sim);

    @Test
    void instanceFactsComeFromOneGetAtTheNewApiVersion() {
        InstanceFacts facts = port.instance();

        assertThat(facts).isEqualTo(new InstanceFacts("testcl", "testcl.abc123.database.windows.net",
                "Latin1_General_100_CI_AS", "SQLServer2022", "Ready"));
        List<RequestJournal.Entry> calls = sim.journal().calls();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).method()).isEqualTo("GET");
        assertThat(calls.get(0).path()).endsWith("/providers/Microsoft.Sql/managedInstances/testcl");
        assertThat(calls.get(0).apiVersion()).isEqualTo("2025-01-01");
    }

    @Test
    void databaseNamesFollowNextLink() {
        assertThat(port.databaseNames()).containsExactlyInAnyOrder("alpha", "beta", "gamma");
        // Page size 2: the list takes the first page plus one nextLink page.
        assertThat(sim.journal().count("GET", "/databases$")).isEqualTo(2);
        assertThat(sim.journal().calls()).hasSize(2);
    }

    @Test
    void endpointCertificateIsDecodedFromHexWithPrefix() throws Exception {
        byte[] der = port.endpointCertificate();

        assertThat(der).isEqualTo(sim.endpointCertificate(Sim.SUB, Sim.RG, Sim.MI).getEncoded());
        assertThat(sim.journal().calls()).singleElement()
                .satisfies(e -> assertThat(e.path()).endsWith("/endpointCertificates/DATABASE_MIRRORING"));
    }

    @Test
    void trustCertificatesListNamesAndThumbprints() {
        port.apply(new dev.milink.step.UploadTrustCertificate("Cert_sql01_endpoint"), Sim.inputs());
        sim.journal().clear();

        assertThat(port.trustCertificates()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Cert_sql01_endpoint");
            assertThat(c.thumbprint()).isEqualTo(sim.trustCertificateThumbprints(Sim.SUB, Sim.RG, Sim.MI).get("Cert_sql01_endpoint"));
        });
        assertThat(sim.journal().calls()).hasSize(1);
    }

    @Test
    void linksAreListedAcrossPagesAtApiVersion20250101() {
        for (String db : List.of("delta", "epsilon", "zeta")) {
            port.apply(Sim.createLink("dag_" + db, db, true), Sim.inputs());
        }
        sim.journal().clear();

        List<LinkResourceState> links = port.links();

        assertThat(links).extracting(LinkResourceState::name).containsExactlyInAnyOrder("dag_delta", "dag_epsilon", "dag_zeta");
        assertThat(sim.journal().calls()).hasSize(2).allSatisfy(e -> {
            assertThat(e.path()).endsWith("/distributedAvailabilityGroups");
            assertThat(e.apiVersion()).isEqualTo("2025-01-01");
        });
    }

    @Test
    void linkMapsEveryFieldOfTheNewSchema() {
        port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());
        Instant hardened = Instant.parse("2026-05-01T10:15:30Z");
        Instant expiry = Instant.parse("2027-03-30T00:00:00Z");
        SimulatedLinkDatabase db = sim.link(Sim.SUB, Sim.RG, Sim.MI, "dag1").orElseThrow().database("delta").orElseThrow();
        db.replicaState("CreatingLink").seedingProgress("45%").synchronizationHealth("PARTIALLY_HEALTHY")
                .connectedState("DISCONNECTED").lsn(SimulatedLinkDatabase.Lsn.HARDENED, new BigInteger("71000009408100001"), hardened)
                .mostRecentLinkError("41962 link not initiated").partnerAuthCertValidity("Cert_sql01_endpoint", expiry)
                .lagSeconds(7, 11);
        sim.link(Sim.SUB, Sim.RG, Sim.MI, "dag1").orElseThrow().replicationMode("Sync");
        sim.journal().clear();

        LinkResourceState link = port.link("dag1").orElseThrow();

        assertThat(link.name()).isEqualTo("dag1");
        assertThat(link.partnerEndpoint()).isEqualTo("TCP://10.0.1.8:5022");
        assertThat(link.partnerAvailabilityGroup()).isEqualTo("AG_delta");
        assertThat(link.instanceAvailabilityGroup()).isEqualTo("MIAG_delta");
        assertThat(link.instanceRole()).isEqualTo(LinkRole.SECONDARY);
        assertThat(link.partnerRole()).contains(LinkRole.PRIMARY);
        assertThat(link.replicationMode()).isEqualTo(ReplicationMode.SYNC);
        assertThat(link.failoverMode()).isEqualTo("Manual");
        LinkDatabaseState d = link.database("delta").orElseThrow();
        assertThat(d.replicaState()).isEqualTo("CreatingLink");
        assertThat(d.seedingProgress()).contains(45);
        assertThat(d.synchronizationHealth()).isEqualTo("PARTIALLY_HEALTHY");
        assertThat(d.connectedState()).isEqualTo("DISCONNECTED");
        assertThat(d.lastHardenedLsn()).contains(new BigInteger("71000009408100001"));
        assertThat(d.lastHardenedTime()).contains(hardened);
        assertThat(d.mostRecentLinkError()).contains("41962 link not initiated");
        assertThat(d.partnerCertificateExpiry()).contains(expiry);
        assertThat(d.sendLagSeconds()).contains(7L);
        assertThat(d.redoLagSeconds()).contains(11L);
        assertThat(sim.journal().calls()).singleElement().satisfies(e -> {
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.apiVersion()).isEqualTo("2025-01-01");
        });
    }

    @Test
    void missingLinkIsEmptyButMissingInstanceFails() {
        assertThat(port.link("nope")).isEmpty();

        ArmManagedInstancePort other = Sim.builder(sim).managedInstance(ManagedInstance.of(Sim.SUB, Sim.RG, "other-mi")).build();
        assertThatThrownBy(() -> other.link("nope")).isInstanceOf(LinkException.class)
                .satisfies(e -> assertThat(((LinkException) e).code()).isEqualTo(LinkErrorCode.ARM_ERROR))
                .hasMessageContaining("ParentResourceNotFound").hasMessageContaining("HTTP 404")
                .hasMessageContaining("check the resource id");
    }

    @Test
    void readsOfAMissingInstanceThrowLinkExceptionWithTheArmCode() {
        ArmManagedInstancePort other = Sim.builder(sim).managedInstance(ManagedInstance.of(Sim.SUB, "otherrg", "testcl")).build();

        assertThatThrownBy(other::instance).isInstanceOf(LinkException.class).hasMessageContaining("ResourceGroupNotFound");
        assertThatThrownBy(other::databaseNames).isInstanceOf(LinkException.class).hasMessageContaining("ResourceGroupNotFound");
        assertThatThrownBy(other::endpointCertificate).isInstanceOf(LinkException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(other::trustCertificates).isInstanceOf(LinkException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(other::links).isInstanceOf(LinkException.class).hasMessageContaining("HTTP 404");
    }
}
