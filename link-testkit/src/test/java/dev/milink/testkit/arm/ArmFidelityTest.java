package dev.milink.testkit.arm;

import static dev.milink.testkit.arm.RawDagApiTest.BASE;
import static dev.milink.testkit.arm.RawDagApiTest.MI;
import static dev.milink.testkit.arm.RawDagApiTest.RG;
import static dev.milink.testkit.arm.RawDagApiTest.SUB;
import static dev.milink.testkit.arm.RawDagApiTest.dagBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.testkit.world.SimulatedClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What real ARM refuses or does that the simulator once let pass (issue 13, item 14; arm-fidelity findings 1-4). */
class ArmFidelityTest {

    private static final String STABLE = "2025-01-01";
    private static final String TYPED = "2021-11-01";
    private static final String BLOB_A = "{\"properties\":{\"publicBlob\":\"3082010A0201017F\"}}";
    private static final String BLOB_B = "{\"properties\":{\"publicBlob\":\"0x3082010A02010280\"}}";

    private static ArmResponse send(ArmSimulator sim, String method, String path, String apiVersion, String body) {
        String url = path.startsWith("https://") ? path : "https://arm.simulator.invalid" + path + "?api-version=" + apiVersion;
        return sim.handle(new ArmRequest(method, URI.create(url), Map.of(),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Object> json(ArmResponse response) {
        return RawArm.json(response.bodyText());
    }

    @Test
    void anApiVersionTheOperationDoesNotHaveIsRefusedAsArmDoes() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).lroStyle(LroStyle.SYNCHRONOUS).build();

        ArmResponse unknown = send(sim, "GET", BASE, "2099-01-01", null);
        assertThat(unknown.status()).isEqualTo(400);
        Map<String, Object> error = Json.child(json(unknown), "error");
        assertThat(error).containsEntry("code", "InvalidApiVersionParameter");
        assertThat(Json.string(error, "message")).startsWith("The api-version '2099-01-01' is invalid. The supported versions are '")
                .contains("2025-01-01", "2021-11-01").endsWith("The supported locations are 'westeurope'.");

        assertThat(send(sim, "PUT", BASE + "/distributedAvailabilityGroups/l1", STABLE, dagBody("Db", "Secondary")).status())
                .isEqualTo(201);
        // failover came with 2023-08-01-preview; 2023-05-01-preview has setRole but no failover.
        ArmResponse early = send(sim, "POST", BASE + "/distributedAvailabilityGroups/l1/failover", "2023-05-01-preview",
                "{\"failoverType\":\"Planned\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.bodyText()).contains("InvalidApiVersionParameter");
        assertThat(send(sim, "GET", BASE + "/serverTrustCertificates", "2020-11-01-preview", null).status()).isEqualTo(400);
        assertThat(send(sim, "GET", BASE + "/databases", "2020-11-01-preview", null).status()).isEqualTo(200);
    }

    @Test
    void aDuplicateTrustCertificateIsRefusedWithCertificateAlreadyExists() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).lroStyle(LroStyle.SYNCHRONOUS).build();
        String certs = BASE + "/serverTrustCertificates/";

        assertThat(send(sim, "PUT", certs + "Cert_A", TYPED, BLOB_A).status()).isEqualTo(201);
        ArmResponse sameBlobOtherName = send(sim, "PUT", certs + "Cert_B", TYPED, BLOB_A);
        ArmResponse otherBlobSameName = send(sim, "PUT", certs + "Cert_A", TYPED, BLOB_B);
        ArmResponse again = send(sim, "PUT", certs + "Cert_A", TYPED, BLOB_A);

        assertThat(sameBlobOtherName.status()).isEqualTo(400);
        assertThat(Json.child(json(sameBlobOtherName), "error")).containsEntry("code", "CertificateAlreadyExists");
        assertThat(otherBlobSameName.status()).isEqualTo(400);
        assertThat(otherBlobSameName.bodyText()).contains("CertificateAlreadyExists");
        assertThat(again.status()).as("the documented 200 'Certificate already existed'").isEqualTo(200);
        assertThat(sim.trustCertificateThumbprints(SUB, RG, MI)).containsOnlyKeys("Cert_A");
    }

