package dev.milink.azure;

import dev.milink.DatabaseName;
import dev.milink.EndpointUrl;
import dev.milink.LinkRole;
import dev.milink.ManagedInstance;
import dev.milink.SeedingMode;
import dev.milink.SecretSource;
import dev.milink.port.StepInputs;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.arm.ArmSimulators;
import dev.milink.testkit.arm.InMemoryArmHttpClient;
import java.time.Duration;

/** Shared wiring: one simulated instance and ports on the in-memory transport, with millisecond waits. */
final class Sim {

    static final String SUB = "00000000-1111-2222-3333-444444444444";
    static final String RG = "testrg";
    static final String MI = "testcl";
    static final ManagedInstance INSTANCE = ManagedInstance.of(SUB, RG, MI);
    static final byte[] SQL_CERT = {0x30, (byte) 0x82, 0x01, 0x0A, 0x02, 0x01, 0x01, 0x7F};

    private Sim() {
    }

    static ArmSimulator.Builder simulator() {
        ArmSimulators.useFastPolling();
        return ArmSimulator.builder().managedInstance(SUB, RG, MI, spec -> spec.collation("Latin1_General_100_CI_AS")
                .databaseFormat("SQLServer2022").fqdn("testcl.abc123.database.windows.net")
                .database("alpha").database("beta").database("gamma"));
    }

    static ArmManagedInstancePort port(ArmSimulator sim) {
        return builder(sim).build();
    }

    static ArmManagedInstancePort.Builder builder(ArmSimulator sim) {
        return ArmManagedInstancePort.builder().managedInstance(INSTANCE)
                .environment(InMemoryArmHttpClient.BASE_URL)
                .credential(ArmSimulators.staticCredential())
                .httpClient(new InMemoryArmHttpClient(sim))
                .retryPolicy(ArmSimulators.fastRetryPolicy())
                .pollInterval(Duration.ofMillis(1))
                .operationTimeout(Duration.ofSeconds(20));
    }

    static StepInputs inputs() {
        return StepInputs.of(SecretSource.fromLookup(name -> null)).withSqlServerCertificate(SQL_CERT);
    }

    static CreateManagedInstanceLink createLink(String linkName, String database, boolean twoWay) {
        return new CreateManagedInstanceLink(linkName, DatabaseName.of(database), EndpointUrl.parse("TCP://10.0.1.8:5022"),
                "AG_" + database, "MIAG_" + database, LinkRole.SECONDARY, twoWay, SeedingMode.AUTOMATIC);
    }
}
