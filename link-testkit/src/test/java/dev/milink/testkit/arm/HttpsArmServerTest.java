package dev.milink.testkit.arm;

import static dev.milink.testkit.arm.RawDagApiTest.BASE;
import static dev.milink.testkit.arm.RawDagApiTest.MI;
import static dev.milink.testkit.arm.RawDagApiTest.RG;
import static dev.milink.testkit.arm.RawDagApiTest.SUB;
import static dev.milink.testkit.arm.RawDagApiTest.dagBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpMethod;
import com.azure.resourcemanager.sql.SqlServerManager;
import org.junit.jupiter.api.Test;

/** The real JDK HTTP client over TLS on a socket, end to end. */
class HttpsArmServerTest {

    @Test
    void sdkTalksToTheSimulatorOverHttps() throws Exception {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).build();
        try (HttpsArmServer server = HttpsArmServer.start(sim)) {
            assertThat(server.endpoint()).startsWith("https://localhost:");
            SqlServerManager mgr = ArmSimulators.sqlServerManager(server);
            RawArm raw = new RawArm(mgr, server.endpoint());
            ArmFaults.Rule drop = sim.faults().on("GET", "/managedInstances/[^/]+$").dropConnection();

            assertThat(mgr.serviceClient().getManagedInstances().getByResourceGroup(RG, MI).name()).isEqualTo(MI);
            RawArm.Outcome created = raw.lro(HttpMethod.PUT, raw.url(BASE + "/distributedAvailabilityGroups/l1", RawArm.API),
                    dagBody("Db", "Secondary"));

            assertThat(drop.fired()).isEqualTo(1);
            assertThat(created.initialStatus()).isEqualTo(201);
            assertThat(RawDagApiTest.asMap(created.finalResult())).containsEntry("name", "l1");
            assertThat(sim.journal().calls()).allSatisfy(e -> assertThat(e.headers()).containsKey("Authorization"));
            assertThat(sim.journal().pollCount()).isEqualTo(1);
        }
    }
}
