package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.DatabaseName;
import dev.milink.FailoverType;
import dev.milink.LinkRole;
import dev.milink.ReplicationMode;
import dev.milink.port.StepResult;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.SetManagedInstanceRole;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.arm.LroStyle;
import dev.milink.testkit.arm.RequestJournal;
import dev.milink.testkit.arm.SimulatedLink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every write step applied, applied again (converging, no error) and observed, in each LRO style. */
@Timeout(30)
class ArmWritesTest {

    private static final DatabaseName DB = DatabaseName.of("delta");

    private ArmSimulator sim;
    private ArmManagedInstancePort port;

    private void start(LroStyle style) {
        sim = Sim.simulator().lroStyle(style).lroPolls(2).pageSize(100).build();
        port = Sim.port(sim);
    }

    private SimulatedLink simLink(String name) {
        return sim.link(Sim.SUB, Sim.RG, Sim.MI, name).orElseThrow();
    }

    private void assertPolledIf(LroStyle style) {
        if (style == LroStyle.SYNCHRONOUS) {
            assertThat(sim.journal().pollCount()).isZero();
        } else {
            assertThat(sim.journal().pollCount()).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(LroStyle.class)
    void uploadTrustCertificate(LroStyle style) {
        start(style);
        UploadTrustCertificate step = new UploadTrustCertificate("Cert_sql01_endpoint");

        // Absent before the PUT, so created in every style, a 202 answer included: a rollback removes it.
        assertThat(port.apply(step, Sim.inputs()).changed()).isTrue();
        assertPolledIf(style);
        assertThat(port.apply(step, Sim.inputs()).changed()).isFalse();

        assertThat(sim.trustCertificateThumbprints(Sim.SUB, Sim.RG, Sim.MI)).containsOnlyKeys("Cert_sql01_endpoint");
        assertThat(port.trustCertificates()).extracting(t -> t.name()).containsExactly("Cert_sql01_endpoint");
        RequestJournal.Entry put = sim.journal().calls().stream().filter(e -> e.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(put.path()).endsWith("/serverTrustCertificates/Cert_sql01_endpoint");
        assertThat(propertyNames(put.body())).isEqualTo(fixtureShape("ServerTrustCertificatesCreate.json"));
        assertThat(ArmJson.child(ArmJson.object(put.body()), "properties").get("publicBlob")).isEqualTo("3082010A0201017F");
    }

    @ParameterizedTest
    @EnumSource(LroStyle.class)
    void deleteTrustCertificate(LroStyle style) {
        start(style);
        port.apply(new UploadTrustCertificate("old_cert"), Sim.inputs());
        DeleteTrustCertificate step = new DeleteTrustCertificate("old_cert");

        assertThat(port.apply(step, Sim.inputs()).changed()).isTrue();
        assertThat(port.apply(step, Sim.inputs()).changed()).isFalse();
        assertThat(port.trustCertificates()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LroStyle.class)
    void createLink(LroStyle style) {
        start(style);

        StepResult first = port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());
        assertPolledIf(style);
        StepResult again = port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());

        // Absent before the PUT (a GET said 404), so created whatever ARM answered; present before the second.
        assertThat(first.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(sim.links()).hasSize(1);
        assertThat(simLink("dag1").failoverMode()).isEqualTo("Manual");
        assertThat(port.link("dag1")).hasValueSatisfying(l -> {
            assertThat(l.instanceRole()).isEqualTo(LinkRole.SECONDARY);
            assertThat(l.database("delta")).isPresent();
        });
        List<RequestJournal.Entry> puts = sim.journal().calls().stream().filter(e -> e.method().equals("PUT")).toList();
        assertThat(puts).hasSize(2).allSatisfy(put -> {
            assertThat(put.apiVersion()).isEqualTo("2025-01-01");
            assertThat(propertyNames(put.body())).isEqualTo(fixtureShape("DistributedAvailabilityGroupsCreateMax.json"));
        });
        Map<String, Object> p = ArmJson.child(ArmJson.object(puts.get(0).body()), "properties");
        assertThat(p).containsEntry("partnerEndpoint", "TCP://10.0.1.8:5022").containsEntry("instanceLinkRole", "Secondary")
                .containsEntry("failoverMode", "Manual").containsEntry("seedingMode", "Automatic")
                .containsEntry("partnerAvailabilityGroupName", "AG_delta").containsEntry("instanceAvailabilityGroupName", "MIAG_delta");
        assertThat(p.get("databases")).isEqualTo(List.of(Map.of("databaseName", "delta")));
    }

    @Test
    void oneWayLinkHasFailoverModeNone() {
        start(LroStyle.AZURE_ASYNC_OPERATION);
        port.apply(Sim.createLink("dag1", "delta", false), Sim.inputs());
        assertThat(simLink("dag1").failoverMode()).isEqualTo("None");
        assertThat(port.link("dag1").orElseThrow().failoverMode()).isEqualTo("None");
    }

    @ParameterizedTest
    @EnumSource(LroStyle.class)
    void deleteLink(LroStyle style) {
        start(style);
        port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());
        DeleteManagedInstanceLink step = new DeleteManagedInstanceLink("dag1", DB);

        assertThat(port.apply(step, Sim.inputs()).changed()).isTrue();
        assertThat(port.apply(step, Sim.inputs()).changed()).isFalse();
        assertThat(port.link("dag1")).isEmpty();
        assertThat(sim.link(Sim.SUB, Sim.RG, Sim.MI, "dag1")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LroStyle.class)
    void setReplicationMode(LroStyle style) {
        start(style);
        port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());
        SetLinkReplicationMode step = new SetLinkReplicationMode("dag1", DB, ReplicationMode.SYNC);

        assertThat(port.apply(step, Sim.inputs()).changed()).isTrue();
        assertThat(port.apply(step, Sim.inputs()).changed()).isFalse();
        assertThat(simLink("dag1").replicationMode()).isEqualTo("Sync");
        assertThat(port.link("dag1").orElseThrow().replicationMode()).isEqualTo(ReplicationMode.SYNC);
        RequestJournal.Entry patch = sim.journal().calls().stream().filter(e -> e.method().equals("PATCH")).findFirst().orElseThrow();
        assertThat(patch.apiVersion()).isEqualTo("2025-01-01");
        assertThat(propertyNames(patch.body())).isEqualTo(fixtureShape("DistributedAvailabilityGroupsUpdate.json"));
        assertThat(sim.journal().count("PATCH", ".")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(LroStyle.class)
    void plannedFailoverFromThePrimaryInstance(LroStyle style) {
        start(style);
        CreateManagedInstanceLink miPrimary = Sim.createLink("dag1", "delta", true);
        port.apply(new CreateManagedInstanceLink(miPrimary.linkName(), miPrimary.target(), miPrimary.partnerEndpoint(),
                miPrimary.partnerAvailabilityGroup(), miPrimary.instanceAvailabilityGroup(), LinkRole.PRIMARY, true,
                miPrimary.seedingMode()), Sim.inputs());
        port.apply(new SetLinkReplicationMode("dag1", DB, ReplicationMode.SYNC), Sim.inputs());
        FailoverManagedInstanceLink step = new FailoverManagedInstanceLink("dag1", DB, FailoverType.PLANNED);

        assertThat(port.apply(step, Sim.inputs()).changed()).isTrue();
        assertThat(port.apply(step, Sim.inputs()).changed()).isFalse();
        assertThat(simLink("dag1").instanceLinkRole().wireName()).isEqualTo("Secondary");
        assertThat(port.link("dag1").orElseThrow().instanceRole()).isEqualTo(LinkRole.SECONDARY);
        assertThat(port.link("dag1").orElseThrow().partnerRole()).contains(LinkRole.PRIMARY);
        RequestJournal.Entry post = sim.journal().calls().stream().filter(e -> e.path().endsWith("/failover")).findFirst().orElseThrow();
        assertThat(sim.journal().count("POST", "/failover$")).isEqualTo(1);
        assertThat(post.apiVersion()).isEqualTo("2025-01-01");
        assertThat(propertyNames(post.body())).isEqualTo(fixtureShape("DistributedAvailabilityGroupsFailover.json"));
        assertThat(ArmJson.object(post.body())).containsEntry("failoverType", "Planned");
    }

    @ParameterizedTest
    @EnumSource(LroStyle.class)
    void forcedFailoverFromTheSecondaryInstance(LroStyle style) {
        start(style);
        port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());
        FailoverManagedInstanceLink step = new FailoverManagedInstanceLink("dag1", DB, FailoverType.FORCED_ALLOW_DATA_LOSS);

        assertThat(port.apply(step, Sim.inputs()).changed()).isTrue();
        assertThat(port.apply(step, Sim.inputs()).changed()).isFalse();
        assertThat(port.link("dag1").orElseThrow().instanceRole()).isEqualTo(LinkRole.PRIMARY);
        assertThat(sim.journal().count("POST", "/failover$")).isEqualTo(1);
        RequestJournal.Entry post = sim.journal().calls().stream().filter(e -> e.path().endsWith("/failover")).findFirst().orElseThrow();
        assertThat(ArmJson.object(post.body())).isEqualTo(Map.of("failoverType", "ForcedAllowDataLoss"));
    }

    @ParameterizedTest
    @EnumSource(LroStyle.class)
    void forcedSetRole(LroStyle style) {
        start(style);
        port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());
        SetManagedInstanceRole step = new SetManagedInstanceRole("dag1", DB, LinkRole.PRIMARY, true);

        assertThat(port.apply(step, Sim.inputs()).changed()).isTrue();
        assertThat(port.apply(step, Sim.inputs()).changed()).isFalse();
        assertThat(port.link("dag1").orElseThrow().instanceRole()).isEqualTo(LinkRole.PRIMARY);
        RequestJournal.Entry post = sim.journal().calls().stream().filter(e -> e.path().endsWith("/setRole")).findFirst().orElseThrow();
        assertThat(sim.journal().count("POST", "/setRole$")).isEqualTo(1);
        assertThat(ArmJson.object(post.body())).isEqualTo(Map.of("instanceRole", "Primary", "roleChangeType", "Forced"));
        assertThat(propertyNames(post.body())).isEqualTo(fixtureShape("DistributedAvailabilityGroupsSetRole.json"));
    }

    @Test
    void aFreshCreateCostsSevenRequestsBesidesPolls() {
        start(LroStyle.AZURE_ASYNC_OPERATION);

        port.instance();
        port.databaseNames();
        port.endpointCertificate();
        port.apply(new UploadTrustCertificate("Cert_sql01_endpoint"), Sim.inputs());
        port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());

        // One read before each creating PUT: what decides whether a 202 answer created the resource.
        assertThat(sim.journal().calls()).extracting(e -> e.method() + " " + e.path().replaceAll(".*/testcl", ""))
                .containsExactly("GET ", "GET /databases", "GET /endpointCertificates/DATABASE_MIRRORING",
                        "GET /serverTrustCertificates", "PUT /serverTrustCertificates/Cert_sql01_endpoint",
                        "GET /distributedAvailabilityGroups/dag1", "PUT /distributedAvailabilityGroups/dag1");
        assertThat(sim.journal().pollCount()).isEqualTo(4);
    }

    /** @return the property names of a request body, nested objects as {@code parent.child}, arrays as {@code name[]} */
    static java.util.Set<String> propertyNames(String json) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        collect("", ArmJson.parse(json), names);
        return names;
    }

    private static void collect(String prefix, Object value, java.util.Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String name = prefix.isEmpty() ? k.toString() : prefix + "." + k;
                names.add(name);
                collect(name, v, names);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(prefix + "[]", item, names));
        }
    }

    private static java.util.Set<String> fixtureShape(String file) {
        try (InputStream in = ArmWritesTest.class.getResourceAsStream("/arm-fixtures/" + file)) {
            assertThat(in).as(file).isNotNull();
            Map<String, Object> example = ArmJson.object(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return propertyNames(ArmJson.write(ArmJson.child(example, "parameters").get("parameters")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
