package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The product jar holds no test double: the tool that signs in to a production SQL Server as sysadmin must not
 * carry a TDS server, a fake ARM or BouncyCastle. Runs after {@code package}, on the jar itself.
 */
class ProductJarIT {

    private static final Path JAR = Path.of("target", "milink.jar");

    @Test
    void milinkJarHoldsNoSimulatorAndNoBouncyCastle() throws IOException {
        assertThat(JAR).as("built by the package phase").exists();
        List<String> names;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            names = jar.stream().map(JarEntry::getName).toList();
        }
        assertThat(names).as("the CLI itself is there").contains("dev/milink/cli/Milink.class");
        assertThat(names).filteredOn(n -> n.startsWith("dev/milink/testkit/") || n.startsWith("dev/milink/demo/")
                || n.startsWith("dev/milink/e2e/") || n.startsWith("org/bouncycastle/")
                || n.equals("dev/milink/cli/DemoCommand.class")).isEmpty();
        assertThat(Files.size(JAR)).as("bytes").isPositive();
    }
}
