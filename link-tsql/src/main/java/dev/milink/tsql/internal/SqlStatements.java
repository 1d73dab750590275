package dev.milink.tsql.internal;

import dev.milink.step.AwaitSynchronization;
import dev.milink.step.BackupLog;
import dev.milink.step.CheckStep;
import dev.milink.step.CreateAvailabilityGroup;
import dev.milink.step.CreateDistributedAvailabilityGroup;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.CreateMasterKey;
import dev.milink.step.CreateMirroringEndpoint;
import dev.milink.step.DemoteSqlServer;
import dev.milink.step.DropAvailabilityGroup;
import dev.milink.step.DropCertificate;
import dev.milink.step.DropEndpoint;
import dev.milink.step.DropManagedInstanceCertificate;
import dev.milink.step.DropMasterKey;
import dev.milink.step.FailoverOnSqlServer;
import dev.milink.step.ImportAzureRootCertificates;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SetSqlServerReplicationMode;
import dev.milink.step.SqlServerStep;
import dev.milink.step.Step;
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
        return step.accept(new Renderer(bindings));
    }

    /**
     * @param step any step
     * @param bindings where run-time values come from
     * @return the T-SQL batches of a SQL Server step; none for the other families
     */
    public static List<String> ofAny(Step step, Bindings bindings) {
        return step.accept(new Step.Visitor<List<String>>() {
            @Override
            public List<String> sqlServer(SqlServerStep sql) {
                return of(sql, bindings);
            }

            @Override
            public List<String> managedInstance(ManagedInstanceStep mi) {
                return List.of();
            }

            @Override
            public List<String> check(CheckStep check) {
                return List.of();
            }
        });
    }

    /** One method per step kind: a new SQL Server step kind does not compile until it has its T-SQL. */
    private record Renderer(Bindings bindings) implements SqlServerStep.Visitor<List<String>> {

        @Override
        public List<String> visit(CreateMasterKey step) {
            return TrustStatements.masterKey(bindings);
        }

        @Override
        public List<String> visit(CreateEndpointCertificate step) {
            return TrustStatements.endpointCertificate(step);
        }

        @Override
        public List<String> visit(ImportManagedInstanceCertificate step) {
            return TrustStatements.managedInstanceCertificate(step, bindings);
        }

        @Override
        public List<String> visit(ImportAzureRootCertificates step) {
            return TrustStatements.azureRoots(step);
        }

        @Override
        public List<String> visit(CreateMirroringEndpoint step) {
            return TrustStatements.mirroringEndpoint(step);
        }

        @Override
        public List<String> visit(CreateAvailabilityGroup step) {
            return GroupStatements.availabilityGroup(step);
        }

        @Override
        public List<String> visit(CreateDistributedAvailabilityGroup step) {
            return GroupStatements.distributedAvailabilityGroup(step, bindings);
        }

        @Override
        public List<String> visit(BackupLog step) {
            return GroupStatements.backupLog(step);
        }

        @Override
        public List<String> visit(DropAvailabilityGroup step) {
            return GroupStatements.drop(step);
        }

        @Override
        public List<String> visit(DropCertificate step) {
            return TrustStatements.dropCertificate(step);
        }

        @Override
        public List<String> visit(DropManagedInstanceCertificate step) {
            return TrustStatements.dropManagedInstanceCertificate(step, bindings);
        }

        @Override
        public List<String> visit(DropEndpoint step) {
            return TrustStatements.dropEndpoint(step);
        }

        @Override
        public List<String> visit(DropMasterKey step) {
            return TrustStatements.dropMasterKey();
        }

        @Override
        public List<String> visit(SetSqlServerReplicationMode step) {
            return GroupStatements.replicationMode(step);
        }

        @Override
        public List<String> visit(FailoverOnSqlServer step) {
            return GroupStatements.failover(step);
        }

        @Override
        public List<String> visit(DemoteSqlServer step) {
            return GroupStatements.demote(step);
        }

        @Override
        public List<String> visit(SwitchEndpointCertificate step) {
            return TrustStatements.switchEndpointCertificate(step);
        }
    }

    /**
     * @param step a wait step
     * @return a query that shows the state being waited for
     */
    public static List<String> progressQuery(AwaitSynchronization step) {
        return CheckStatements.awaitSynchronization(step);
    }
}
