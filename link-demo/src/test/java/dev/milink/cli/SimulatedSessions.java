package dev.milink.cli;

import dev.milink.ManagedInstance;
import dev.milink.SecretSource;
import dev.milink.core.EndpointProbe;
import dev.milink.core.Sleeper;
import dev.milink.demo.SimulatedEnvironment;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sessions on a {@link SimulatedEnvironment}: the real adapters against the simulators; secrets from the CLI's
 * environment (so the master key flows exactly as in production). Closing does not close the environment.
 */
final class SimulatedSessions implements Sessions {

    private final SimulatedEnvironment env;
    private final CliEnvironment environment;

    SimulatedSessions(SimulatedEnvironment env, CliEnvironment environment) {
        this.env = env;
        this.environment = environment;
    }

    /** @return a factory the tests hand to {@link Milink} */
    static SessionFactory factory(SimulatedEnvironment env) {
        return (options, environment) -> new SimulatedSessions(env, environment);
    }

    @Override
    public SqlServerPort sqlServer() {
        return env.sqlServer();
    }

    @Override
    public ManagedInstancePort managedInstance(ManagedInstance managedInstance) {
        return env.managedInstance();
    }

    @Override
    public Optional<SqlServerPort> managedInstanceSql() {
        return Optional.of(env.managedInstanceSql());
    }

    @Override
    public SecretSource secrets() {
        return LiveSessions.secrets(environment);
    }

    @Override
    public Clock clock() {
        return env.world().clock();
    }

    @Override
    public Sleeper sleeper() {
        return env.sleeper();
    }

    @Override
    public EndpointProbe endpointProbe() {
        return (host, port) -> Optional.of("not probed: simulated endpoint");
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void close() {
        // the test owns the environment
    }
}
