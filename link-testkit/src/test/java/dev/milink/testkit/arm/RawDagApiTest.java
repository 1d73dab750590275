package dev.milink.testkit.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpMethod;
import com.azure.core.management.exception.ManagementException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The 2025-01-01 DAG API through {@code SqlServerManager.httpPipeline()} with azure-core LRO polling. */
class RawDagApiTest {

    static final String SUB = "22222222-2222-3333-4444-555555555555";
    static final String RG = "rg";
    static final String MI = "mi1";
    static final String BASE = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Sql/managedInstances/" + MI;

    static String dagBody(String db, String role) {
        return "{\"properties\":{\"databases\":[{\"databaseName\":\"" + db + "\"}],\"partnerEndpoint\":\"TCP://10.1.0.4:5022\","
                + "\"partnerAvailabilityGroupName\":\"AG_Box\",\"instanceAvailabilityGroupName\":\"AG_MI\","
                + "\"instanceLinkRole\":\"" + role + "\",\"failoverMode\":\"Manual\",\"seedingMode\":\"Automatic\"}}";
    }

    private static RawArm raw(ArmSimulator sim) {
        return new RawArm(ArmSimulators.sqlServerManager(sim), InMemoryArmHttpClient.BASE_URL);
    }

    @ParameterizedTest
    @EnumSource(value = LroStyle.class)
    void fullLifecycleInEveryLroStyle(LroStyle style) {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).lroStyle(style).lroPolls(3).build();
        RawArm raw = raw(sim);
        String dag = BASE + "/distributedAvailabilityGroups/link1";

        RawArm.Outcome created = raw.lro(HttpMethod.PUT, raw.url(dag, RawArm.API), dagBody("SalesDb", "Secondary"));
        assertThat(asMap(created.finalResult())).extracting(m -> Json.child(m, "properties"))
                .satisfies(p -> {
                    assertThat(p).containsEntry("instanceLinkRole", "Secondary").containsEntry("partnerLinkRole", "Primary")
                            .containsEntry("replicationMode", "Async").containsEntry("failoverMode", "Manual");
                    assertThat(Json.list(p, "databases")).singleElement().satisfies(db -> assertThat(asMap(db))
                            .containsEntry("replicaState", "Catchup").containsEntry("synchronizationHealth", "HEALTHY")
                            .containsEntry("connectedState", "CONNECTED").containsKey("lastHardenedLsn"));
                });

        RawArm.Outcome patched = raw.lro(HttpMethod.PATCH, raw.url(dag, RawArm.API), "{\"properties\":{\"replicationMode\":\"Sync\"}}");
        assertThat(Json.child(asMap(patched.finalResult()), "properties")).containsEntry("replicationMode", "Sync");

        RawArm.Outcome failedOver = raw.lro(HttpMethod.POST, raw.url(dag + "/failover", RawArm.API),
                "{\"failoverType\":\"ForcedAllowDataLoss\"}");
        assertThat(Json.child(asMap(failedOver.finalResult()), "properties")).containsEntry("instanceLinkRole", "Primary")
                .containsEntry("partnerLinkRole", "Secondary");

        RawArm.Outcome demoted = raw.lro(HttpMethod.POST, raw.url(dag + "/setRole", RawArm.API),
                "{\"instanceRole\":\"Secondary\",\"roleChangeType\":\"Forced\"}");
        assertThat(Json.child(asMap(demoted.finalResult()), "properties")).containsEntry("instanceLinkRole", "Secondary");

        RawArm.Outcome deleted = raw.lro(HttpMethod.DELETE, raw.url(dag, RawArm.API), null);
        assertThat(deleted.finalResult()).isNull();
        assertThat(sim.links()).isEmpty();
        assertThat(sim.databases(SUB, RG, MI)).containsExactly("SalesDb");

