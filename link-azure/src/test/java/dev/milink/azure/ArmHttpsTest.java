package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.DatabaseName;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.arm.HttpsArmServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole life cycle once over real HTTPS (JDK HTTP client, TLS, bearer token), not the in-memory transport. */
@Timeout(60)
class ArmHttpsTest {

    @Test
    void lifeCycleOverHttps() throws Exception {
        ArmSimulator sim = Sim.simulator().lroPolls(2).build();
        try (HttpsArmServer server = HttpsArmServer.start(sim)) {
            ArmManagedInstancePort port = Sim.builder(sim).environment(server.endpoint()).httpClient(server.httpClient()).build();

            assertThat(port.instance().updatePolicy()).isEqualTo("SQLServer2022");
            assertThat(port.databaseNames()).contains("alpha");
            assertThat(port.endpointCertificate()).isEqualTo(sim.endpointCertificate(Sim.SUB, Sim.RG, Sim.MI).getEncoded());
            assertThat(port.apply(new UploadTrustCertificate("Cert_sql01_endpoint"), Sim.inputs()).changed()).isTrue();
            assertThat(port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs()).changed()).isTrue();
            assertThat(port.link("dag1")).isPresent();
            assertThat(port.links()).hasSize(1);
            assertThat(port.apply(new DeleteManagedInstanceLink("dag1", DatabaseName.of("delta")), Sim.inputs()).changed()).isTrue();
            assertThat(port.apply(new DeleteTrustCertificate("Cert_sql01_endpoint"), Sim.inputs()).changed()).isTrue();
            assertThat(port.link("dag1")).isEmpty();
            assertThat(port.trustCertificates()).isEmpty();

            // Every request carried a bearer token (the journal keeps the header, never its value).
            assertThat(sim.journal().entries()).isNotEmpty().allSatisfy(e -> assertThat(e.headers().entrySet())
                    .anySatisfy(h -> {
                        assertThat(h.getKey()).isEqualToIgnoringCase("Authorization");
                        assertThat(h.getValue()).isEqualTo("<redacted>");
                    }));
            assertThat(sim.journal().pollCount()).isPositive();
        }
    }
}
