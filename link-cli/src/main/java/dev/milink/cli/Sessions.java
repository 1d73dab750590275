package dev.milink.cli;

import dev.milink.ManagedInstance;
import dev.milink.SecretSource;
import dev.milink.core.EndpointProbe;
import dev.milink.core.Sleeper;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The connections of one command run and the run-time settings that go with them, closed together. The live
 * implementation ({@link SessionFactory#LIVE}) connects lazily over JDBC and Azure Resource Manager; tests and
 * embedders supply their own through {@link SessionFactory}.
 */
public interface Sessions extends AutoCloseable {

    /** @return SQL Server's port, connecting on first use */
    SqlServerPort sqlServer();

    /**
     * @param managedInstance the instance
     * @return the Managed Instance's port (Azure Resource Manager), created on first use
     */
    ManagedInstancePort managedInstance(ManagedInstance managedInstance);

    /** @return a port on the Managed Instance's SQL endpoint for health reads, when one is configured */
    default Optional<SqlServerPort> managedInstanceSql() {
        return Optional.empty();
    }

    /** @return where the master key password comes from */
    SecretSource secrets();

    /** @return the time source of runs and health reads */
    default Clock clock() {
        return Clock.systemUTC();
    }

    /** @return how runs wait */
    default Sleeper sleeper() {
        return Sleeper.system();
    }

    /** @return how the reachability check probes SQL Server's endpoint */
    default EndpointProbe endpointProbe() {
        return EndpointProbe.tcp(Duration.ofSeconds(3));
    }

    /** @return how often runs poll while waiting for seeding, synchronization or LSNs */
    default Duration pollInterval() {
        return Duration.ofSeconds(10);
    }

    /** Closes every connection that was opened. */
    @Override
    void close();
}
