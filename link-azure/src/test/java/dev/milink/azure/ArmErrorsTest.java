package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.milink.DatabaseName;
import dev.milink.FailoverType;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.LinkRole;
import dev.milink.ReplicationMode;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.SetManagedInstanceRole;
import dev.milink.step.Side;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.arm.LroStyle;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ARM errors become milink exceptions naming the step, the side, the ARM code, the status and a fix. */
@Timeout(30)
class ArmErrorsTest {

    private static final DatabaseName DB = DatabaseName.of("delta");
    private static final String TOKEN = "arm-simulator-token";

    private final ArmSimulator sim = Sim.simulator().build();
    private final ArmManagedInstancePort port = Sim.port(sim);

    private LinkExecutionException failing(ManagedInstanceStep step) {
        LinkExecutionException e = catchThrowableOfType(LinkExecutionException.class, () -> port.apply(step, Sim.inputs()));
        assertThat(e).as("apply(%s) must fail", step).isNotNull();
        assertThat(e.step()).isEqualTo(step.id());
        assertThat(e.side()).isEqualTo(Side.MANAGED_INSTANCE);
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        return e;
    }

    private static CreateManagedInstanceLink miPrimaryLink() {
        CreateManagedInstanceLink s = Sim.createLink("dag1", "delta", true);
        return new CreateManagedInstanceLink(s.linkName(), s.target(), s.partnerEndpoint(), s.partnerAvailabilityGroup(),
                s.instanceAvailabilityGroup(), LinkRole.PRIMARY, true, s.seedingMode());
    }

    @Test
    void remoteDatabaseExists() {
        sim.addDatabase(Sim.SUB, Sim.RG, Sim.MI, "delta");

        LinkExecutionException e = failing(Sim.createLink("dag1", "delta", true));

        assertThat(e.code()).isEqualTo(LinkErrorCode.ARM_ERROR);
        assertThat(e.armErrorCode()).contains("RemoteDatabaseExists");
        assertThat(e.getMessage()).contains("HTTP 409").contains("mi.link[delta]").contains("Managed Instance (ARM)");
        assertThat(e.fix()).contains("drop or rename");
    }

    @Test
    void databaseNumberLimitReached() {
        ArmSimulator full = ArmSimulator.builder().managedInstance(Sim.SUB, Sim.RG, Sim.MI, spec -> spec.maxDatabases(0)).build();
        ArmManagedInstancePort p = Sim.port(full);

        LinkExecutionException e = catchThrowableOfType(LinkExecutionException.class,
                () -> p.apply(Sim.createLink("dag1", "delta", true), Sim.inputs()));

        assertThat(e.armErrorCode()).contains("DatabaseNumberLimitReached");
        assertThat(e.getMessage()).contains("HTTP 400");
        assertThat(e.fix()).contains("database limit");
    }

    @Test
    void plannedFailoverOfAnUnsynchronizedLinkSaysWaitForSync() {
        port.apply(miPrimaryLink(), Sim.inputs());
        sim.link(Sim.SUB, Sim.RG, Sim.MI, "dag1").orElseThrow().database("delta").orElseThrow().synchronizationHealth("NOT_HEALTHY");

        LinkExecutionException e = failing(new FailoverManagedInstanceLink("dag1", DB, FailoverType.PLANNED));

        assertThat(e.armErrorCode()).contains("DistributedAvailabilityGroupFailoverSecondariesNotSynchronizing");
        assertThat(e.fix()).contains("wait until the databases are synchronized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DistributedAvailabilityGroupFailoverLogSendQueueSizeTooBig",
        "DistributedAvailabilityGroupFailoverRedoQueueSizeTooBig"})
    void failoverQueueErrorsSayWaitForSync(String code) {
        port.apply(miPrimaryLink(), Sim.inputs());
        sim.faults().on("POST", "/failover$").respond(409, code, "queue too big");

        LinkExecutionException e = failing(new FailoverManagedInstanceLink("dag1", DB, FailoverType.PLANNED));

        assertThat(e.armErrorCode()).contains(code);
        assertThat(e.fix()).contains("wait until the databases are synchronized");
    }

