package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.DatabaseName;
import dev.milink.FailoverType;
import dev.milink.LinkRole;
import dev.milink.ReplicationMode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every request the ARM adapter sends, in every flow, against the official Microsoft.Sql OpenAPI documents of its
 * api-version (issue 13 item 16; copies and their commits in {@code arm-spec/SOURCE.md}), plus negative controls
 * that show the validator fails on what the spec forbids.
 */
@Timeout(60)
class ArmSpecConformanceTest {

    private static final String BASE = "/subscriptions/" + Sim.SUB + "/resourceGroups/" + Sim.RG
            + "/providers/Microsoft.Sql/managedInstances/" + Sim.MI;
    private static final SpecValidator SPEC = new SpecValidator(
            "/arm-spec/stable/2025-01-01/DistributedAvailabilityGroups.excerpt.json",
            "/arm-spec/stable/2025-01-01/ManagedInstances.paths.json",
            "/arm-spec/stable/2025-01-01/ServerTrustCertificates.json",
            "/arm-spec/stable/2025-01-01/EndpointCertificates.json",
            "/arm-spec/stable/2021-11-01/ServerTrustCertificates.json",
            "/arm-spec/stable/2021-11-01/EndpointCertificates.json",
            "/arm-spec/stable/2021-11-01/ManagedDatabases.paths.json");
    private static final DatabaseName DB = DatabaseName.of("delta");

    @Test
    void everyRequestTheAdapterSendsConformsToTheSpecOfItsApiVersion() {
        ArmSimulator sim = Sim.simulator().lroStyle(LroStyle.ACCEPTED).pageSize(1).build();
        ArmManagedInstancePort port = Sim.port(sim);
        port.instance();
        port.databaseNames();
        port.endpointCertificate();
        port.apply(new UploadTrustCertificate("Cert_sql01_endpoint"), Sim.inputs());
        port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());
        port.apply(Sim.createLink("dag2", "epsilon", false), Sim.inputs());
        CreateManagedInstanceLink template = Sim.createLink("dag3", "zeta", true);
        port.apply(new CreateManagedInstanceLink("dag3", template.target(), template.partnerEndpoint(),
                template.partnerAvailabilityGroup(), template.instanceAvailabilityGroup(), LinkRole.PRIMARY, true,
                template.seedingMode()), Sim.inputs());
        port.apply(new SetLinkReplicationMode("dag3", DatabaseName.of("zeta"), ReplicationMode.SYNC), Sim.inputs());
        port.apply(new FailoverManagedInstanceLink("dag3", DatabaseName.of("zeta"), FailoverType.PLANNED), Sim.inputs());
        port.apply(new FailoverManagedInstanceLink("dag1", DB, FailoverType.FORCED_ALLOW_DATA_LOSS), Sim.inputs());
        port.apply(new SetManagedInstanceRole("dag1", DB, LinkRole.SECONDARY, true), Sim.inputs());
        port.links();
        port.trustCertificates();
        port.apply(new DeleteManagedInstanceLink("dag1", DB), Sim.inputs());
        port.apply(new DeleteTrustCertificate("Cert_sql01_endpoint"), Sim.inputs());

        List<String> violations = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        List<RequestJournal.Entry> calls = sim.journal().calls();
        for (RequestJournal.Entry call : calls) {
            SpecValidator.Result result = SPEC.validate(call.method(), call.path(), call.apiVersion(), call.body());
            result.violations().forEach(v -> violations.add(call.method() + " " + call.path() + ": " + v));
            if (result.match() != null) {
                operations.add(result.match().operationId() + "@" + result.match().apiVersion());
            }
        }

        assertThat(violations).isEmpty();
        assertThat(operations).containsExactlyInAnyOrder("ManagedInstances_Get@2025-01-01",
                "ManagedDatabases_ListByInstance@2021-11-01", "EndpointCertificates_Get@2021-11-01",
                "ServerTrustCertificates_ListByInstance@2021-11-01", "ServerTrustCertificates_CreateOrUpdate@2025-01-01",
                "ServerTrustCertificates_Delete@2025-01-01", "DistributedAvailabilityGroups_ListByInstance@2025-01-01",
                "DistributedAvailabilityGroups_Get@2025-01-01", "DistributedAvailabilityGroups_CreateOrUpdate@2025-01-01",
                "DistributedAvailabilityGroups_Update@2025-01-01", "DistributedAvailabilityGroups_Failover@2025-01-01",
                "DistributedAvailabilityGroups_SetRole@2025-01-01", "DistributedAvailabilityGroups_Delete@2025-01-01");
        assertThat(calls).hasSizeGreaterThan(operations.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown property|PUT|/distributedAvailabilityGroups/d|2025-01-01|{\"properties\":{\"targetDatabase\":\"x\"}}|not in the schema",
        "read-only property|PUT|/distributedAvailabilityGroups/d|2025-01-01|{\"properties\":{\"partnerLinkRole\":\"Primary\"}}|read-only",
        "read-only nested|PUT|/distributedAvailabilityGroups/d|2025-01-01|{\"properties\":{\"databases\":[{\"databaseName\":\"x\",\"replicaState\":\"Seeding\"}]}}|read-only",
        "enum case|PATCH|/distributedAvailabilityGroups/d|2025-01-01|{\"properties\":{\"replicationMode\":\"sync\"}}|exact case",
        "enum value|POST|/distributedAvailabilityGroups/d/failover|2025-01-01|{\"failoverType\":\"Forced\"}|not one of",
        "required|POST|/distributedAvailabilityGroups/d/setRole|2025-01-01|{\"instanceRole\":\"Secondary\"}|roleChangeType is required",
        "type|PUT|/serverTrustCertificates/c|2021-11-01|{\"properties\":{\"publicBlob\":12}}|should be string",
        "read-only thumbprint|PUT|/serverTrustCertificates/c|2021-11-01|{\"properties\":{\"thumbprint\":\"AB\"}}|read-only",
        "missing body|POST|/distributedAvailabilityGroups/d/failover|2025-01-01||body (parameters) is required",
        "unknown api-version|GET|/distributedAvailabilityGroups/d|2025-01-02||no operation",
        "operation missing at version|POST|/distributedAvailabilityGroups/d/failover|2021-11-01|{\"failoverType\":\"Planned\"}|no operation",
        "unknown path|GET|/distributedAvailabilityGroup/d|2025-01-01||no operation"})
    void theValidatorRefusesWhatTheSpecForbids(String what, String method, String suffix, String version, String body,
            String expected) {
        SpecValidator.Result result = SPEC.validate(method, BASE + suffix, version, body);

        assertThat(result.violations()).as(what).anySatisfy(v -> assertThat(v).contains(expected));
    }

    @Test
    void theTrustCertificateBodyIsValidInTheNewerSpecToo() {
        String body = "{\"properties\":{\"publicBlob\":\"3082010A0201017F\"}}";

        assertThat(SPEC.validate("PUT", BASE + "/serverTrustCertificates/c", "2025-01-01", body).violations()).isEmpty();
        assertThat(SPEC.validate("PUT", BASE + "/serverTrustCertificates/c", "2021-11-01", body).violations()).isEmpty();
    }
}
