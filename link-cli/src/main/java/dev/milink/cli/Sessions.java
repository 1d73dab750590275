package dev.milink.cli;

import dev.milink.LinkException;
import dev.milink.ManagedInstance;
import dev.milink.SecretSource;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import dev.milink.tsql.JdbcSqlServerPort;
import java.util.Objects;

/**
 * The connections of one command run, opened lazily (a command that fails its own checks first never prompts
 * for a password or connects) and closed together.
 */
final class Sessions implements AutoCloseable {

    private final ConnectionOptions options;
    private final CliEnvironment environment;
    private JdbcSqlServerPort sqlServer;

    /**
     * @param options the connection options
     * @param environment where secrets come from
     */
    Sessions(ConnectionOptions options, CliEnvironment environment) {
        this.options = Objects.requireNonNull(options, "options");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** @return the SQL Server port, connecting on first use */
    SqlServerPort sqlServer() {
        if (sqlServer == null) {
            sqlServer = JdbcSqlServerPort.of(options.sqlServer(environment));
        }
        return sqlServer;
    }

    /**
     * The Managed Instance port. Once link-azure is on main this becomes
     * {@code ArmManagedInstancePort.builder().managedInstance(mi).credential(new DefaultAzureCredentialBuilder()
     * .build()).endpoint(options.armEndpoint()).build()}.
     *
     * @param managedInstance the instance
     * @return the port
     */
    ManagedInstancePort managedInstance(ManagedInstance managedInstance) {
        Objects.requireNonNull(managedInstance, "managedInstance");
        options.armEndpoint();
        throw new NotAvailableException("(Azure side)", "link-azure (ArmManagedInstancePort)",
                "run 'milink script' and follow its az/REST steps for the Managed Instance side");
    }

    /**
     * The master key password: {@value CliEnvironment#MASTER_KEY_PASSWORD}, else an interactive prompt.
     *
     * @return the secret source handed to the runner
     */
    SecretSource secrets() {
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
        if (sqlServer != null) {
            sqlServer.close();
        }
    }
}
