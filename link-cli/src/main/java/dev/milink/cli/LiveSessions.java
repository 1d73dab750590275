package dev.milink.cli;

import dev.milink.LinkException;
import dev.milink.ManagedInstance;
import dev.milink.SecretSource;
import dev.milink.azure.ArmManagedInstancePort;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import dev.milink.jdbc.JdbcSqlServerPort;
import java.util.Objects;

/**
 * The connections of one command run against real servers, opened lazily (a command that fails its own checks
 * first never prompts for a password or connects) and closed together.
 */
final class LiveSessions implements Sessions {

    private final ConnectionOptions options;
    private final CliEnvironment environment;
    private JdbcSqlServerPort sqlServer;
    private ArmManagedInstancePort managedInstance;

    /**
     * @param options the connection options
     * @param environment where secrets come from
     */
    LiveSessions(ConnectionOptions options, CliEnvironment environment) {
        this.options = Objects.requireNonNull(options, "options");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public SqlServerPort sqlServer() {
        if (sqlServer == null) {
            sqlServer = JdbcSqlServerPort.of(options.sqlServer(environment));
        }
        return sqlServer;
    }

    @Override
    public ManagedInstancePort managedInstance(ManagedInstance instance) {
        Objects.requireNonNull(instance, "managedInstance");
        if (managedInstance == null) {
            managedInstance = ArmManagedInstancePort.builder().managedInstance(instance)
                    .environment(options.armEndpoint().toString()).build();
        }
        return managedInstance;
    }

    @Override
    public SecretSource secrets() {
        return secrets(environment);
    }

    /**
     * The master key password: {@value CliEnvironment#MASTER_KEY_PASSWORD}, else an interactive prompt.
     *
     * @param environment variables and prompt
     * @return the secret source handed to the runner
     */
    static SecretSource secrets(CliEnvironment environment) {
        SecretSource fromEnvironment = SecretSource.fromLookup(environment.lookup());
        return name -> {
            try {
                return fromEnvironment.secret(name);
            } catch (LinkException missing) {
                if (SecretSource.MASTER_KEY_PASSWORD.equals(name)) {
                    return environment.secret(CliEnvironment.MASTER_KEY_PASSWORD, "Database master key password");
                }
                throw missing;
            }
        };
    }

    @Override
    public void close() {
        try {
            if (managedInstance != null) {
                managedInstance.close();
            }
        } finally {
            if (sqlServer != null) {
                sqlServer.close();
            }
        }
    }
}