    @Test
    void setRolePrimaryPlannedIsExplained() {
        port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());

        LinkExecutionException e = failing(new SetManagedInstanceRole("dag1", DB, LinkRole.PRIMARY, false));

        assertThat(e.armErrorCode()).contains("DistributedAvailabilityGroupSetRolePrimaryPlannedNotSupported");
        assertThat(e.fix()).contains("roleChangeType Forced");
    }

    @ParameterizedTest
    @CsvSource({"409,ConflictingServerOperation", "409,ManagedInstanceIsBusy", "400,OperationCanNotStartDueToMiLink"})
    void busyInstanceSaysRetryLater(int status, String code) {
        sim.faults().on("PUT", "/distributedAvailabilityGroups/").respond(status, code, "busy");

        LinkExecutionException e = failing(Sim.createLink("dag1", "delta", true));

        assertThat(e.armErrorCode()).contains(code);
        assertThat(e.getMessage()).contains("HTTP " + status);
        assertThat(e.fix()).contains("retry later");
    }

    @Test
    void authorizationFailedListsTheRoles() {
        sim.faults().on("PUT", "/serverTrustCertificates/").respond(403, "AuthorizationFailed", "no write permission");

        LinkExecutionException e = failing(new UploadTrustCertificate("Cert_sql01_endpoint"));

        assertThat(e.armErrorCode()).contains("AuthorizationFailed");
        assertThat(e.getMessage()).contains("HTTP 403").contains("no write permission");
        assertThat(e.fix()).contains("SQL Managed Instance Contributor").contains("serverTrustCertificates read+write+delete")
                .contains("distributedAvailabilityGroups read+write+delete+setRole/action");
    }

    @Test
    void missingLinkIsResourceNotFound() {
        LinkExecutionException e = failing(new SetLinkReplicationMode("nolink", DB, ReplicationMode.SYNC));

        assertThat(e.armErrorCode()).contains("ResourceNotFound");
        assertThat(e.fix()).contains("check the resource id");
    }

    @Test
    void throttlingWithRetryAfterIsRetriedByThePipeline() {
        sim.faults().on("GET", "/managedInstances/testcl$").respond(429, "TooManyRequests", "slow down").retryAfter(1);
        long start = System.nanoTime();

        assertThat(port.instance().fqdn()).isEqualTo("testcl.abc123.database.windows.net");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(sim.journal().entries()).extracting(e -> e.status()).containsExactly(429, 200);
    }

    @Test
    void persistentThrottlingHandsTheRetryAfterHintToTheRunner() {
        sim.faults().on("PUT", "/distributedAvailabilityGroups/").times(10).respond(429, "TooManyRequests", "slow down")
                .retryAfter(1);

        LinkExecutionException e = failing(Sim.createLink("dag1", "delta", true));

        assertThat(e.armErrorCode()).contains("TooManyRequests");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @CsvSource({"429,TooManyRequests,TooManyRequests", "500,InternalError,InternalServerError",
        "503,ServerBusy,ServiceUnavailable", "500,OperationTimedOut,OperationTimedOut"})
    void persistentTransientFailuresAreMarkedForTheRunner(int status, String code, String normalised) {
        sim.faults().on("PUT", "/distributedAvailabilityGroups/").times(10).respond(status, code, "transient");

        LinkExecutionException e = failing(Sim.createLink("dag1", "delta", true));

        assertThat(e.code()).isEqualTo(LinkErrorCode.ARM_ERROR);
        assertThat(e.armErrorCode()).contains(normalised);
        assertThat(ArmErrorMapping.TRANSIENT).contains(normalised);
        assertThat(e.getMessage()).contains("HTTP " + status).contains(code);
        // The pipeline retried (fast retry policy: 3 retries) before giving up.
        assertThat(sim.journal().count("PUT", "/distributedAvailabilityGroups/")).isEqualTo(4);
    }

    @Test
    void operationFailingWithOperationTimedOutIsTransient() {
        sim.faults().on("PUT", "/distributedAvailabilityGroups/").lroFailed("OperationTimedOut", "took too long");

        LinkExecutionException e = failing(Sim.createLink("dag1", "delta", true));

        assertThat(e.armErrorCode()).contains("OperationTimedOut");
        assertThat(e.getMessage()).contains("took too long");
        assertThat(port.link("dag1")).isEmpty();
    }

    @Test
    void canceledOperationFails() {
        sim.faults().on("PUT", "/serverTrustCertificates/").lroCanceled();

        LinkExecutionException e = failing(new UploadTrustCertificate("Cert_sql01_endpoint"));

        assertThat(e.armErrorCode()).contains("OperationCanceled");
    }

    @Test
    void locationStyleOperationFailureCarriesTheArmCode() {
        ArmSimulator s = Sim.simulator().lroStyle(LroStyle.LOCATION).build();
        ArmManagedInstancePort p = Sim.port(s);
        s.faults().on("PUT", "/distributedAvailabilityGroups/").lroFailed("UnableToResolveRemoteServer", "cannot resolve SERVER");

        LinkExecutionException e = catchThrowableOfType(LinkExecutionException.class,
                () -> p.apply(Sim.createLink("dag1", "delta", true), Sim.inputs()));

        assertThat(e.armErrorCode()).contains("UnableToResolveRemoteServer");
        assertThat(e.fix()).contains("VNet");
    }

    @Test
    void connectionClosedWithoutAnswerIsUnreachable() {
        sim.faults().on("PUT", "/distributedAvailabilityGroups/").times(10).dropConnection();

        LinkExecutionException e = failing(Sim.createLink("dag1", "delta", true));

        assertThat(e.code()).isEqualTo(LinkErrorCode.UNREACHABLE);
        assertThat(e.armErrorCode()).contains("ConnectionFailed");
        assertThat(e.fix()).contains("network access");
    }

    @Test
    void connectionClosedOnATypedCallOrARead() {
        sim.faults().on("*", ".").times(100).dropConnection();

        assertThat(failing(new UploadTrustCertificate("c")).code()).isEqualTo(LinkErrorCode.UNREACHABLE);
        assertThatThrownBy(port::endpointCertificate).isInstanceOf(LinkException.class).isNotInstanceOf(LinkExecutionException.class)
                .satisfies(e -> assertThat(((LinkException) e).code()).isEqualTo(LinkErrorCode.UNREACHABLE))
                .hasMessageContaining("no answer");
        assertThatThrownBy(port::links).satisfies(e -> assertThat(((LinkException) e).code()).isEqualTo(LinkErrorCode.UNREACHABLE));
    }

    @Test
    void aSingleDroppedConnectionIsRetried() {
        sim.faults().on("PUT", "/distributedAvailabilityGroups/").dropConnection();

        assertThat(port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs()).changed()).isTrue();
        assertThat(sim.faults().fired()).isEqualTo(1);
    }

    @Test
    void operationsThatNeverFinishTimeOut() {
        ArmSimulator slow = Sim.simulator().lroPolls(1_000_000).build();
        ArmManagedInstancePort p = Sim.builder(slow).operationTimeout(Duration.ofMillis(200)).build();

        LinkExecutionException e = catchThrowableOfType(LinkExecutionException.class,
                () -> p.apply(Sim.createLink("dag1", "delta", true), Sim.inputs()));

        assertThat(e.code()).isEqualTo(LinkErrorCode.TIMEOUT);
        assertThat(e.getMessage()).contains("did not finish within PT0.2S");
        assertThat(slow.journal().pollCount()).isPositive();
    }

    @Test
    void uploadWithoutTheSqlServerCertificateIsAStateConflict() {
        LinkExecutionException e = catchThrowableOfType(LinkExecutionException.class,
                () -> port.apply(new UploadTrustCertificate("c"), dev.milink.port.StepInputs.of(dev.milink.SecretSource.fromLookup(n -> null))));

        assertThat(e.code()).isEqualTo(LinkErrorCode.STATE_CONFLICT);
        assertThat(sim.journal().entries()).isEmpty();
    }
}
