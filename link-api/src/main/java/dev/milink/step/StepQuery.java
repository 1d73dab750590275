package dev.milink.step;

/**
 * A question about steps that most kinds answer the same way ("is this a failover towards SQL Server?"): override
 * the kinds that differ, the rest give {@link #otherwise}. Deliberately not exhaustive, so never use it for what every
 * kind must decide (rendering, convergence, execution, compensation, the ARM request): implement the family visitors
 * there, and a new kind fails to compile until it is handled.
 *
 * @param <R> the answer type
 */
public abstract class StepQuery<R> implements Step.Visitor<R>, SqlServerStep.Visitor<R>, ManagedInstanceStep.Visitor<R>,
        CheckStep.Visitor<R> {

    /** For subclasses. */
    protected StepQuery() {
    }

    /**
     * @param step a step
     * @return the answer for it
     */
    public final R ask(Step step) {
        return step.accept((Step.Visitor<R>) this);
    }

    /**
     * @param step a step of a kind the query does not override
     * @return the common answer
     */
    protected abstract R otherwise(Step step);

    @Override
    public R sqlServer(SqlServerStep step) {
        return step.accept((SqlServerStep.Visitor<R>) this);
    }

    @Override
    public R managedInstance(ManagedInstanceStep step) {
        return step.accept((ManagedInstanceStep.Visitor<R>) this);
    }

    @Override
    public R check(CheckStep step) {
        return step.accept((CheckStep.Visitor<R>) this);
    }

    @Override
    public R visit(CreateMasterKey step) {
        return otherwise(step);
    }

    @Override
    public R visit(CreateEndpointCertificate step) {
        return otherwise(step);
    }

    @Override
    public R visit(ImportManagedInstanceCertificate step) {
        return otherwise(step);
    }

    @Override
    public R visit(ImportAzureRootCertificates step) {
        return otherwise(step);
    }

    @Override
    public R visit(CreateMirroringEndpoint step) {
        return otherwise(step);
    }

    @Override
    public R visit(CreateAvailabilityGroup step) {
        return otherwise(step);
    }

    @Override
    public R visit(CreateDistributedAvailabilityGroup step) {
        return otherwise(step);
    }

    @Override
    public R visit(BackupLog step) {
        return otherwise(step);
    }

    @Override
    public R visit(DropAvailabilityGroup step) {
        return otherwise(step);
    }

    @Override
    public R visit(DropCertificate step) {
        return otherwise(step);
    }

    @Override
    public R visit(DropManagedInstanceCertificate step) {
        return otherwise(step);
    }

    @Override
    public R visit(DropEndpoint step) {
        return otherwise(step);
    }

    @Override
    public R visit(DropMasterKey step) {
        return otherwise(step);
    }

    @Override
    public R visit(SetSqlServerReplicationMode step) {
        return otherwise(step);
    }

    @Override
    public R visit(FailoverOnSqlServer step) {
        return otherwise(step);
    }

    @Override
    public R visit(DemoteSqlServer step) {
        return otherwise(step);
    }

    @Override
    public R visit(SwitchEndpointCertificate step) {
        return otherwise(step);
    }

    @Override
    public R visit(UploadTrustCertificate step) {
        return otherwise(step);
    }

    @Override
    public R visit(CreateManagedInstanceLink step) {
        return otherwise(step);
    }

    @Override
    public R visit(DeleteManagedInstanceLink step) {
        return otherwise(step);
    }

    @Override
    public R visit(DeleteTrustCertificate step) {
        return otherwise(step);
    }

    @Override
    public R visit(SetLinkReplicationMode step) {
        return otherwise(step);
    }

    @Override
    public R visit(FailoverManagedInstanceLink step) {
        return otherwise(step);
    }

    @Override
    public R visit(SetManagedInstanceRole step) {
        return otherwise(step);
    }

    @Override
    public R visit(VerifyPrerequisite step) {
        return otherwise(step);
    }

    @Override
    public R visit(AwaitSynchronization step) {
        return otherwise(step);
    }

    @Override
    public R visit(AwaitLsnAlignment step) {
        return otherwise(step);
    }
}
