package dev.milink.tsql.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.BackupLog;
import dev.milink.step.CreateAvailabilityGroup;
import dev.milink.step.CreateDistributedAvailabilityGroup;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.CreateMasterKey;
import dev.milink.step.CreateMirroringEndpoint;
import dev.milink.step.DemoteSqlServer;
import dev.milink.step.DropAvailabilityGroup;
import dev.milink.step.DropCertificate;
import dev.milink.step.DropEndpoint;
import dev.milink.step.DropMasterKey;
import dev.milink.step.DropManagedInstanceCertificate;
import dev.milink.step.FailoverOnSqlServer;
import dev.milink.step.ImportAzureRootCertificates;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.SetSqlServerReplicationMode;
import dev.milink.step.SqlServerStep;
import dev.milink.step.SwitchEndpointCertificate;
import java.util.List;

/** Dispatches a SQL Server step to the statements that carry it out. */
public final class SqlStatements {

    private SqlStatements() {
    }

    /**
     * @param step the step
     * @param bindings where run-time values come from
     * @return the step's batches, in order
     */
    public static List<String> of(SqlServerStep step, Bindings bindings) {
        if (step instanceof CreateMasterKey) {
            return TrustStatements.masterKey(bindings);
        } else if (step instanceof CreateEndpointCertificate s) {
            return TrustStatements.endpointCertificate(s);
        } else if (step instanceof ImportManagedInstanceCertificate s) {
            return TrustStatements.managedInstanceCertificate(s, bindings);
        } else if (step instanceof ImportAzureRootCertificates s) {
            return TrustStatements.azureRoots(s);
        } else if (step instanceof CreateMirroringEndpoint s) {
            return TrustStatements.mirroringEndpoint(s);
        } else if (step instanceof SwitchEndpointCertificate s) {
            return TrustStatements.switchEndpointCertificate(s);
        } else if (step instanceof DropCertificate s) {
            return TrustStatements.dropCertificate(s);
        } else if (step instanceof DropEndpoint s) {
            return TrustStatements.dropEndpoint(s);
        } else if (step instanceof DropMasterKey) {
            return TrustStatements.dropMasterKey();
        } else if (step instanceof DropManagedInstanceCertificate s) {
            return TrustStatements.dropManagedInstanceCertificate(s, bindings);
        } else if (step instanceof CreateAvailabilityGroup s) {
            return GroupStatements.availabilityGroup(s);
        } else if (step instanceof CreateDistributedAvailabilityGroup s) {
            return GroupStatements.distributedAvailabilityGroup(s, bindings);
        } else if (step instanceof SetSqlServerReplicationMode s) {
            return GroupStatements.replicationMode(s);
        } else if (step instanceof FailoverOnSqlServer s) {
            return GroupStatements.failover(s);
        } else if (step instanceof DemoteSqlServer s) {
            return GroupStatements.demote(s);
        } else if (step instanceof DropAvailabilityGroup s) {
            return GroupStatements.drop(s);
        } else if (step instanceof BackupLog s) {
            return GroupStatements.backupLog(s);
        }
        throw new LinkException(LinkErrorCode.INTERNAL, "No T-SQL is defined for step " + step.id() + ".",
                "report this as a milink bug");
    }

    /**
     * @param step a wait step
     * @return a query that shows the state being waited for
     */
    public static List<String> progressQuery(AwaitSynchronization step) {
        return CheckStatements.awaitSynchronization(step);
    }
}
