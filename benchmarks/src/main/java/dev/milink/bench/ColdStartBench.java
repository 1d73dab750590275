package dev.milink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start of the CLI: N fresh processes of {@code java -jar link-cli/target/milink.jar script ...} and of the
 * {@code ./milink} launcher, and {@code milink demo}. hyperfine is used only when installed; otherwise the wall time
 * of each process from start to exit is taken here.
 */
final class ColdStartBench {

    private static final List<String> SCRIPT_ARGS = List.of("script", "--database", "SalesDb", "--sql-server", "SQLBOX01",
            "--endpoint", "TCP://sqlbox01.contoso.com:5022", "--managed-instance",
            "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-milink/providers/Microsoft.Sql/managedInstances/mi-link01",
            "--two-way-dr");

    private final Report report;
    private final Path root;
    private final int runs;

    ColdStartBench(Report report, Path root, int runs) {
        this.report = report;
        this.root = root;
        this.runs = runs;
    }

    void run() throws IOException, InterruptedException {
        Path jar = root.resolve("link-cli/target/milink.jar");
        report.section("CLI cold start", "Wall time of a fresh process from start to exit, " + runs + " runs after one"
                + " discarded run (page cache warm, JVM cold). hyperfine is " + (hyperfine() ? "installed but" : "not installed;")
                + " the harness times the processes itself. Output goes to a temporary file.");
        if (!Files.isRegularFile(jar)) {
            report.text("`link-cli/target/milink.jar` does not exist: build link-cli first. Not measured.");
            report.target("CLI", "./milink script under 1.5 s cold", "not measured (no jar)", false);
            return;
        }
        Path out = Files.createTempFile("milink-bench", ".sql");
        List<String> java = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("command", "exit code", "median", "min", "max"));
        double scriptMedian = time(rows, "java -jar milink.jar script ...", concat(java, SCRIPT_ARGS, out));
        Path launcher = root.resolve("milink");
        double launcherMedian = Double.NaN;
        if (Files.isExecutable(launcher)) {
            launcherMedian = time(rows, "./milink script ...", concat(List.of(launcher.toString()), SCRIPT_ARGS, out));
        }
        time(rows, "java -jar milink.jar demo", concat(java, List.of("demo"), null));
        report.table(rows);
        double worst = Double.isNaN(launcherMedian) ? scriptMedian : Math.max(scriptMedian, launcherMedian);
        report.target("CLI", "./milink script under 1.5 s cold", Report.ms(worst) + " median (launcher "
                + (Double.isNaN(launcherMedian) ? "absent" : Report.ms(launcherMedian)) + ", java -jar " + Report.ms(scriptMedian) + ")",
                worst < 1500);
        Files.deleteIfExists(out);
    }

    private double time(List<List<String>> rows, String label, List<String> command) throws IOException, InterruptedException {
        int exit = once(command);
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            exit = once(command);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double min = java.util.Arrays.stream(millis).min().orElse(0);
        double max = java.util.Arrays.stream(millis).max().orElse(0);
        double median = HealthBench.median(millis);
        rows.add(List.of("`" + label + "`", exit == 0 ? "0" : exit + (label.endsWith("demo") ? " (demo not available on main yet)" : ""),
                Report.ms(median), Report.ms(min), Report.ms(max)));
        return median;
    }

    private int once(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    private static List<String> concat(List<String> a, List<String> b, Path out) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        if (out != null) {
            all.add("--output=" + out);
        }
        return all;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean hyperfine() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "hyperfine"))) {
                return true;
            }
        }
        return false;
    }
}
