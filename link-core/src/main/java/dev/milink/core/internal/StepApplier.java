package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.port.StepResult;
import dev.milink.step.AwaitLsnAlignment;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.BackupLog;
import dev.milink.step.CheckStep;
import dev.milink.step.CreateAvailabilityGroup;
import dev.milink.step.CreateDistributedAvailabilityGroup;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.CreateMasterKey;
import dev.milink.step.CreateMirroringEndpoint;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.DemoteSqlServer;
import dev.milink.step.DropAvailabilityGroup;
import dev.milink.step.DropCertificate;
import dev.milink.step.DropEndpoint;
import dev.milink.step.DropManagedInstanceCertificate;
import dev.milink.step.DropMasterKey;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.FailoverOnSqlServer;
import dev.milink.step.ImportAzureRootCertificates;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.SetManagedInstanceRole;
import dev.milink.step.SetSqlServerReplicationMode;
import dev.milink.step.SqlServerStep;
import dev.milink.step.Step;
import dev.milink.step.SwitchEndpointCertificate;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.step.VerifyPrerequisite;

/**
 * Applies one step: on its port (with retries), through the checks around a role switch or a log backup, or as a
 * wait. Each kind says which, so a new kind does not compile until it is given a way to run.
 */
final class StepApplier implements Step.Visitor<StepApplier.Applied>, SqlServerStep.Visitor<StepResult>,
        ManagedInstanceStep.Visitor<StepResult>, CheckStep.Visitor<StepResult> {

    /**
     * @param result what the port or helper reported
     * @param detail the journal and event note
     */
    record Applied(StepResult result, String detail) {
    }

    private final RunState run;
    private final SyncAwaiter awaiter;
    private final LsnAligner aligner;
    private final LifecycleSteps lifecycle;

    StepApplier(RunState run, Events events) {
        this.run = run;
        this.awaiter = new SyncAwaiter(run, events);
        this.aligner = new LsnAligner(run, events);
        this.lifecycle = new LifecycleSteps(run, events);
    }

    Applied apply(Step step) {
        return step.accept(this);
    }

    @Override
    public Applied sqlServer(SqlServerStep step) {
        return described(step.accept((SqlServerStep.Visitor<StepResult>) this));
    }

    @Override
    public Applied managedInstance(ManagedInstanceStep step) {
        return described(step.accept((ManagedInstanceStep.Visitor<StepResult>) this));
    }

    @Override
    public Applied check(CheckStep step) {
        // A wait's own note (how long, what was seen) is the detail.
        StepResult result = step.accept((CheckStep.Visitor<StepResult>) this);
        return new Applied(result, result.detail());
    }

    private static Applied described(StepResult result) {
        return new Applied(result, (result.changed() ? "changed" : "already in place")
                + (result.detail().isBlank() ? "" : ": " + result.detail()));
    }

    private StepResult sql(SqlServerStep step) {
        return run.resilient.call(step, false, () -> run.settings.sql().apply(step, run.inputs()));
    }

    private StepResult arm(ManagedInstanceStep step) {
        return run.resilient.call(step, true, () -> run.settings.mi().apply(step, run.inputs()));
    }

    @Override
    public StepResult visit(CreateMasterKey step) {
        return sql(step);
    }

    @Override
    public StepResult visit(CreateEndpointCertificate step) {
        return sql(step);
    }

    @Override
    public StepResult visit(ImportManagedInstanceCertificate step) {
        return sql(step);
    }

    @Override
    public StepResult visit(ImportAzureRootCertificates step) {
        return sql(step);
    }

    @Override
    public StepResult visit(CreateMirroringEndpoint step) {
        return sql(step);
    }

    @Override
    public StepResult visit(CreateAvailabilityGroup step) {
        return sql(step);
    }

    @Override
    public StepResult visit(CreateDistributedAvailabilityGroup step) {
        return sql(step);
    }

    @Override
    public StepResult visit(BackupLog step) {
        // The tail-log backup of a failover runs while the database is already a secondary: no seeding check.
        return step.tailLog() ? sql(step) : lifecycle.backupLog(step);
    }

    @Override
    public StepResult visit(DropAvailabilityGroup step) {
        return sql(step);
    }

    @Override
    public StepResult visit(DropCertificate step) {
        return sql(step);
    }

    @Override
    public StepResult visit(DropManagedInstanceCertificate step) {
        return sql(step);
    }

    @Override
    public StepResult visit(DropEndpoint step) {
        return sql(step);
    }

    @Override
    public StepResult visit(DropMasterKey step) {
        return sql(step);
    }

    @Override
    public StepResult visit(SetSqlServerReplicationMode step) {
        return sql(step);
    }

    @Override
    public StepResult visit(FailoverOnSqlServer step) {
        return lifecycle.switchRoles(step, RoleChange.of(step), () -> run.settings.sql().apply(step, run.inputs()));
    }

    @Override
    public StepResult visit(DemoteSqlServer step) {
        return lifecycle.switchRoles(step, RoleChange.of(step), () -> run.settings.sql().apply(step, run.inputs()));
    }

    @Override
    public StepResult visit(SwitchEndpointCertificate step) {
        return lifecycle.switchCertificate(step);
    }

    @Override
    public StepResult visit(UploadTrustCertificate step) {
        return arm(step);
    }

    @Override
    public StepResult visit(CreateManagedInstanceLink step) {
        return arm(step);
    }

    @Override
    public StepResult visit(DeleteManagedInstanceLink step) {
        return arm(step);
    }

    @Override
    public StepResult visit(DeleteTrustCertificate step) {
        return arm(step);
    }

    @Override
    public StepResult visit(SetLinkReplicationMode step) {
        return arm(step);
    }

    @Override
    public StepResult visit(FailoverManagedInstanceLink step) {
        return lifecycle.switchRoles(step, RoleChange.of(step), () -> run.settings.mi().apply(step, run.inputs()));
    }

    @Override
    public StepResult visit(SetManagedInstanceRole step) {
        return lifecycle.switchRoles(step, RoleChange.of(step), () -> run.settings.mi().apply(step, run.inputs()));
    }

    @Override
    public StepResult visit(VerifyPrerequisite step) {
        throw new LinkException(LinkErrorCode.INTERNAL, "check " + step.id() + " reached the step runner; checks are "
                + "evaluated before any step runs", "report this as a milink bug");
    }

    @Override
    public StepResult visit(AwaitSynchronization step) {
        return StepResult.unchanged(awaiter.await(step));
    }

    @Override
    public StepResult visit(AwaitLsnAlignment step) {
        return StepResult.unchanged(aligner.await(step));
    }
}
