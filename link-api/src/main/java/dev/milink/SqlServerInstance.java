package dev.milink;

import java.util.Objects;

/**
 * A SQL Server instance taking part in a link: its name as {@code @@SERVERNAME} returns it (used as the
 * availability replica name) and the address of its database mirroring endpoint as the Managed Instance
 * will reach it.
 */
public final class SqlServerInstance {

    private final String serverName;
    private final EndpointUrl endpoint;

    private SqlServerInstance(String serverName, EndpointUrl endpoint) {
        this.serverName = serverName;
        this.endpoint = endpoint;
    }

    /**
     * @param serverName the instance name as {@code SELECT @@SERVERNAME} shows it, for example {@code SQLBOX01}
     *        or {@code SQLBOX01\INST2}
     * @param endpointUrl the mirroring endpoint, {@code TCP://host:port}; the host must be resolvable from
     *        the Managed Instance's virtual network
     * @return the instance
     * @throws LinkPlanningException when a value breaks a naming rule
     */
    public static SqlServerInstance of(String serverName, String endpointUrl) {
        return new SqlServerInstance(NameRules.sqlIdentifier("sqlServer.serverName", serverName),
                EndpointUrl.parse(endpointUrl));
    }

    /** @return the server name ({@code @@SERVERNAME}) */
    public String serverName() {
        return serverName;
    }

    /** @return the mirroring endpoint address */
    public EndpointUrl endpoint() {
        return endpoint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlServerInstance other && serverName.equals(other.serverName)
                && endpoint.equals(other.endpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverName, endpoint);
    }

    @Override
    public String toString() {
        return "SqlServerInstance[" + serverName + ", " + endpoint + "]";
    }
}
