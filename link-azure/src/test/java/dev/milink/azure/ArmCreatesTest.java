package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.milink.LinkErrorCode;
import dev.milink.LinkExecutionException;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.testkit.arm.ArmOperation;
import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.arm.LroStyle;
import dev.milink.testkit.arm.RequestJournal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A create answered 202 Accepted counts as created exactly when the resource was absent before the PUT (issue 13
 * item 11, arm-fidelity finding 1), and a trust certificate ARM would refuse as a duplicate is settled before any
 * PUT (finding 2). The journal records what {@code changed()} reports, and rollback removes only those steps.
 */
@Timeout(30)
class ArmCreatesTest {

    private static final String CERT = "Cert_sql01_endpoint";
    private static final byte[] OTHER_CERT = {0x30, (byte) 0x82, 0x01, 0x0B, 0x02, 0x01, 0x02, 0x7F};

    private static ArmSimulator accepting() {
        return Sim.simulator().lroStyle(ArmOperation.DAG_CREATE_OR_UPDATE, LroStyle.ACCEPTED)
                .lroStyle(ArmOperation.TRUST_CERTIFICATE_CREATE, LroStyle.ACCEPTED).lroPolls(2).build();
    }

    private static List<Integer> putStatuses(ArmSimulator sim) {
        return sim.journal().calls().stream().filter(e -> e.method().equals("PUT")).map(RequestJournal.Entry::status).toList();
    }

    @Test
    void a202CreateOfAnAbsentResourceCountsAsCreated() {
        ArmSimulator sim = accepting();
        ArmManagedInstancePort port = Sim.port(sim);

        StepResult cert = port.apply(new UploadTrustCertificate(CERT), Sim.inputs());
        StepResult link = port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs());

        assertThat(putStatuses(sim)).containsExactly(202, 202);
        assertThat(cert.changed()).as(cert.detail()).isTrue();
        assertThat(link.changed()).as(link.detail()).isTrue();
        assertThat(sim.link(Sim.SUB, Sim.RG, Sim.MI, "dag1")).isPresent();
        assertThat(sim.trustCertificateThumbprints(Sim.SUB, Sim.RG, Sim.MI)).containsOnlyKeys(CERT);
    }

    @Test
    void a202ReapplyOfAnExistingLinkIsNotCreated() {
        ArmSimulator sim = accepting();
        // The user's own link, made before this run by another client.
        Sim.port(sim).apply(Sim.createLink("dag1", "delta", true), Sim.inputs());
        sim.journal().clear();

        StepResult again = Sim.port(sim).apply(Sim.createLink("dag1", "delta", true), Sim.inputs());

        assertThat(putStatuses(sim)).containsExactly(202);
        assertThat(again.changed()).isFalse();
        assertThat(again.detail()).contains("existed before this run", "202");
    }

    @Test
    void aTrustCertificateAlreadyInPlaceIsNotUploadedAgain() {
        ArmSimulator sim = accepting();
        Sim.port(sim).apply(new UploadTrustCertificate(CERT), Sim.inputs());
        sim.journal().clear();

        StepResult sameName = Sim.port(sim).apply(new UploadTrustCertificate(CERT), Sim.inputs());
        StepResult otherName = Sim.port(sim).apply(new UploadTrustCertificate("Cert_uploaded_by_hand"), Sim.inputs());

        assertThat(sameName.changed()).isFalse();
        assertThat(otherName.changed()).isFalse();
        assertThat(otherName.detail()).contains("already trusted", CERT);
        assertThat(putStatuses(sim)).as("ARM would refuse the duplicate with CertificateAlreadyExists").isEmpty();
        assertThat(sim.trustCertificateThumbprints(Sim.SUB, Sim.RG, Sim.MI)).containsOnlyKeys(CERT);
    }

    @Test
    void aTrustCertificateNameHoldingAnotherKeyIsRefusedBeforeAnyPut() {
        ArmSimulator sim = accepting();
        ArmManagedInstancePort port = Sim.port(sim);
        StepInputs other = StepInputs.of(dev.milink.SecretSource.fromLookup(n -> null)).withSqlServerCertificate(OTHER_CERT);
        port.apply(new UploadTrustCertificate(CERT), other);
        sim.journal().clear();

        LinkExecutionException e = catchThrowableOfType(LinkExecutionException.class,
                () -> port.apply(new UploadTrustCertificate(CERT), Sim.inputs()));

        assertThat(e.code()).isEqualTo(LinkErrorCode.STATE_CONFLICT);
        assertThat(e.armErrorCode()).contains("CertificateAlreadyExists");
        assertThat(e.getMessage()).contains(CERT, TrustPrecheck.thumbprint(OTHER_CERT), TrustPrecheck.thumbprint(Sim.SQL_CERT));
        assertThat(e.fix()).contains("delete the stale trust certificate", "another name");
        assertThat(putStatuses(sim)).isEmpty();
    }

    @Test
    void armsOwnCertificateAlreadyExistsGetsAFix() {
        ArmSimulator sim = Sim.simulator().build();
        sim.faults().on("PUT", "/serverTrustCertificates/").respond(400, "CertificateAlreadyExists",
                "A certificate with a given name already exists or this certificate already has been added to the database.");

        LinkExecutionException e = catchThrowableOfType(LinkExecutionException.class,
                () -> Sim.port(sim).apply(new UploadTrustCertificate(CERT), Sim.inputs()));

        assertThat(e.armErrorCode()).contains("CertificateAlreadyExists");
        assertThat(e.getMessage()).contains("HTTP 400");
        assertThat(e.fix()).contains("partner-cert list");
    }
}
