package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.AzureEnvironment;
import dev.milink.testkit.arm.ArmSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ArmBuilderTest {

    @Test
    void defaultsTargetThePublicCloudWithoutTouchingTheNetwork() {
        ArmManagedInstancePort port = ArmManagedInstancePort.builder().managedInstance(Sim.INSTANCE).build();

        assertThat(port.toString()).contains("https://management.azure.com").contains(Sim.INSTANCE.resourceId());
        assertThat(port.managedInstance()).isEqualTo(Sim.INSTANCE);
    }

    @Test
    void sovereignCloudsUseTheirEndpoint() {
        ArmManagedInstancePort port = ArmManagedInstancePort.builder().managedInstance(Sim.INSTANCE)
                .environment(AzureEnvironment.AZURE_US_GOVERNMENT).credential(dev.milink.testkit.arm.ArmSimulators.staticCredential())
                .build();

        assertThat(port.toString()).contains("https://management.usgovcloudapi.net");
    }

    @Test
    void invalidConfigurationIsRefused() {
        assertThatThrownBy(() -> ArmManagedInstancePort.builder().build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("managedInstance");
        assertThatThrownBy(() -> ArmManagedInstancePort.builder().environment("http://arm.example/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> ArmManagedInstancePort.builder().pollInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArmManagedInstancePort.builder().operationTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operationRetryAfterIsHonoured() {
        ArmSimulator sim = Sim.simulator().lroRetryAfter(1).build();
        ArmManagedInstancePort port = Sim.port(sim);
        long start = System.nanoTime();

        assertThat(port.apply(Sim.createLink("dag1", "delta", true), Sim.inputs()).changed()).isTrue();

        // One poll, announced with Retry-After: 1; the 1 ms poll interval alone would be far quicker.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(sim.journal().pollCount()).isEqualTo(1);
    }

    @Test
    void linkNamesWithSpecialCharactersArePercentEncoded() {
        ArmSimulator sim = Sim.simulator().build();
        ArmManagedInstancePort port = Sim.port(sim);

        port.apply(Sim.createLink("dag#1@x$", "delta", true), Sim.inputs());

        assertThat(port.link("dag#1@x$")).hasValueSatisfying(l -> assertThat(l.name()).isEqualTo("dag#1@x$"));
        assertThat(sim.link(Sim.SUB, Sim.RG, Sim.MI, "dag#1@x$")).isPresent();
    }
}
