package dev.milink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness with tiny sizes produces a report with figures. No timing is asserted: benchmarks are not tests,
 * and this machine is shared and noisy.
 */
class BenchmarkHarnessSmokeTest {

    @Test
    void tinyRunWritesAReportWithFigures(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("BENCHMARKS.md");
        BenchmarkMain.Options options = BenchmarkMain.Options.parse(
                new String[] {"--smoke", "--only", "create,health", "--out", out.toString()});

        Report report = BenchmarkMain.run(options);
        report.write(out);

        String md = Files.readString(out);
        assertThat(md).contains("## Machine", "## Targets", "## Creating links", "## Remote calls per link", "## Health polling");
        assertThat(md).containsPattern("\\| 2 \\| 2 \\| \\d+\\.\\d ms \\| \\d+\\.\\d ms \\|");
    }

    @Test
    void criticalPathGrowsInWavesOfTheParallelism() {
        CriticalPath model = CriticalPath.realistic();
        var plan = dev.milink.Link.from(dev.milink.SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022"))
                .database(Worlds.databases(16)).to(dev.milink.ManagedInstance.of("00000000-1111-2222-3333-444444444444",
                        "rg-milink", "mi-link01")).twoWayDR(true).plan();
        var one = dev.milink.Link.from(dev.milink.SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022"))
                .database("Db000").to(dev.milink.ManagedInstance.of("00000000-1111-2222-3333-444444444444",
                        "rg-milink", "mi-link01")).twoWayDR(true).plan();
        var chain = model.chain(one);

        assertThat(model.bound(plan, 8).minus(model.bound(plan, 16))).isEqualTo(chain);
        assertThat(model.bound(plan, 1).minus(model.bound(plan, 8))).isEqualTo(chain.multipliedBy(14));
    }
}
