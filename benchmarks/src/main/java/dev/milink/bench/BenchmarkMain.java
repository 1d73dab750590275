package dev.milink.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one benchmark command. Runs the JMH micro benchmarks and the end-to-end harness and writes
 * {@code docs/BENCHMARKS.md}.
 *
 * <pre>
 * java -jar benchmarks/target/milink-benchmarks.jar [--out docs/BENCHMARKS.md] [--root .] [--only micro,create,...] [--smoke]
 * </pre>
 *
 * Sections: {@code micro}, {@code create}, {@code health}, {@code failover}, {@code coldstart}, {@code heap}.
 * {@code --smoke} runs tiny sizes without JMH and cold start (for the test that checks the harness produces numbers).
 */
public final class BenchmarkMain {

    /** The documented command. */
    public static final String COMMAND = "benchmarks/run.sh\n"
            + "# which is: mvn -B -q -pl benchmarks,link-cli -am install -DskipTests && java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -jar benchmarks/target/milink-benchmarks.jar --root . --out docs/BENCHMARKS.md";

    private static final List<String> ALL = List.of("micro", "create", "health", "failover", "coldstart", "heap");

    private BenchmarkMain() {
    }

    /**
     * @param args options, see the class comment
     * @throws Exception when a benchmark cannot run
     */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Report report = run(o);
        report.write(o.out());
        System.out.println("wrote " + o.out().toAbsolutePath() + " (" + report.misses() + " target(s) missed)");
        System.exit(0);
    }

    /**
     * @param o what to run
     * @return the report (not yet written)
     * @throws Exception when a benchmark cannot run
     */
    public static Report run(Options o) throws Exception {
        Report report = new Report(COMMAND);
        if (o.sections().contains("micro")) {
            new MicroSuite(report).run();
        }
        if (o.sections().contains("create")) {
            new CreationBench(report, o.smoke() ? new int[] {1, 2} : new int[] {1, 10, 20, 50},
                    o.smoke() ? new int[] {1, 2} : new int[] {1, 8}).run();
        }
        if (o.sections().contains("health")) {
            new HealthBench(report, o.smoke() ? new int[] {1, 2} : new int[] {1, 10, 100}, o.smoke() ? 3 : 30).run();
        }
        if (o.sections().contains("failover")) {
            new FailoverBench(report, o.smoke() ? 1 : 3).run();
        }
        if (o.sections().contains("coldstart")) {
            new ColdStartBench(report, o.root(), 5).run();
        }
        if (o.sections().contains("heap")) {
            new HeapBench(report, o.smoke() ? 2 : 100).run();
        }
        return report;
    }

    /**
     * @param out where the report goes
     * @param root the repository root (for the CLI jar)
     * @param sections which sections run
     * @param smoke tiny sizes
     */
    public record Options(Path out, Path root, Set<String> sections, boolean smoke) {

        static Options parse(String[] args) {
            Path out = Path.of("docs", "BENCHMARKS.md");
            Path root = Path.of(".");
            Set<String> sections = new LinkedHashSet<>(ALL);
            boolean smoke = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(args[++i]);
                    case "--root" -> root = Path.of(args[++i]);
                    case "--only" -> sections = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                    case "--smoke" -> smoke = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --out FILE, --root DIR, --only " + String.join(",", ALL) + ", --smoke");
                }
            }
            if (smoke) {
                sections.remove("micro");
                sections.remove("coldstart");
            }
            return new Options(out, root, sections, smoke);
        }
    }
}
