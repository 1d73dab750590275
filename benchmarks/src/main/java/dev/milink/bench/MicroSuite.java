package dev.milink.bench;

import dev.milink.bench.micro.PlanningBenchmarks;
import dev.milink.bench.micro.TdsBenchmarks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the JMH micro benchmarks with deliberately small settings so the whole command stays within minutes on
 * two cores: 1 fork, 3 warm-up iterations of 1 s, 3 measured iterations of 1 s, sample-time mode (medians).
 */
final class MicroSuite {

    static final int WARMUPS = 3;
    static final int ITERATIONS = 3;

    private final Report report;

    MicroSuite(Report report) {
        this.report = report;
    }

    void run() throws RunnerException {
        Options options = new OptionsBuilder().include(PlanningBenchmarks.class.getName() + ".*")
                .include(TdsBenchmarks.class.getName() + ".*").forks(1).warmupIterations(WARMUPS)
                .warmupTime(TimeValue.seconds(1)).measurementIterations(ITERATIONS).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn").build();
        Collection<RunResult> results = new Runner(options).run();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("benchmark", "median", "p99", "samples"));
        for (RunResult r : results) {
            BenchmarkParams params = r.getParams();
            String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            Statistics s = r.getPrimaryResult().getStatistics();
            double medianUs = s.getPercentile(50);
            rows.add(List.of(name, us(medianUs), us(s.getPercentile(99)), String.valueOf(s.getN())));
            target(name, medianUs);
        }
        report.section("Micro benchmarks (JMH 1.37)", "JMH sample-time mode, 1 fork, " + WARMUPS + " x 1 s warm-up, "
                + ITERATIONS + " x 1 s measured (kept small on purpose: a few minutes for the whole command on 2 cores;"
                + " figures are indicative, not publication grade). The TDS benchmarks use the real mssql-jdbc driver over"
                + " loopback against the simulator with no added latency; `statementSelect1` is the whole per-statement"
                + " cost (driver + loopback + simulator), so it bounds what the simulator adds.");
        report.table(rows);
    }

    private void target(String name, double medianUs) {
        if (name.equals("connectAndSelect1")) {
            report.target("TDS simulator", "connect + SELECT 1 median under 5 ms (warm JVM)", us(medianUs), medianUs < 5000);
        } else if (name.equals("statementSelect1")) {
            report.target("TDS simulator", "adds under 1 ms per statement (SELECT 1 on an open connection, median)",
                    us(medianUs), medianUs < 1000);
        } else if (name.equals("statementObservationBatch")) {
            report.target("TDS simulator", "adds under 1 ms per statement (milink's observation batch, median)",
                    us(medianUs), medianUs < 1000);
        }
    }

    private static String us(double micros) {
        return micros >= 1000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000)
                : String.format(Locale.ROOT, "%.1f µs", micros);
    }
}
