package dev.milink.step;

/** A step that runs T-SQL on SQL Server. Its statements are exactly {@code TsqlScript.statements(step)}. */
public sealed interface SqlServerStep extends Step permits CreateMasterKey, CreateEndpointCertificate,
        ImportManagedInstanceCertificate, ImportAzureRootCertificates, CreateMirroringEndpoint,
        CreateAvailabilityGroup, CreateDistributedAvailabilityGroup, BackupLog, DropAvailabilityGroup,
        DropCertificate, DropManagedInstanceCertificate, DropEndpoint, DropMasterKey, SetSqlServerReplicationMode, FailoverOnSqlServer, DemoteSqlServer,
        SwitchEndpointCertificate {

    @Override
    default Side side() {
        return Side.SQL_SERVER;
    }
}
