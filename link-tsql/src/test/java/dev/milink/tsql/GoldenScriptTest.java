package dev.milink.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.LinkPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

/**
 * Compares rendered scripts with the reviewed golden files in {@code src/test/resources/golden/}, exactly
 * (only line endings are normalised).
 *
 * <p>To regenerate them after an intended rendering change, run
 * {@code mvn -pl link-tsql test -Dtest=GoldenScriptTest -Dmilink.golden.update=true}, then review the diff
 * line by line against the statement shapes in docs/LINK-FACTS.md before committing. With the property set
 * the test rewrites the files and still fails, so an update run can never pass silently.
 */
class GoldenScriptTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("milink.golden.update");

    @TestFactory
    Stream<DynamicTest> renderedScriptsMatchTheReviewedGoldenFiles() {
        return Scenarios.golden().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> compare(e.getKey(), e.getValue())));
    }

    private static void compare(String name, Supplier<LinkPlan> plan) throws IOException {
        String actual = normalise(TsqlScript.render(plan.get()));
        Path file = GOLDEN.resolve(name + ".sql");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            throw new AssertionError("rewrote " + file + " (-Dmilink.golden.update=true); review it and run again without the property");
        }
        assertThat(file).as("golden file %s (create it with -Dmilink.golden.update=true)", file).exists();
        String expected = normalise(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(actual).as("rendered script for %s", name).isEqualTo(expected);
    }

    @Test
    void everyGoldenFileBelongsToAScenario() throws IOException {
        List<String> scenarios = Scenarios.golden().keySet().stream().map(n -> n + ".sql").sorted().toList();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(scenarios);
        }
    }

    @Test
    void renderingIsDeterministic() {
        for (Map.Entry<String, Supplier<LinkPlan>> e : Scenarios.golden().entrySet()) {
            assertThat(TsqlScript.render(e.getValue().get())).as(e.getKey())
                    .isEqualTo(TsqlScript.render(e.getValue().get()));
        }
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
