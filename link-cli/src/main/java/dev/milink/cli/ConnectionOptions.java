package dev.milink.cli;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import dev.milink.jdbc.SqlServerConnection;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How to reach SQL Server and Azure. Passwords are never flags: the SQL password comes from
 * {@value CliEnvironment#SQL_PASSWORD} or an interactive prompt; Azure sign-in uses DefaultAzureCredential
 * (environment, managed identity, Azure CLI, ...).
 */
public final class ConnectionOptions {

    /** Azure Resource Manager in Azure's public cloud. */
    public static final String DEFAULT_ARM_ENDPOINT = "https://management.azure.com";

    /** {@code password=} or {@code pwd=} as a URL property, in any case, with any white space around the name. */
    private static final Pattern PASSWORD_PROPERTY = Pattern.compile("(?iU)[;:/]\\s*(password|pwd)\\s*=");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--sql-url", paramLabel = "JDBC_URL",
            description = "jdbc:sqlserver://host:port;... (no password in it). Alternative to --sql-host.")
    private String sqlUrl;

    @Option(names = "--sql-host", paramLabel = "HOST", description = "SQL Server host for the T-SQL connection.")
    private String sqlHost;

    @Option(names = "--sql-port", paramLabel = "PORT", defaultValue = "1433", description = "Its port (default ${DEFAULT-VALUE}).")
    private int sqlPort;

    @Option(names = "--sql-user", paramLabel = "LOGIN",
            description = "SQL login; its password comes from " + CliEnvironment.SQL_PASSWORD + " or a prompt. "
                    + "Without it: Microsoft Entra (ActiveDirectoryDefault).")
    private String sqlUser;

    @Option(names = "--trust-server-certificate",
            description = "Skip validating SQL Server's TLS certificate (explicit opt-in; labs only).")
    private boolean trustServerCertificate;

    @Option(names = "--arm-endpoint", paramLabel = "URL", defaultValue = DEFAULT_ARM_ENDPOINT,
            description = "Azure Resource Manager endpoint (default ${DEFAULT-VALUE}).")
    private String armEndpoint;

    /**
     * Resolves the SQL Server connection; asks for the password when a login is given.
     *
     * @param environment where the password comes from
     * @return the data source
     * @throws OptionException when neither --sql-url nor --sql-host is given, or the URL holds a password
     */
    public DataSource sqlServer(CliEnvironment environment) {
        if (sqlUrl != null && sqlHost != null) {
            throw new OptionException(command.commandLine(), "--sql-url", "give either --sql-url or --sql-host, not both.",
                    "drop one of them");
        }
        if (sqlUrl != null) {
            return fromUrl(environment);
        }
        if (sqlHost == null) {
            throw new OptionException(command.commandLine(), "--sql-host", "this command connects to SQL Server.",
                    "pass --sql-host HOST [--sql-port PORT --sql-user LOGIN] or --sql-url jdbc:sqlserver://...");
        }
        SqlServerConnection connection = SqlServerConnection.builder().server(sqlHost, port())
                .encryption(true, trustServerCertificate);
        if (sqlUser != null) {
            connection.sqlLogin(sqlUser, environment.secret(CliEnvironment.SQL_PASSWORD, "SQL Server password for " + sqlUser));
        } else {
            connection.authentication(SqlServerConnection.Authentication.ENTRA_DEFAULT);
        }
        return connection.toDataSource();
    }

    private int port() {
        if (sqlPort < 1 || sqlPort > 65535) {
            throw new OptionException(command.commandLine(), "--sql-port", sqlPort + " is not a TCP port.",
                    "use 1-65535, usually 1433");
        }
        return sqlPort;
    }

    private DataSource fromUrl(CliEnvironment environment) {
        String lower = sqlUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:sqlserver://")) {
            throw new OptionException(command.commandLine(), "--sql-url", "not an mssql-jdbc URL.",
                    "write it as jdbc:sqlserver://host:1433;encrypt=true");
        }
        if (PASSWORD_PROPERTY.matcher(sqlUrl).find()) {
            // Never echo the URL: it holds a secret.
            throw new OptionException(command.commandLine(), "--sql-url", "the URL contains a password.",
                    "remove it from the URL and set " + CliEnvironment.SQL_PASSWORD + " instead (flags are visible to "
                            + "other users in the process list)");
        }
        SQLServerDataSource ds = new SQLServerDataSource();
        ds.setURL(sqlUrl);
        if (!lower.contains("encrypt=")) {
            ds.setEncrypt("true");
        }
        if (trustServerCertificate) {
            ds.setTrustServerCertificate(true);
        }
        ds.setApplicationName("milink");
        if (sqlUser != null) {
            ds.setUser(sqlUser);
        }
        if (sqlUser != null || lower.contains("user=")) {
            ds.setPassword(environment.secret(CliEnvironment.SQL_PASSWORD, "SQL Server password").reveal());
        } else if (!lower.contains("authentication=") && !lower.contains("integratedsecurity=")) {
            ds.setAuthentication("ActiveDirectoryDefault");
        }
        return ds;
    }

    /**
     * @return the Azure Resource Manager endpoint
     * @throws OptionException when it is not an https URL
     */
    public URI armEndpoint() {
        try {
            URI uri = URI.create(armEndpoint);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not https");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new OptionException(command.commandLine(), "--arm-endpoint", "'" + armEndpoint + "' is not an https URL.",
                    "use " + DEFAULT_ARM_ENDPOINT + " or your cloud's Resource Manager URL");
        }
    }

    /** @return a password-free description for logs */
    @Override
    public String toString() {
        return "ConnectionOptions[" + (sqlUrl != null ? "url" : sqlHost + ":" + sqlPort) + ", arm " + armEndpoint + "]";
    }
}
