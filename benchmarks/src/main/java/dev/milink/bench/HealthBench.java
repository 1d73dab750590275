package dev.milink.bench;

import dev.milink.LinkHealth;
import dev.milink.LinkSpec;
import dev.milink.core.LinkMonitor;
import dev.milink.demo.SimulatedEnvironment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The cost of one health poll of 1, 10 and 100 synchronized links: queries per poll on each side, CPU time of the
 * polling thread (milink + the JDBC driver, ThreadMXBean) and of the whole process (simulators included), wall
 * time. The links are created on a simulated clock first; the polls then run with 2 ms per SQL statement.
 */
final class HealthBench {

    private final Report report;
    private final int[] sizes;
    private final int polls;

    HealthBench(Report report, int[] sizes, int polls) {
        this.report = report;
        this.sizes = sizes;
        this.polls = polls;
    }

    void run() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("links", "SQL Server queries / poll", "MI SQL queries / poll", "ARM requests / poll",
                "ARM requests / poll (ARM variant)", "CPU / poll, polling thread (median)", "CPU / poll, whole process (median)",
                "wall / poll (median)"));
        double[] first = null;
        double[] last = null;
        for (int n : sizes) {
            double[] r = measure(n);
            rows.add(List.of(String.valueOf(n), f(r[0]), f(r[1]), f(r[2]), f(r[3]), Report.ms(r[4]), Report.ms(r[5]),
                    Report.ms(r[6])));
            first = first == null ? r : first;
            last = r;
        }
        report.section("Health polling", "`LinkMonitor.health(spec)` with the Managed Instance read from its SQL endpoint"
                + " (`withManagedInstanceSql`), " + polls + " polls after 5 warm-up polls, " + Worlds.SQL_LATENCY.toMillis()
                + " ms per SQL statement. The ARM variant (`LinkMonitor.of(sql, mi)` without the SQL endpoint) is counted"
                + " too. CPU of the polling thread is milink plus the JDBC driver; the process figure adds the simulators.");
        report.table(rows);
        boolean flat = last[0] <= first[0] && last[1] <= first[1] && last[2] <= first[2];
        report.target("health", "queries per poll do not grow with links (1 -> " + sizes[sizes.length - 1] + " links)",
                f(first[0]) + " + " + f(first[1]) + " SQL, " + f(first[2]) + " ARM -> " + f(last[0]) + " + " + f(last[1])
                        + " SQL, " + f(last[2]) + " ARM", flat);
        report.text("The ARM variant lists the links once per poll; its request count is the number of pages of that"
                + " list. The simulator pages every 2 resources (its default, which exercises `nextLink`), so 100 links"
                + " take 50 pages there; ARM's own page size decides it in Azure. milink issues one list per poll either way.");
    }

    private double[] measure(int links) {
        try (SimulatedEnvironment env = Worlds.linked(links)) {
            LinkSpec spec = Worlds.plan(env, links).spec();
            env.world().sqlServerTds().latency(Worlds.SQL_LATENCY);
            env.world().managedInstanceTds().latency(Worlds.SQL_LATENCY);
            LinkMonitor monitor = env.monitor();
            for (int i = 0; i < 5; i++) {
                check(monitor.health(spec), links);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            double[] cpu = new double[polls];
            double[] process = new double[polls];
            double[] wall = new double[polls];
            Counts.reset(env);
            for (int i = 0; i < polls; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long p0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                check(monitor.health(spec), links);
                wall[i] = (System.nanoTime() - w0) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                process[i] = (os.getProcessCpuTime() - p0) / 1e6;
            }
            double sql = env.world().sqlServerTds().journal().roundTrips() / (double) polls;
            double miSql = env.world().managedInstanceTds().journal().roundTrips() / (double) polls;
            double arm = env.world().arm().journal().entries().size() / (double) polls;
            Counts.reset(env);
            LinkMonitor viaArm = LinkMonitor.of(env.sqlServer(), env.managedInstance()).clock(env.world().clock());
            check(viaArm.health(spec), links);
            double armVariant = env.world().arm().journal().entries().size();
            return new double[] {sql, miSql, arm, armVariant, median(cpu), median(process), median(wall)};
        }
    }

    private static void check(List<LinkHealth> health, int links) {
        if (health.size() != links) {
            throw new IllegalStateException("expected " + links + " healths, got " + health.size());
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String f(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
