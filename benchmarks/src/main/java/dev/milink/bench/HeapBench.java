package dev.milink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap used while {@code LinkMonitor.watch} polls 100 links, measured after GC in a fresh JVM ({@link HeapProbe})
 * so nothing from the other benchmarks stays on the heap. The simulators run in that JVM too; the probe reports
 * the heap with the world alone and while watching.
 */
final class HeapBench {

    private final Report report;
    private final int links;

    HeapBench(Report report, int links) {
        this.report = report;
        this.links = links;
    }

    void run() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                HeapProbe.class.getName(), String.valueOf(links)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long[] figures = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(HeapProbe.PREFIX)) {
                    String[] parts = line.substring(HeapProbe.PREFIX.length()).trim().split(" ");
                    figures = new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                        Long.parseLong(parts[3])};
                }
            }
        }
        int exit = p.waitFor();
        if (figures == null || exit != 0) {
            throw new IllegalStateException("the heap probe failed (exit " + exit + ")");
        }
        long empty = figures[0];
        long world = figures[1];
        long watching = figures[2];
        long changes = figures[3];
        report.section("Heap while watching " + links + " links", "A fresh JVM (-Xmx512m) creates " + links + " links in the"
                + " simulated world, then `LinkMonitor.watch(spec, 100 ms, listener)` polls for 3 s (" + changes + " health"
                + " events). Used heap after `System.gc()` (three rounds) via the MemoryMXBean. The simulators (both TDS"
                + " servers with " + links + " databases, the catalogs, the ARM simulator and its journals) live in the same"
                + " heap, so the milink share is the difference between watching and the world alone.");
        report.table(List.of(List.of("state", "used heap after GC"),
                List.of("JVM with milink and simulator classes loaded, nothing started", Report.mib(empty)),
                List.of("world with " + links + " links, not watching", Report.mib(world)),
                List.of("world with " + links + " links, watching", Report.mib(watching)),
                List.of("milink's watch (difference)", Report.mib(watching - world))));
        report.target("heap", "watching " + links + " links: used heap under 64 MB", Report.mib(watching)
                + " total incl. simulators (" + Report.mib(watching - world) + " for the watch)", watching < 64L * 1024 * 1024);
    }
}
