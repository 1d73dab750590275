package dev.milink.examples;

import dev.milink.LinkPlan;
import dev.milink.core.LinkRun;
import dev.milink.core.LinkRunner;
import dev.milink.demo.SimulatedEnvironment;

/**
 * Plans and creates a link from SQL Server to a Managed Instance, here against milink's simulators.
 *
 * <p>Against real servers, build the same plan and hand the runner real ports:
 * <pre>{@code
 * SqlServerPort sql = JdbcSqlServerPort.connect(SqlServerConnection.builder().server("sqlbox01.corp", 1433)
 *         .authentication(SqlServerConnection.Authentication.ENTRA_DEFAULT));
 * ManagedInstancePort mi = ArmManagedInstancePort.builder()
 *         .managedInstance(ManagedInstance.fromResourceId("/subscriptions/.../managedInstances/sqlmi-prod-01"))
 *         .build();                                   // DefaultAzureCredential
 * LinkRunner.with(sql, mi).journal(JournalStore.directory(Path.of(".milink/journal")))
 *         .secrets(SecretSource.environment())        // the master key password from MILINK_MASTER_KEY_PASSWORD
 *         .run(plan).orThrow();
 * }</pre>
 */
public final class CreateLink {

    private CreateLink() {
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        try (SimulatedEnvironment env = Simulators.start()) {
            LinkPlan plan = env.linkFromSqlServer("SalesDb").plan();        // Link.from(..).database(..).to(..).twoWayDR(true)
            System.out.println(plan.describe());

            LinkRunner runner = env.runner();                               // LinkRunner.with(sqlPort, miPort)...
            LinkRun run = runner.run(plan).orThrow();                       // a rerun changes nothing
            System.out.println("created: " + run.outcomes().keySet() + ", " + run.stepsApplied() + " steps applied in "
                    + run.took());
        }
    }
}
