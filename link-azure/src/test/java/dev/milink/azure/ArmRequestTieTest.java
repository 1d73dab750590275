package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.DatabaseName;
import dev.milink.FailoverType;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkRole;
import dev.milink.ReplicationMode;
import dev.milink.SecretSource;
import dev.milink.arm.ArmRequest;
import dev.milink.arm.ArmRequests;
import dev.milink.port.StepInputs;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.SetManagedInstanceRole;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.arm.LroStyle;
import dev.milink.testkit.arm.RequestJournal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What is reviewed is what runs, for the ARM half: the request the script prints ({@link ArmRequests#forScript}) and
 * the request the adapter sends, as the ARM simulator received it, agree in method, path, api-version and body, for
 * every Managed Instance step kind. The one difference allowed is SQL Server's public key, a placeholder in the script.
 */
@Timeout(30)
class ArmRequestTieTest {

    private static final DatabaseName DB = DatabaseName.of("delta");

    /** A run that makes every write kind send its request once, in an order the simulator accepts. */
    private static final List<ManagedInstanceStep> RUN = List.of(
            new UploadTrustCertificate("Cert sql01 #1"),
            Sim.createLink("dag1", "delta", true),
            new SetLinkReplicationMode("dag1", DB, ReplicationMode.SYNC),
            new FailoverManagedInstanceLink("dag1", DB, FailoverType.FORCED_ALLOW_DATA_LOSS),
            new SetManagedInstanceRole("dag1", DB, LinkRole.SECONDARY, true),
            new DeleteManagedInstanceLink("dag1", DB),
            new DeleteTrustCertificate("Cert sql01 #1"));

    @Test
    void theRunCoversEveryManagedInstanceStepKind() {
        Set<Class<?>> covered = RUN.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(ManagedInstanceStep.class.getPermittedSubclasses()));
    }

    @Test
    void theSentRequestIsThePrintedRequest() {
        ArmSimulator sim = Sim.simulator().lroStyle(LroStyle.SYNCHRONOUS).build();
        ArmManagedInstancePort port = Sim.port(sim);
        StepInputs inputs = Sim.inputs();
        String resourceId = Sim.INSTANCE.resourceId();
        for (ManagedInstanceStep step : RUN) {
            int before = sim.journal().calls().size();
            assertThat(port.apply(step, inputs).changed()).as("%s changed something", step.id()).isTrue();
            List<RequestJournal.Entry> writes = sim.journal().calls().subList(before, sim.journal().calls().size()).stream()
                    .filter(e -> !e.method().equals("GET")).toList();
            ArmRequest printed = ArmRequests.forScript(step, resourceId);
            assertThat(writes).as("writes sent for %s", step.id()).hasSize(1);
            RequestJournal.Entry sent = writes.get(0);
            assertThat(sent.method()).isEqualTo(printed.method());
            assertThat(sent.path()).isEqualTo(URLDecoder.decode(printed.path(), StandardCharsets.UTF_8));
            assertThat(sent.apiVersion()).isEqualTo(printed.apiVersion()).isEqualTo(ArmRequests.API_VERSION);
            String expectedBody = printed.body().map(b -> b.replace(ArmRequests.PUBLIC_KEY_PLACEHOLDER,
                    HexFormat.of().withUpperCase().formatHex(Sim.SQL_CERT))).orElse("");
            assertThat(sent.body() == null ? "" : sent.body()).as("body of %s", step.id()).isEqualTo(expectedBody);
        }
    }

    @Test
    void theRunRequestDiffersFromTheScriptOnlyInTheLearnedPublicKey() {
        String resourceId = Sim.INSTANCE.resourceId();
        for (ManagedInstanceStep step : RUN) {
            ArmRequest printed = ArmRequests.forScript(step, resourceId);
            ArmRequest run = ArmRequests.forRun(step, resourceId, Sim.inputs());
            if (step instanceof UploadTrustCertificate) {
                assertThat(printed.body()).hasValueSatisfying(b -> assertThat(b).contains(ArmRequests.PUBLIC_KEY_PLACEHOLDER));
                assertThat(run.body()).hasValue("{\"properties\":{\"publicBlob\":\"3082010A0201017F\"}}");
            } else {
                assertThat(run).isEqualTo(printed);
            }
        }
    }

    @Test
    void uploadingBeforeTheKeyIsKnownFailsClearly() {
        StepInputs nothing = StepInputs.of(SecretSource.fromLookup(name -> null));
        assertThatThrownBy(() -> ArmRequests.forRun(new UploadTrustCertificate("c"), Sim.INSTANCE.resourceId(), nothing))
                .isInstanceOfSatisfying(LinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(LinkErrorCode.STATE_CONFLICT);
                    assertThat(e.fix()).contains("certificate step");
                });
    }

    @Test
    void aValueArmSendsThatMilinkDoesNotKnowIsAnErrorNotADefault() {
        java.util.Map<String, Object> link = java.util.Map.of("name", "dag1", "properties", java.util.Map.of(
                "replicationMode", "SemiSync", "instanceLinkRole", "Primary", "databases", List.of()));
        assertThatThrownBy(() -> DagJson.state(link)).isInstanceOfSatisfying(LinkException.class, e -> {
            assertThat(e.getMessage()).contains("replicationMode").contains("SemiSync").contains("Async, Sync");
            assertThat(e.fix()).contains("upgrade milink");
        });
        java.util.Map<String, Object> role = java.util.Map.of("name", "dag1", "properties", java.util.Map.of(
                "replicationMode", "Sync", "instanceLinkRole", "Tertiary", "databases", List.of()));
        assertThatThrownBy(() -> DagJson.state(role)).isInstanceOf(LinkException.class).hasMessageContaining("instanceLinkRole");
        java.util.Map<String, Object> known = java.util.Map.of("name", "dag1", "properties", java.util.Map.of(
                "replicationMode", "Sync", "instanceLinkRole", "Primary", "databases", List.of()));
        assertThat(DagJson.state(known).replicationMode()).isEqualTo(ReplicationMode.SYNC);
    }
}
