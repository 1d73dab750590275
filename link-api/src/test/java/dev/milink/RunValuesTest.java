package dev.milink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.ImportAzureRootCertificates;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.RunValue;
import dev.milink.step.RunValues;
import dev.milink.step.UploadTrustCertificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The values steps need and produce: typed, immutable, journalled only when durable, never shown in logs. */
class RunValuesTest {

    private static final byte[] KEY = {0x30, (byte) 0x82, 0x01, 0x0A};

    @Test
    void inputsAreTypedImmutableAndShowNoKeyMaterial() {
        StepInputs none = StepInputs.of(SecretSource.fromLookup(n -> "s3cret!"));
        StepInputs some = none.with(RunValue.SQL_SERVER_CERTIFICATE, KEY).withManagedInstanceFqdn("mi.example.net");
        assertThat(none.sqlServerCertificate()).isEmpty();
        assertThat(some.get(RunValue.SQL_SERVER_CERTIFICATE)).hasValueSatisfying(k -> assertThat(k).isEqualTo(KEY));
        some.get(RunValue.SQL_SERVER_CERTIFICATE).orElseThrow()[0] = 0;
        assertThat(some.sqlServerCertificate().orElseThrow()[0]).as("a copy is handed out").isEqualTo((byte) 0x30);
        assertThat(some.toString()).contains("SQLServerPublicKey").contains("ManagedInstanceFqdn")
                .doesNotContain("3082").doesNotContain("s3cret").doesNotContain("mi.example.net");
    }

    @Test
    void onlyDurableValuesAreJournalledAndTheyReadBackAsWritten() {
        RunValues values = RunValues.of(RunValue.CREATED_ROOT_CERTIFICATES, List.of("DigiCertGlobalRootG2", "MicrosoftRSARoot2017"))
                .with(RunValue.SQL_SERVER_CERTIFICATE, KEY);
        assertThat(RunValue.CREATED_ROOT_CERTIFICATES.durable()).isTrue();
        assertThat(RunValue.SQL_SERVER_CERTIFICATE.durable()).isFalse();
        Map<String, String> encoded = values.encoded();
        assertThat(encoded).containsEntry("CreatedRootCertificates", "DigiCertGlobalRootG2,MicrosoftRSARoot2017")
                .containsEntry("SQLServerPublicKey", "3082010A");
        assertThat(RunValues.decoded(encoded)).isEqualTo(values);
        assertThat(RunValues.decoded(Map.of("SomethingNewer", "x")).isEmpty()).as("unknown names are ignored").isTrue();
    }

    @Test
    void adaptersReadUntypedValuesOnlyOfTheRightType() {
        assertThat(RunValue.SQL_SERVER_CERTIFICATE.cast(KEY)).isPresent();
        assertThat(RunValue.SQL_SERVER_CERTIFICATE.cast("3082")).isEmpty();
        StepResult result = StepResult.changed("created").withProduced(RunValue.SQL_SERVER_CERTIFICATE, KEY);
        assertThat(result.produced().keys()).containsExactly(RunValue.SQL_SERVER_CERTIFICATE);
    }

    @Test
    void stepsDeclareWhatTheyNeedAndProduce() {
        assertThat(new CreateEndpointCertificate("c", "s", Optional.empty()).produces()).containsExactly(RunValue.SQL_SERVER_CERTIFICATE);
        assertThat(new UploadTrustCertificate("c").needs()).containsExactly(RunValue.SQL_SERVER_CERTIFICATE);
        assertThat(new ImportManagedInstanceCertificate("mi", Optional.empty()).needs())
                .containsExactlyInAnyOrder(RunValue.MANAGED_INSTANCE_CERTIFICATE, RunValue.MANAGED_INSTANCE_FQDN);
        assertThat(new ImportManagedInstanceCertificate("mi", Optional.of("mi.example.net")).needs())
                .containsExactly(RunValue.MANAGED_INSTANCE_CERTIFICATE);
        assertThat(new ImportAzureRootCertificates(List.of(), "*.database.windows.net").produces()).containsExactly(RunValue.CREATED_ROOT_CERTIFICATES);
    }
}