        // Three status polls per write; in the Azure-AsyncOperation style POST and DELETE also fetch their result URL.
        long expectedPolls = switch (style) {
            case SYNCHRONOUS -> 0;
            case LOCATION -> 5 * 3;
            case AZURE_ASYNC_OPERATION, ACCEPTED -> 5 * 3 + 3;
        };
        assertThat(sim.journal().pollCount()).isEqualTo(expectedPolls);
        assertThat(sim.journal().count("PUT", "/distributedAvailabilityGroups/")).isEqualTo(1);
        assertThat(sim.journal().count("POST", "/failover$")).isEqualTo(1);
    }

    @Test
    void listPagesWithNextLink() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).pageSize(2).build();
        RawArm raw = raw(sim);
        for (int i = 1; i <= 5; i++) {
            raw.lro(HttpMethod.PUT, raw.url(BASE + "/distributedAvailabilityGroups/dag" + i, RawArm.API), dagBody("db" + i, "Secondary"));
        }
        List<Object> names = new java.util.ArrayList<>();
        String url = raw.url(BASE + "/distributedAvailabilityGroups", RawArm.API);
        int pages = 0;
        while (url != null) {
            Map<String, Object> page = RawArm.json(raw.call(HttpMethod.GET, url, null).getValue());
            Json.list(page, "value").forEach(v -> names.add(asMap(v).get("name")));
            url = Json.string(page, "nextLink");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("dag1", "dag2", "dag3", "dag4", "dag5");
    }

    @Test
    void setRoleRulesAnswer409() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).build();
        RawArm raw = raw(sim);
        String dag = BASE + "/distributedAvailabilityGroups/link1";
        raw.lro(HttpMethod.PUT, raw.url(dag, RawArm.API), dagBody("Db", "Secondary"));

        assertCode(() -> raw.lro(HttpMethod.POST, raw.url(dag + "/setRole", RawArm.API),
                "{\"instanceRole\":\"Primary\",\"roleChangeType\":\"Planned\"}"), 409,
                "DistributedAvailabilityGroupSetRolePrimaryPlannedNotSupported");
        assertCode(() -> raw.lro(HttpMethod.POST, raw.url(dag + "/setRole", RawArm.API),
                "{\"instanceRole\":\"Secondary\",\"roleChangeType\":\"Forced\"}"), 409,
                "DistributedAvailabilityGroupSetRoleInstanceAlreadyInRequestedRole");
    }

    @Test
    void setRoleWhileAnotherChangeIsInProgressIsRefused() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).lroPolls(5).build();
        RawArm raw = raw(sim);
        String dag = BASE + "/distributedAvailabilityGroups/link1";
        raw.lro(HttpMethod.PUT, raw.url(dag, RawArm.API), dagBody("Db", "Secondary"));
        // Start a failover without polling it, so it stays in progress.
        assertThat(raw.call(HttpMethod.POST, raw.url(dag + "/failover", RawArm.API), "{\"failoverType\":\"ForcedAllowDataLoss\"}")
                .getStatusCode()).isEqualTo(202);

        assertCode(() -> raw.call(HttpMethod.POST, raw.url(dag + "/setRole", RawArm.API),
                "{\"instanceRole\":\"Primary\",\"roleChangeType\":\"Forced\"}"), 409,
                "DistributedAvailabilityGroupSetRoleChangeRoleAlreadyInProgress");
        assertCode(() -> raw.call(HttpMethod.PATCH, raw.url(dag, RawArm.API), "{\"properties\":{\"replicationMode\":\"Sync\"}}"),
                409, "ConflictingServerOperation");
        assertThat(sim.link(SUB, RG, MI, "link1")).get().extracting(SimulatedLink::instanceLinkRole)
                .as("not committed before the operation completes").isEqualTo(LinkRole.SECONDARY);
    }

    @Test
    void plannedFailoverNeedsASynchronizedPrimaryInstance() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI).build();
        RawArm raw = raw(sim);
        String dag = BASE + "/distributedAvailabilityGroups/link1";
        raw.lro(HttpMethod.PUT, raw.url(dag, RawArm.API), dagBody("Db", "Primary"));
        sim.link(SUB, RG, MI, "link1").orElseThrow().databases().get(0).synchronizationHealth("NOT_HEALTHY");

        assertCode(() -> raw.lro(HttpMethod.POST, raw.url(dag + "/failover", RawArm.API), "{\"failoverType\":\"Planned\"}"),
                409, "DistributedAvailabilityGroupFailoverSecondariesNotSynchronizing");

        sim.link(SUB, RG, MI, "link1").orElseThrow().databases().get(0).synchronizationHealth("HEALTHY");
        RawArm.Outcome done = raw.lro(HttpMethod.POST, raw.url(dag + "/failover", RawArm.API), "{\"failoverType\":\"Planned\"}");
        assertThat(Json.child(asMap(done.finalResult()), "properties")).containsEntry("instanceLinkRole", "Secondary");
    }

    @Test
    void databaseLimitAndDuplicateDatabase() {
        ArmSimulator sim = ArmSimulator.builder().managedInstance(SUB, RG, MI, mi -> mi.database("A").maxDatabases(2)).build();
        RawArm raw = raw(sim);
        raw.lro(HttpMethod.PUT, raw.url(BASE + "/distributedAvailabilityGroups/l1", RawArm.API), dagBody("B", "Secondary"));

        assertCode(() -> raw.lro(HttpMethod.PUT, raw.url(BASE + "/distributedAvailabilityGroups/l2", RawArm.API),
                dagBody("b", "Secondary")), 409, "RemoteDatabaseExists");
        assertCode(() -> raw.lro(HttpMethod.PUT, raw.url(BASE + "/distributedAvailabilityGroups/l2", RawArm.API),
                dagBody("C", "Secondary")), 400, "DatabaseNumberLimitReached");
    }

    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ManagementException.class, e -> {
            assertThat(e.getValue().getCode()).isEqualTo(code);
            if (e.getResponse() != null) {
                assertThat(e.getResponse().getStatusCode()).isEqualTo(status);
            }
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
