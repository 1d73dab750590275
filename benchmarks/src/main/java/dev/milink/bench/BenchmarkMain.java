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
        boolean smoke = o.smoke();
        section(o, report, "micro", () -> new MicroSuite(report).run());
        section(o, report, "create", () -> new CreationBench(report, smoke ? new int[] {1, 2} : new int[] {1, 10, 20, 50},
                smoke ? new int[] {1, 2} : new int[] {1, 8}).run());
        section(o, report, "health", () -> new HealthBench(report, smoke ? new int[] {1, 2} : new int[] {1, 10, 100},
                smoke ? 3 : 30).run());
        section(o, report, "failover", () -> new FailoverBench(report, smoke ? 1 : 3).run());
        section(o, report, "coldstart", () -> new ColdStartBench(report, o.root(), 5).run());
        section(o, report, "heap", () -> new HeapBench(report, smoke ? 2 : 100).run());
        return report;
    }

    /** A section of the harness. */
    interface Section {
        void run() throws Exception;
    }

    private static void section(Options o, Report report, String name, Section section) throws Exception {
        if (!o.sections().contains(name)) {
            return;
        }
        try {
            section.run();
        } catch (Exception | Error e) {
            if (o.smoke()) {
                throw e;
            }
            report.section("Section `" + name + "` failed", "The harness could not finish this section: `" + e + "`.");
            report.target(name, "section ran", "failed: " + e.getMessage(), false);
            e.printStackTrace(System.out);
        }
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
