package dev.milink.testkit.arm;

import static dev.milink.testkit.arm.RawDagApiTest.BASE;
import static dev.milink.testkit.arm.RawDagApiTest.MI;
import static dev.milink.testkit.arm.RawDagApiTest.RG;
import static dev.milink.testkit.arm.RawDagApiTest.SUB;
import static dev.milink.testkit.arm.RawDagApiTest.assertCode;
import static dev.milink.testkit.arm.RawDagApiTest.dagBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpMethod;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.sql.fluent.models.ServerTrustCertificateInner;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault kind, seen through the real SDK and its retry policy. */
class ArmFaultsTest {

    private ArmSimulator sim;
    private SqlServerManager mgr;
    private RawArm raw;

    @BeforeEach
    void setUp() {
        sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).build();
        mgr = ArmSimulators.sqlServerManager(sim);
        raw = new RawArm(mgr, InMemoryArmHttpClient.BASE_URL);
    }

    @Test
    void serverErrorIsRetriedBySdk() {
        ArmFaults.Rule rule = sim.faults().on("GET", "/managedInstances/[^/]+$").respond(503, "ServiceUnavailable", "try later");

        assertThat(mgr.serviceClient().getManagedInstances().getByResourceGroup(RG, MI).name()).isEqualTo(MI);

        assertThat(rule.fired()).isEqualTo(1);
        assertThat(sim.journal().calls()).extracting(RequestJournal.Entry::status).containsExactly(503, 200);
    }

    @Test
    void conflictIsNotRetriedAndSurfacesItsCode() {
        ArmFaults.Rule rule = sim.faults().on("PUT", "/distributedAvailabilityGroups/").times(3)
                .respond(409, "ConflictingServerOperation", "An operation is currently in progress for the server.");

        assertCode(() -> raw.lro(HttpMethod.PUT, raw.url(BASE + "/distributedAvailabilityGroups/l1", RawArm.API),
                dagBody("Db", "Secondary")), 409, "ConflictingServerOperation");
        assertThat(rule.fired()).isEqualTo(1);
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void throttlingHonoursRetryAfter() {
        sim.faults().on("GET", "/managedInstances/").respond(429, "TooManyRequests", "throttled").retryAfter(1);
        long start = System.nanoTime();

        mgr.serviceClient().getManagedInstances().getByResourceGroup(RG, MI);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(sim.faults().fired()).isEqualTo(1);
    }

    @Test
    void lroFailedEndsTheOperationAndRollsBackTheCreate() {
        sim.faults().on("PUT", "/distributedAvailabilityGroups/l1$").lroFailed("OperationTimedOut", "The operation timed out.");

        assertCode(() -> raw.lro(HttpMethod.PUT, raw.url(BASE + "/distributedAvailabilityGroups/l1", RawArm.API),
                dagBody("Db", "Secondary")), 400, "OperationTimedOut");
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void lroFailedWorksForTheTypedClientToo() {
        sim.faults().on("PUT", "/serverTrustCertificates/").lroFailed("InvalidCertificate", "bad blob");

        assertCode(() -> mgr.serviceClient().getServerTrustCertificates().createOrUpdate(RG, MI, "c1",
                new ServerTrustCertificateInner().withPublicBlob("3082")), 200, "InvalidCertificate");
        // 200: the SDK reports the status of the Azure-AsyncOperation poll that carried "status":"Failed".
        assertThat(sim.trustCertificateThumbprints(SUB, RG, MI)).isEmpty();
    }

    @Test
    void lroCanceledLeavesTheLinkUnchanged() {
        String dag = BASE + "/distributedAvailabilityGroups/l1";
        raw.lro(HttpMethod.PUT, raw.url(dag, RawArm.API), dagBody("Db", "Secondary"));
        sim.faults().on("POST", "/failover$").lroCanceled();

        assertCode(() -> raw.lro(HttpMethod.POST, raw.url(dag + "/failover", RawArm.API),
                "{\"failoverType\":\"ForcedAllowDataLoss\"}"), 409, "OperationCanceled");
        assertThat(sim.link(SUB, RG, MI, "l1").orElseThrow().instanceLinkRole()).isEqualTo(LinkRole.SECONDARY);
    }

    @Test
    void droppedConnectionIsRetriedAsAnIoError() {
        ArmFaults.Rule rule = sim.faults().on("GET", "/endpointCertificates/").dropConnection();

        assertThat(mgr.serviceClient().getEndpointCertificates().get(RG, MI, "DATABASE_MIRRORING").publicBlob()).startsWith("0x");

        assertThat(rule.fired()).isEqualTo(1);
        assertThat(sim.journal().calls()).extracting(RequestJournal.Entry::status).containsExactly(0, 200);
    }

    @Test
    void slowResponseIsDelayed() {
        sim.faults().on("*", "/managedInstances/").delay(Duration.ofMillis(300));
        long start = System.nanoTime();

        mgr.serviceClient().getManagedInstances().getByResourceGroup(RG, MI);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sim.faults().fired()).isEqualTo(1);
    }
}
