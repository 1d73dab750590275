package dev.milink.testkit.arm;

import static dev.milink.testkit.arm.RawDagApiTest.BASE;
import static dev.milink.testkit.arm.RawDagApiTest.MI;
import static dev.milink.testkit.arm.RawDagApiTest.RG;
import static dev.milink.testkit.arm.RawDagApiTest.SUB;
import static dev.milink.testkit.arm.RawDagApiTest.dagBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviour hook a linked world uses, exercised on the transport-free core. */
class DagLifecycleTest {

    private static ArmResponse send(ArmSimulator sim, String method, String pathOrUrl, String body) {
        String url = pathOrUrl.startsWith("https://") ? pathOrUrl
                : "https://arm.simulator.invalid" + pathOrUrl + "?api-version=2025-01-01";
        return sim.handle(new ArmRequest(method, URI.create(url), Map.of(), body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void worldDrivesSeedingAndTheDatabaseAppearsWhenSeeded() {
        List<String> events = new ArrayList<>();
        DagLifecycle world = new DagLifecycle() {
            @Override
            public void onCreate(SimulatedLink link) {
                events.add("create " + link.name());
            }

            @Override
            public void onCompleted(SimulatedLink link, ArmOperation operation) {
                events.add("completed " + operation);
            }
        };
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).lifecycle(world).build();
        ArmResponse accepted = send(sim, "PUT", BASE + "/distributedAvailabilityGroups/l1", dagBody("Sales", "Secondary"));
        assertThat(accepted.status()).isEqualTo(201);
        send(sim, "GET", accepted.headers().get("Azure-AsyncOperation"), null);

        SimulatedLink link = sim.link(SUB, RG, MI, "l1").orElseThrow();
        assertThat(link.databases().get(0).replicaState()).isEqualTo("Seeding");
        assertThat(sim.databases(SUB, RG, MI)).isEmpty();
        assertThat(send(sim, "GET", BASE + "/distributedAvailabilityGroups/l1", null).bodyText()).contains("\"seedingProgress\":\"0%\"");

        sim.inLock(() -> link.databases().get(0).replicaState("Catchup").seedingProgress(null)
                .lsn(SimulatedLinkDatabase.Lsn.HARDENED, new BigInteger("71000009408100001"), Instant.parse("2026-01-01T00:00:00Z"))
                .partnerAuthCertValidity("Cert_BOX_endpoint", Instant.parse("2027-01-01T00:00:00Z")));

        String body = send(sim, "GET", BASE + "/distributedAvailabilityGroups/l1", null).bodyText();
        assertThat(body).contains("\"lastHardenedLsn\":\"71000009408100001\"", "\"lastHardenedTime\":\"2026-01-01T00:00:00Z\"",
                "\"partnerAuthCertValidity\":{\"certificateName\":\"Cert_BOX_endpoint\",\"expiryDate\":\"2027-01-01T00:00:00Z\"}");
        assertThat(sim.databases(SUB, RG, MI)).containsExactly("Sales");
        assertThat(send(sim, "GET", BASE + "/databases", null).bodyText()).contains("\"name\":\"Sales\"", "\"status\":\"Online\"");
        assertThat(events).containsExactly("create l1", "completed DAG_CREATE_OR_UPDATE");
    }

    @Test
    void worldCanRefuseSynchronouslyOrFailTheOperation() {
        DagLifecycle world = new DagLifecycle() {
            @Override
            public void onCreate(SimulatedLink link) {
                if (link.partnerEndpoint().contains("unresolvable")) {
                    throw new ArmError(400, "UnableToResolveRemoteServer", "cannot resolve");
                }
                throw ArmError.asynchronous("LinkCreationError", "seeding failed");
            }
        };
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).lifecycle(world).build();

        ArmResponse refused = send(sim, "PUT", BASE + "/distributedAvailabilityGroups/l1",
                dagBody("Db", "Secondary").replace("10.1.0.4", "unresolvable"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyText()).isEqualTo("{\"error\":{\"code\":\"UnableToResolveRemoteServer\",\"message\":\"cannot resolve\"}}");

        ArmResponse accepted = send(sim, "PUT", BASE + "/distributedAvailabilityGroups/l1", dagBody("Db", "Secondary"));
        assertThat(accepted.status()).isEqualTo(201);
        ArmResponse poll = send(sim, "GET", accepted.headers().get("Azure-AsyncOperation"), null);
        assertThat(poll.bodyText()).contains("\"status\":\"Failed\"", "\"code\":\"LinkCreationError\"");
        assertThat(sim.links()).isEmpty();
    }

    @Test
    void missingApiVersionAndUnknownResourceGroup() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).build();

        ArmResponse noVersion = send(sim, "GET", "https://arm.simulator.invalid" + BASE, null);
        ArmResponse noGroup = send(sim, "GET", BASE.replace("/resourceGroups/rg/", "/resourceGroups/other/"), null);

        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.bodyText()).contains("MissingApiVersionParameter");
        assertThat(noGroup.status()).isEqualTo(404);
        assertThat(noGroup.bodyText()).contains("ResourceGroupNotFound");
        assertThat(sim.journal().entries()).hasSize(2).noneMatch(RequestJournal.Entry::poll);
    }

    @Test
    void oldAndNewSchemaRenderTheSameStoredLink() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).lroStyle(LroStyle.SYNCHRONOUS).build();
        send(sim, "PUT", BASE + "/distributedAvailabilityGroups/l1", dagBody("Db", "Secondary"));

        String old = sim.handle(new ArmRequest("GET", URI.create("https://arm.simulator.invalid" + BASE
                + "/distributedAvailabilityGroups/l1?api-version=2021-11-01"), Map.of(), null)).bodyText();
        String trap = sim.handle(new ArmRequest("GET", URI.create("https://arm.simulator.invalid" + BASE
                + "/distributedAvailabilityGroups/l1?api-version=2023-08-01"), Map.of(), null)).bodyText();
        String preview = sim.handle(new ArmRequest("GET", URI.create("https://arm.simulator.invalid" + BASE
                + "/distributedAvailabilityGroups/l1?api-version=2023-08-01-preview"), Map.of(), null)).bodyText();

        assertThat(old).contains("\"targetDatabase\":\"Db\"", "\"sourceEndpoint\":\"TCP://10.1.0.4:5022\"",
                "\"primaryAvailabilityGroupName\":\"AG_Box\"", "\"linkState\":\"Catchup\"").doesNotContain("databases");
        assertThat(trap).contains("\"targetDatabase\"");
        assertThat(preview).contains("\"databases\":[").doesNotContain("targetDatabase");
    }
}
