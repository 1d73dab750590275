package dev.milink.testkit.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.resourcemanager.sql.SqlServerManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every example request of the ARM fixtures through the real SDK pipeline, at the example's own
 * api-version, and checks the simulator's answers have the example responses' shape.
 */
class FixtureShapeTest {

    private static final String DAG_MAX = "{\"properties\":{\"instanceLinkRole\":\"%s\",\"instanceAvailabilityGroupName\":\"testcl\","
            + "\"partnerAvailabilityGroupName\":\"BoxLocalAg1\",\"partnerEndpoint\":\"TCP://SERVER:7022\",\"failoverMode\":\"None\","
            + "\"seedingMode\":\"Automatic\",\"databases\":[{\"databaseName\":\"%s\"}]}}";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("2025-01-01/DistributedAvailabilityGroupsCreateMax.json", "PUT", "/distributedAvailabilityGroups/dag"),
                Arguments.of("2024-05-01-preview/DistributedAvailabilityGroupsCreateMin.json", "PUT", "/distributedAvailabilityGroups/dag"),
                Arguments.of("2025-01-01/DistributedAvailabilityGroupsDelete.json", "DELETE", "/distributedAvailabilityGroups/dag"),
                Arguments.of("2025-01-01/DistributedAvailabilityGroupsListByInstance.json", "GET", "/distributedAvailabilityGroups"),
                Arguments.of("2025-01-01/DistributedAvailabilityGroupsSetRole.json", "POST", "/distributedAvailabilityGroups/dag/setRole"),
                Arguments.of("2025-01-01/DistributedAvailabilityGroupsUpdate.json", "PATCH", "/distributedAvailabilityGroups/dag"),
                Arguments.of("2025-02-01-preview/DistributedAvailabilityGroupsFailover.json", "POST", "/distributedAvailabilityGroups/dag/failover"),
                Arguments.of("2025-02-01-preview/DistributedAvailabilityGroupsGet.json", "GET", "/distributedAvailabilityGroups/dag"),
                Arguments.of("2025-01-01/ServerTrustCertificatesGet.json", "GET", "/serverTrustCertificates/customerCertificateName"),
                Arguments.of("2025-01-01/ServerTrustCertificatesDelete.json", "DELETE", "/serverTrustCertificates/customerCertificateName"),
                Arguments.of("2025-02-01-preview/ServerTrustCertificatesCreate.json", "PUT", "/serverTrustCertificates/customerCertificateName"),
                Arguments.of("2025-02-01-preview/ServerTrustCertificatesListByInstance.json", "GET", "/serverTrustCertificates"),
                Arguments.of("2025-02-01-preview/EndpointCertificatesListByInstance.json", "GET", "/endpointCertificates"),
                Arguments.of("2024-05-01-preview/EndpointCertificatesGet.json", "GET", "/endpointCertificates/DATABASE_MIRRORING"),
                Arguments.of("2025-01-01/ManagedInstanceGetWithExpandEqualsAdministrators.json", "GET", ""),
                Arguments.of("2025-02-01-preview/ManagedInstanceGetWhileUpdating.json", "GET", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void exampleRequestIsAcceptedAndResponseHasTheExampleShape(String file, String method, String suffix) throws IOException {
        Map<String, Object> fixture = load(file);
        Map<String, Object> parameters = Json.child(fixture, "parameters");
        Map<String, Object> responses = Json.child(fixture, "responses");
        String sub = Json.string(parameters, "subscriptionId");
        String rg = Json.string(parameters, "resourceGroupName");
        String mi = Json.string(parameters, "managedInstanceName");
        String apiVersion = Json.string(parameters, "api-version");
        ArmSimulator sim = ArmSimulator.builder().managedInstance(sub, rg, mi, spec -> spec
                .instancePoolId("/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Sql/instancePools/pool1")
                .tag("key", "value")).pageSize(10).build();
        String base = "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.Sql/managedInstances/" + mi;
        prepare(sim, base, file);
        SqlServerManager manager = ArmSimulators.sqlServerManager(sim, sub);
        RawArm raw = new RawArm(manager, InMemoryArmHttpClient.BASE_URL);
        Object body = parameters.get("parameters");
        String json = body == null ? null : new String(Json.write(body), StandardCharsets.UTF_8);
        String url = raw.url(base + suffix, apiVersion);

        Object actual;
        if ("GET".equals(method)) {
            SimpleResponse<String> response = raw.call(HttpMethod.GET, url, null);
            assertThat(responses).containsKey(Integer.toString(response.getStatusCode()));
            actual = RawArm.json(response.getValue());
        } else {
            RawArm.Outcome outcome = raw.lro(HttpMethod.valueOf(method), url, json);
            assertThat(responses).as("initial status documented").containsKey(Integer.toString(outcome.initialStatus()));
            Map<String, Object> documentedInitial = Json.child(responses, Integer.toString(outcome.initialStatus()));
            if (documentedInitial.get("body") != null) {
                assertThat(ShapeComparator.mismatches(documentedInitial.get("body"), RawArm.json(outcome.initialBody())))
                        .as("initial body shape").isEmpty();
            }
            actual = outcome.finalResult();
        }
        Object expected = Json.child(responses, "200") == null ? null : Json.child(responses, "200").get("body");
        if (expected == null) {
            assertThat(actual).as("no body documented, none returned").isNull();
        } else {
            assertThat(ShapeComparator.mismatches(expected, actual)).as("shape of %s", file).isEmpty();
        }
    }

    /** Creates what the example operates on, straight through the transport-free core. */
    private static void prepare(ArmSimulator sim, String base, String file) {
        String name = file.substring(file.indexOf('/') + 1);
        if (name.startsWith("DistributedAvailabilityGroups") && !name.contains("Create")) {
            boolean miSecondary = name.contains("SetRole") || name.contains("Failover");
            send(sim, "PUT", base + "/distributedAvailabilityGroups/dag", String.format(DAG_MAX, miSecondary ? "Secondary" : "Primary", "testdb"));
            if (name.contains("List")) {
                send(sim, "PUT", base + "/distributedAvailabilityGroups/dag2", String.format(DAG_MAX, "Secondary", "testdb2"));
                seeding(sim.links().get(1));
            }
            if (name.contains("Get")) {
                seeding(sim.links().get(0));
            }
        }
        if (name.startsWith("ServerTrustCertificates") && !name.contains("Create")) {
            send(sim, "PUT", base + "/serverTrustCertificates/customerCertificateName", "{\"properties\":{\"publicBlob\":\"0x3082\"}}");
            send(sim, "PUT", base + "/serverTrustCertificates/customerCertificate2", "{\"properties\":{\"publicBlob\":\"3082AB\"}}");
        }
    }

    private static void seeding(SimulatedLink link) {
        link.databases().get(0).replicaState("Seeding").seedingProgress("80%");
    }

    private static void send(ArmSimulator sim, String method, String path, String body) {
        ArmResponse response = sim.handle(new ArmRequest(method, URI.create("https://arm.simulator.invalid" + path
                + "?api-version=2025-01-01"), Map.of(), body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as("setup %s %s: %s", method, path, response.bodyText()).isLessThan(300);
        String poll = response.headers().getOrDefault("Azure-AsyncOperation", response.headers().get("Location"));
        if (poll != null) {
            assertThat(sim.handle(new ArmRequest("GET", URI.create(poll), Map.of(), null)).status()).isLessThan(300);
        }
    }

    private static Map<String, Object> load(String file) throws IOException {
        try (InputStream in = FixtureShapeTest.class.getResourceAsStream("/arm-fixtures/" + file)) {
            assertThat(in).as("fixture %s", file).isNotNull();
            return Json.object(Json.parse(in.readAllBytes()), file);
        }
    }
}
