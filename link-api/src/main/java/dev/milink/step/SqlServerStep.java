package dev.milink.step;

/** A step that runs T-SQL on SQL Server. Its statements are exactly {@code TsqlScript.statements(step, inputs)}. */
public sealed interface SqlServerStep extends Step permits CreateMasterKey, CreateEndpointCertificate, ImportManagedInstanceCertificate, ImportAzureRootCertificates, CreateMirroringEndpoint, CreateAvailabilityGroup, CreateDistributedAvailabilityGroup, BackupLog, DropAvailabilityGroup, DropCertificate, DropManagedInstanceCertificate, DropEndpoint, DropMasterKey, SetSqlServerReplicationMode, FailoverOnSqlServer, DemoteSqlServer, SwitchEndpointCertificate {

    @Override
    default Side side() {
        return Side.SQL_SERVER;
    }

    /**
     * Dispatches to the visitor method for this step's kind. Every kind has its own method, so a new kind fails to
     * compile in every visitor that does not handle it (Java 17 has no exhaustive pattern switch).
     *
     * @param visitor what to do per kind
     * @param <R> the result type
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    @Override
    default <R> R accept(Step.Visitor<R> visitor) {
        return visitor.sqlServer(this);
    }

    /**
     * One method per SQL Server step kind.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(CreateMasterKey step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(CreateEndpointCertificate step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(ImportManagedInstanceCertificate step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(ImportAzureRootCertificates step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(CreateMirroringEndpoint step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(CreateAvailabilityGroup step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(CreateDistributedAvailabilityGroup step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(BackupLog step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(DropAvailabilityGroup step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(DropCertificate step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(DropManagedInstanceCertificate step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(DropEndpoint step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(DropMasterKey step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(SetSqlServerReplicationMode step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(FailoverOnSqlServer step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(DemoteSqlServer step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(SwitchEndpointCertificate step);
    }
}
