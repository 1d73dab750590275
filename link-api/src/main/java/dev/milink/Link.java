package dev.milink;

import java.util.Objects;

/**
 * The entry point: describe a Managed Instance link and derive plans from it.
 *
 * <pre>{@code
 * LinkPlan plan = Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022"))
 *         .database("SalesDb")
 *         .to(ManagedInstance.of("<subscription-id>", "<resource-group>", "<instance-name>"))
 *         .twoWayDR(true)
 *         .plan();
 * }</pre>
 *
 * The reverse direction, {@code Link.from(managedInstance).database(db).to(sqlServer)}, makes the Managed
 * Instance the initial primary (SQL Server 2022 CU10+ and 2025 only).
 */
public final class Link {

    private Link() {
    }

    /**
     * Starts a link whose initial primary is SQL Server.
     *
     * @param sqlServer the SQL Server instance holding the databases
     * @return the next stage: name the databases
     */
    public static DatabaseStage<ManagedInstance> from(SqlServerInstance sqlServer) {
        Objects.requireNonNull(sqlServer, "sqlServer");
        return new DatabaseStage<>(InitialPrimary.SQL_SERVER,
                managedInstance -> new LinkDefinition(InitialPrimary.SQL_SERVER, sqlServer, managedInstance));
    }

    /**
     * Starts a link whose initial primary is the Managed Instance (SQL Server 2022 CU10+ or 2025).
     *
     * @param managedInstance the Managed Instance holding the databases
     * @return the next stage: name the databases
     */
    public static DatabaseStage<SqlServerInstance> from(ManagedInstance managedInstance) {
        Objects.requireNonNull(managedInstance, "managedInstance");
        return new DatabaseStage<>(InitialPrimary.MANAGED_INSTANCE,
                sqlServer -> new LinkDefinition(InitialPrimary.MANAGED_INSTANCE, sqlServer, managedInstance));
    }
}
