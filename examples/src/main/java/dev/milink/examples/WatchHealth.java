package dev.milink.examples;

import dev.milink.LinkHealth;
import dev.milink.LinkPlan;
import dev.milink.core.LinkMonitor;
import dev.milink.demo.SimulatedEnvironment;
import dev.milink.event.LinkEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads a link's health once, then watches it: one {@code HealthChanged} event whenever something changes.
 * Against real servers: {@code LinkMonitor.of(JdbcSqlServerPort..., ArmManagedInstancePort...)}.
 */
public final class WatchHealth {

    private WatchHealth() {
    }

    /**
     * @param args unused
     * @throws Exception when the watch is interrupted
     */
    public static void main(String[] args) throws Exception {
        try (SimulatedEnvironment env = Simulators.start()) {
            LinkPlan plan = env.linkFromSqlServer("SalesDb").plan();
            env.runner().run(plan).orThrow();

            LinkMonitor monitor = env.monitor();
            for (LinkHealth h : monitor.health(plan.spec())) {
                System.out.println(h.linkName() + ": " + h.status() + ", SQL Server " + h.sqlServerRole().orElseThrow()
                        + ", LSNs equal " + h.lsnsEqual() + ", certificate expires " + h.certificateExpiry().orElse(null));
            }

            CountDownLatch first = new CountDownLatch(1);
            try (AutoCloseable watch = monitor.watch(plan.spec(), Duration.ofSeconds(1), event -> {
                if (event instanceof LinkEvent.HealthChanged changed) {
                    System.out.println("health: " + changed.health().linkName() + " " + changed.health().status());
                    first.countDown();
                }
            })) {
                if (!first.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no health event within 30 s");
                }
            }
        }
    }
}
