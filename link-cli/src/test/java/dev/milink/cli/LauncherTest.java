package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Checks the ./milink launcher. Never builds Maven from inside Maven: runs it only when the jar is fresh. */
class LauncherTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path LAUNCHER = ROOT.resolve("milink");
    private static final Path JAR = ROOT.resolve("link-cli/target/milink.jar");

    @Test
    void launcherIsAnExecutableBashScriptThatBuildsThenExecsTheJar() throws IOException {
        assertThat(LAUNCHER).exists();
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
        String text = Files.readString(LAUNCHER, StandardCharsets.UTF_8);
        assertThat(text).startsWith("#!/usr/bin/env bash")
                .contains("-DskipTests -Dmilink.publish.skip=true -pl \"$module\" -am package")
                .contains("module=\"link-cli\"").contains("link-demo/target/milink-demo.jar")
                .contains("exec java -jar \"$jar\" \"$@\"")
                .contains("BASH_SOURCE");
    }

    @Test
    void launcherRunsTheJarFromAnotherDirectory() throws Exception {
        assumeTrue(Files.exists(JAR) && !stale(), "milink.jar is missing or older than the sources; "
                + "running the launcher now would start a nested Maven build");
        Process p = new ProcessBuilder("bash", LAUNCHER.toString(), "--version")
                .directory(Files.createTempDirectory("milink-cwd").toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("milink ").doesNotContain("building");
    }

    private static boolean stale() throws IOException {
        FileTime jar = Files.getLastModifiedTime(JAR);
        try (Stream<Path> files = Files.walk(ROOT, 1)) {
            return files.filter(d -> d.getFileName().toString().startsWith("link-"))
                    .flatMap(LauncherTest::sources)
                    .anyMatch(f -> newer(f, jar));
        }
    }

    private static Stream<Path> sources(Path module) {
        Path main = module.resolve("src/main");
        Stream<Path> pom = Stream.of(module.resolve("pom.xml"), ROOT.resolve("pom.xml")).filter(Files::exists);
        if (!Files.isDirectory(main)) {
            return pom;
        }
        try {
            return Stream.concat(pom, Files.walk(main).filter(Files::isRegularFile).toList().stream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean newer(Path f, FileTime than) {
        try {
            return Files.getLastModifiedTime(f).compareTo(than) > 0;
        } catch (IOException e) {
            return true;
        }
    }
}