    @Test
    void createsCanBeAnswered202WithLocationAndAzureAsyncOperation() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI)
                .lroStyle(ArmOperation.DAG_CREATE_OR_UPDATE, LroStyle.ACCEPTED)
                .lroStyle(ArmOperation.TRUST_CERTIFICATE_CREATE, LroStyle.ACCEPTED).lroRetryAfter(0).build();

        ArmResponse link = send(sim, "PUT", BASE + "/distributedAvailabilityGroups/l1", STABLE, dagBody("Db", "Secondary"));
        ArmResponse cert = send(sim, "PUT", BASE + "/serverTrustCertificates/Cert_A", TYPED, BLOB_A);

        for (ArmResponse accepted : new ArmResponse[] {link, cert}) {
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.bodyText()).isEmpty();
            assertThat(accepted.headers()).containsKeys("Location", "Azure-AsyncOperation", "Retry-After");
        }
        assertThat(json(send(sim, "GET", link.headers().get("Azure-AsyncOperation"), null, null))).containsEntry("status", "Succeeded");
        ArmResponse result = send(sim, "GET", cert.headers().get("Location"), null, null);
        assertThat(result.status()).isEqualTo(200);
        assertThat(sim.link(SUB, RG, MI, "l1")).isPresent();
        assertThat(sim.trustCertificateThumbprints(SUB, RG, MI)).containsOnlyKeys("Cert_A");
        assertThat(result.bodyText()).as("x-ms-secret at " + TYPED).doesNotContain("publicBlob");
    }

    @Test
    void aTrustCertificatesSecretBlobIsNeverReturnedWhereTheSpecMarksItSecret() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).lroStyle(LroStyle.SYNCHRONOUS).build();
        ArmResponse created = send(sim, "PUT", BASE + "/serverTrustCertificates/Cert_A", TYPED, BLOB_A);

        assertThat(created.bodyText()).contains("\"thumbprint\"").doesNotContain("publicBlob");
        assertThat(send(sim, "GET", BASE + "/serverTrustCertificates/Cert_A", TYPED, null).bodyText()).doesNotContain("publicBlob");
        assertThat(send(sim, "GET", BASE + "/serverTrustCertificates", TYPED, null).bodyText())
                .contains("Cert_A").doesNotContain("publicBlob");
        // 2025-01-01 no longer marks it secret, and its official Get example returns it.
        assertThat(send(sim, "GET", BASE + "/serverTrustCertificates/Cert_A", STABLE, null).bodyText()).contains("publicBlob");
    }

    @Test
    void anOperationCompletesOnTheClockEvenWhenNobodyPollsIt() {
        SimulatedClock clock = SimulatedClock.at(Instant.parse("2026-03-01T10:00:00Z"));
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).lroClock(clock, Duration.ofSeconds(30)).build();
        String dag = BASE + "/distributedAvailabilityGroups/l1";
        ArmResponse created = send(sim, "PUT", dag, STABLE, dagBody("Db", "Secondary"));
        clock.advance(Duration.ofSeconds(31));

        ArmResponse patched = send(sim, "PATCH", dag, STABLE, "{\"properties\":{\"replicationMode\":\"Sync\"}}");
        assertThat(patched.status()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(29));
        assertThat(json(send(sim, "GET", patched.headers().get("Azure-AsyncOperation"), null, null)))
                .as("a poll before the time is up").containsEntry("status", "InProgress");
        assertThat(sim.link(SUB, RG, MI, "l1").orElseThrow().replicationMode()).isEqualTo("Async");

        clock.advance(Duration.ofSeconds(2));
        assertThat(Json.child(json(send(sim, "GET", dag, STABLE, null)), "properties")).containsEntry("replicationMode", "Sync");
        assertThat(json(send(sim, "GET", created.headers().get("Azure-AsyncOperation"), null, null))).containsEntry("status", "Succeeded");
        assertThat(sim.journal().pollCount()).isEqualTo(2);
    }

    @Test
    void aManagedDatabaseCanBeDeleted() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI, spec -> spec.database("alpha").database("beta"))
                .lroStyle(LroStyle.SYNCHRONOUS).lroStyle(ArmOperation.DATABASE_DELETE, LroStyle.LOCATION).build();
        send(sim, "PUT", BASE + "/distributedAvailabilityGroups/l1", STABLE, dagBody("gamma", "Secondary"));

        ArmResponse accepted = send(sim, "DELETE", BASE + "/databases/alpha", TYPED, null);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(sim.databases(SUB, RG, MI)).contains("alpha");
        assertThat(send(sim, "GET", accepted.headers().get("Location"), null, null).status()).isEqualTo(204);

        assertThat(sim.databases(SUB, RG, MI)).containsExactly("beta", "gamma");
        assertThat(send(sim, "GET", BASE + "/databases/alpha", TYPED, null).status()).isEqualTo(404);
        assertThat(send(sim, "DELETE", BASE + "/databases/alpha", TYPED, null).status()).as("already gone").isEqualTo(204);
        ArmResponse linked = send(sim, "DELETE", BASE + "/databases/gamma", TYPED, null);
        assertThat(linked.status()).isEqualTo(400);
        assertThat(linked.bodyText()).contains("OperationCanNotStartDueToMiLink");
    }
}
