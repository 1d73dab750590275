package dev.milink.examples;

import dev.milink.FailoverOptions;
import dev.milink.LinkDefinition;
import dev.milink.LinkHealth;
import dev.milink.demo.SimulatedEnvironment;
import dev.milink.testkit.world.Workload;
import java.time.Duration;

/**
 * A planned failover to the Managed Instance: stop the application, confirm it, and let the runner's gates
 * (roles, synchronization, equal and stable last hardened LSNs) decide; then fail back.
 */
public final class PlannedFailover {

    private PlannedFailover() {
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        try (SimulatedEnvironment env = Simulators.start()) {
            LinkDefinition link = env.linkFromSqlServer("SalesDb");
            env.runner().run(link.plan()).orThrow();

            Workload app = env.world().workload("SalesDb");         // an application writing through JDBC
            app.run(100);                                            // ... then it is stopped

            env.runner().run(link.planFailover(FailoverOptions.plannedToManagedInstance()
                    .workloadStopped(true)                           // without this the plan is refused (GATE_REFUSED)
                    .lsnStableFor(Duration.ofSeconds(10)))).orThrow();
            LinkHealth after = env.monitor().health(link.spec()).get(0);
            System.out.println("after failover: Managed Instance " + after.managedInstanceRole().orElseThrow()
                    + ", committed " + app.committed());

            env.runner().run(link.planFailback(true)).orThrow();     // two-way DR: back to SQL Server
            System.out.println("after fail back: SQL Server "
                    + env.monitor().health(link.spec()).get(0).sqlServerRole().orElseThrow());
        }
    }
}
