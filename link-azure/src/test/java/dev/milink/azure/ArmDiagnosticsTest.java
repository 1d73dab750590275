package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.milink.DatabaseName;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.ReplicationMode;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.testkit.arm.ArmSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What support and users need from an ARM failure (issue 13 item 12): ARM's request ids in every message, a fix
 * for the link's documented error codes, one rule for "absent", and a User-Agent that names milink.
 */
@Timeout(30)
class ArmDiagnosticsTest {

    private static final String REQUEST_IDS = ".*\\(x-ms-request-id: [0-9a-f-]{36}, x-ms-correlation-request-id: [0-9a-f-]{36}\\).*";
    private static final DatabaseName DB = DatabaseName.of("delta");

    private final ArmSimulator sim = Sim.simulator().build();
    private final ArmManagedInstancePort port = Sim.port(sim);

    @Test
    void everyArmErrorCarriesTheRequestIds() {
        sim.faults().on("PUT", "/distributedAvailabilityGroups/").respond(409, "RemoteDatabaseExists", "exists");
        LinkExecutionException raw = catchThrowableOfType(LinkExecutionException.class,
                () -> port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs()));
        sim.faults().on("PUT", "/serverTrustCertificates/").respond(403, "AuthorizationFailed", "no");
        LinkExecutionException typed = catchThrowableOfType(LinkExecutionException.class,
                () -> port.apply(new UploadTrustCertificate("c1"), Sim.inputs()));
        sim.faults().on("PUT", "/distributedAvailabilityGroups/").lroFailed("ManagedInstanceLinkConnectivityIsNotEstablished",
                "no connection");
        LinkExecutionException operation = catchThrowableOfType(LinkExecutionException.class,
                () -> port.apply(Sim.createLink("dag2", "epsilon", true), Sim.inputs()));
        sim.faults().on("GET", "/managedInstances/testcl$").times(10).respond(404, "ResourceNotFound", "gone");
        LinkException read = catchThrowableOfType(LinkException.class, port::instance);

        for (LinkException e : new LinkException[] {raw, typed, operation, read}) {
            assertThat(e.getMessage().replace('\n', ' ')).matches(REQUEST_IDS);
        }
        assertThat(operation.fix()).contains("5022");
    }

    @Test
    void resourceDoesNotExistMeansTheLinkIsAbsent() {
        sim.faults().on("GET", "/distributedAvailabilityGroups/dag1$").times(2).respond(404, "ResourceDoesNotExist",
                "Resource with the name 'dag1' does not exist. To continue, specify a valid resource name.");

        assertThat(port.link("dag1")).isEmpty();
        LinkExecutionException e = catchThrowableOfType(LinkExecutionException.class,
                () -> port.apply(new SetLinkReplicationMode("dag1", DB, ReplicationMode.SYNC), Sim.inputs()));
        assertThat(e.armErrorCode()).contains("ResourceNotFound");
        assertThat(e.fix()).contains("check the resource id");
    }

    @Test
    void aMissingParentIsAnErrorNotAnAbsentLink() {
        sim.faults().on("*", "/distributedAvailabilityGroups/dag1$").times(10)
                .respond(404, "ManagedInstanceNotInSubscriptionResourceGroup", "not in the resource group");

        assertThatThrownBy(() -> port.link("dag1")).isInstanceOf(LinkException.class)
                .hasMessageContaining("ManagedInstanceNotInSubscriptionResourceGroup")
                .satisfies(e -> assertThat(((LinkException) e).fix()).contains("check the resource id"));
        LinkExecutionException delete = catchThrowableOfType(LinkExecutionException.class,
                () -> port.apply(new DeleteManagedInstanceLink("dag1", DB), Sim.inputs()));
        assertThat(delete.armErrorCode()).contains("ManagedInstanceNotInSubscriptionResourceGroup");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "400|InvalidDistributedAvailabilityGroupsCreateOrUpdateRequestPartnerEndpoint|partnerEndpoint",
        "400|InstanceAvailabilityGroupNamePartnerAvailabilityGroupNameMatch|named differently",
        "400|CloudLifterChimeraMIAgNameIsAlreadyUsed|choose another",
        "409|ManagedInstanceLinkForProvidedAvailabilityGroupsAlreadyExists|drop it first",
        "400|CloudLifterChimeraBoxAndMiOnDifferentDbVersionsFailoverModeManual|update policy",
        "400|ManagedInstanceLinkCertificateNotFoundOnManagedInstance|server trust certificate",
        "400|ManagedInstanceLinkCertificateNotFoundOnSqlServer|Azure root certificates",
        "400|MissingPublicBlob|public key",
        "400|InvalidPublicBlob|public key"})
    void theLinksDocumentedErrorsGetAFix(int status, String code, String fix) {
        sim.faults().on("PUT", "/distributedAvailabilityGroups/").respond(status, code, "refused");

        LinkExecutionException e = catchThrowableOfType(LinkExecutionException.class,
                () -> port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs()));

        assertThat(e.code()).isEqualTo(LinkErrorCode.ARM_ERROR);
        assertThat(e.armErrorCode()).contains(code);
        assertThat(e.getMessage()).contains("HTTP " + status, code, "refused");
        assertThat(e.fix()).contains(fix);
    }

    @Test
    void aFailoverRefusedForTheInstancesRoleSaysWhichSideToStartFrom() {
        assertThat(ArmHints.hint("InvalidDistributedAvailabilityGroupFailoverInstanceRole", 400))
                .contains("planned failover starts where the instance is primary");
    }

    @Test
    void anAcceptedAnswerWithNothingToFollowIsAClearError() {
        sim.faults().on("PUT", "/distributedAvailabilityGroups/").respond(202, "Accepted", "no headers");

        LinkExecutionException e = catchThrowableOfType(LinkExecutionException.class,
                () -> port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs()));

        assertThat(e.armErrorCode()).contains("InvalidResponse");
        assertThat(e.getMessage()).contains("without an Azure-AsyncOperation or Location header");
    }

    @Test
    void theUserAgentNamesMilinkAndItsVersion() {
        port.instance();
        port.databaseNames();

        assertThat(MilinkVersion.version()).as("the build writes the version into the jar").isNotEqualTo("dev");
        assertThat(sim.journal().entries()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(e -> assertThat(e.headers().entrySet())
                .filteredOn(h -> h.getKey().equalsIgnoreCase("User-Agent")).singleElement()
                .satisfies(h -> assertThat(h.getValue()).startsWith("milink/" + MilinkVersion.version() + " azsdk-java-")));
    }
}
