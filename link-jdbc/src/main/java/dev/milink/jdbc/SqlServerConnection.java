package dev.milink.jdbc;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import dev.milink.LinkPlanningException;
import dev.milink.Secret;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Connection settings for SQL Server, turned into an mssql-jdbc {@link DataSource}. Defaults are the safe
 * ones: encryption on, certificates validated. {@code toString()} never shows the password.
 */
public final class SqlServerConnection {

    /** How to sign in. */
    public enum Authentication {
        /** A SQL login and password. */
        SQL_PASSWORD,
        /** Microsoft Entra through the default credential chain (managed identity, environment, Azure CLI). */
        ENTRA_DEFAULT,
        /** Windows integrated authentication. */
        INTEGRATED
    }

    private String host = "localhost";
    private int port = 1433;
    private String user;
    private Secret password;
    private Authentication authentication = Authentication.SQL_PASSWORD;
    private boolean encrypt = true;
    private boolean trustServerCertificate;
    private String hostNameInCertificate;
    private int loginTimeoutSeconds = 15;

    /** @return new settings with defaults */
    public static SqlServerConnection builder() {
        return new SqlServerConnection();
    }

    /**
     * @param host the server's host name or address
     * @param port its TCP port
     * @return these settings
     */
    public SqlServerConnection server(String host, int port) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new LinkPlanningException("port", String.valueOf(port), "a TCP port is 1-65535", "use 1433 or the instance's port");
        }
        this.port = port;
        return this;
    }

    /**
     * @param user a SQL login
     * @param password its password
     * @return these settings
     */
    public SqlServerConnection sqlLogin(String user, Secret password) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.authentication = Authentication.SQL_PASSWORD;
        return this;
    }

    /**
     * @param mode the authentication mode
     * @return these settings
     */
    public SqlServerConnection authentication(Authentication mode) {
        this.authentication = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * @param encrypt whether to encrypt the connection (default true)
     * @param trustServerCertificate whether to skip certificate validation (default false; tests only)
     * @return these settings
     */
    public SqlServerConnection encryption(boolean encrypt, boolean trustServerCertificate) {
        this.encrypt = encrypt;
        this.trustServerCertificate = trustServerCertificate;
        return this;
    }

    /**
     * @param name the host name expected in the server certificate
     * @return these settings
     */
    public SqlServerConnection hostNameInCertificate(String name) {
        this.hostNameInCertificate = name;
        return this;
    }

    /**
     * @param seconds the login timeout (default 15)
     * @return these settings
     */
    public SqlServerConnection loginTimeoutSeconds(int seconds) {
        this.loginTimeoutSeconds = seconds;
        return this;
    }

    /** @return an mssql-jdbc data source with these settings */
    public DataSource toDataSource() {
        SQLServerDataSource ds = new SQLServerDataSource();
        ds.setServerName(host);
        ds.setPortNumber(port);
        ds.setEncrypt(encrypt ? "true" : "false");
        ds.setTrustServerCertificate(trustServerCertificate);
        if (hostNameInCertificate != null) {
            ds.setHostNameInCertificate(hostNameInCertificate);
        }
        ds.setLoginTimeout(loginTimeoutSeconds);
        ds.setApplicationName("milink");
        switch (authentication) {
            case SQL_PASSWORD:
                if (user == null || password == null) {
                    throw new LinkPlanningException("SQL authentication needs a login and a password.",
                            "call sqlLogin(user, password), or choose ENTRA_DEFAULT / INTEGRATED authentication");
                }
                ds.setUser(user);
                ds.setPassword(password.reveal());
                break;
            case ENTRA_DEFAULT:
                ds.setAuthentication("ActiveDirectoryDefault");
                break;
            case INTEGRATED:
                ds.setIntegratedSecurity(true);
                break;
            default:
                throw new IllegalStateException("unknown authentication " + authentication);
        }
        return ds;
    }

    @Override
    public String toString() {
        return "SqlServerConnection[" + host + ":" + port + ", " + authentication + (user == null ? "" : ", user " + user)
                + ", encrypt=" + encrypt + "]";
    }
}
