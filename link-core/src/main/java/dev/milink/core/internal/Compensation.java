package dev.milink.core.internal;

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
import dev.milink.step.RunValue;
import dev.milink.step.RunValues;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.SetManagedInstanceRole;
import dev.milink.step.SetSqlServerReplicationMode;
import dev.milink.step.SqlServerStep;
import dev.milink.step.Step;
import dev.milink.step.SwitchEndpointCertificate;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.step.VerifyPrerequisite;
import java.util.List;
import java.util.Optional;

/**
 * What undoes a step a run created: the compensating steps, in order, and what is deliberately left in place. Every
 * kind answers here, so a new kind does not compile until it says how (or that nothing) is undone. No compensation
 * drops a user database, and nothing is undone that existed before the run (the caller asks only for steps the
 * journal says the run may have created).
 */
final class Compensation implements Step.Visitor<List<Step>>, SqlServerStep.Visitor<List<Step>>,
        ManagedInstanceStep.Visitor<List<Step>>, CheckStep.Visitor<List<Step>> {

    private final RunValues produced;
    private final Optional<String> fqdn;
    private final List<String> left;

    private Compensation(RunValues produced, Optional<String> fqdn, List<String> left) {
        this.produced = produced;
        this.fqdn = fqdn;
        this.left = left;
    }

    /**
     * @param step a step the run may have created
     * @param produced the values the journal kept with it
     * @param fqdn the Managed Instance's FQDN, when known
     * @param left where to note what stays in place and why
     * @return the steps that undo it, in order; empty when nothing is undone
     */
    static List<Step> of(Step step, RunValues produced, Optional<String> fqdn, List<String> left) {
        return step.accept(new Compensation(produced, fqdn, left));
    }

    @Override
    public List<Step> sqlServer(SqlServerStep step) {
        return step.accept((SqlServerStep.Visitor<List<Step>>) this);
    }

    @Override
    public List<Step> managedInstance(ManagedInstanceStep step) {
        return step.accept((ManagedInstanceStep.Visitor<List<Step>>) this);
    }

    @Override
    public List<Step> check(CheckStep step) {
        return step.accept((CheckStep.Visitor<List<Step>>) this);
    }

    @Override
    public List<Step> visit(CreateMasterKey step) {
        return List.of(new DropMasterKey("rollback: created by this run"));
    }

    @Override
    public List<Step> visit(CreateEndpointCertificate step) {
        // Rollback runs in reverse, so an endpoint this run created is already gone when its certificate goes.
        return List.of(new DropCertificate(step.name(), "rollback: created by this run"));
    }

    @Override
    public List<Step> visit(ImportManagedInstanceCertificate step) {
        return List.of(new DropManagedInstanceCertificate(step.fqdn().or(() -> fqdn)));
    }

    @Override
    public List<Step> visit(ImportAzureRootCertificates step) {
        return produced.get(RunValue.CREATED_ROOT_CERTIFICATES).orElse(List.of()).stream()
                .<Step>map(n -> new DropCertificate(n, "rollback: imported by this run")).toList();
    }

    @Override
    public List<Step> visit(CreateMirroringEndpoint step) {
        return List.of(new DropEndpoint(step.name(), "rollback: created by this run"));
    }

    @Override
    public List<Step> visit(CreateAvailabilityGroup step) {
        return List.of(new DropAvailabilityGroup(step.name(), step.target(), false));
    }

    @Override
    public List<Step> visit(CreateDistributedAvailabilityGroup step) {
        return List.of(new DropAvailabilityGroup(step.name(), step.target(), true));
    }

    @Override
    public List<Step> visit(UploadTrustCertificate step) {
        return List.of(new DeleteTrustCertificate(step.certificateName()));
    }

    @Override
    public List<Step> visit(CreateManagedInstanceLink step) {
        left.add("database [" + step.target() + "] on the Managed Instance (if seeding created it): deleting the link "
                + "leaves it, and milink never drops a database");
        return List.of(new DeleteManagedInstanceLink(step.linkName(), step.target()));
    }

    // A log backup cannot be taken back; removals, mode and role changes are not undone by a rollback (a failover
    // is undone by failing back, a plan of its own).

    @Override
    public List<Step> visit(BackupLog step) {
        return List.of();
    }

    @Override
    public List<Step> visit(DropAvailabilityGroup step) {
        return List.of();
    }

    @Override
    public List<Step> visit(DropCertificate step) {
        return List.of();
    }

    @Override
    public List<Step> visit(DropManagedInstanceCertificate step) {
        return List.of();
    }

    @Override
    public List<Step> visit(DropEndpoint step) {
        return List.of();
    }

    @Override
    public List<Step> visit(DropMasterKey step) {
        return List.of();
    }

    @Override
    public List<Step> visit(SetSqlServerReplicationMode step) {
        return List.of();
    }

    @Override
    public List<Step> visit(FailoverOnSqlServer step) {
        return List.of();
    }

    @Override
    public List<Step> visit(DemoteSqlServer step) {
        return List.of();
    }

    @Override
    public List<Step> visit(SwitchEndpointCertificate step) {
        return List.of();
    }

    @Override
    public List<Step> visit(DeleteManagedInstanceLink step) {
        return List.of();
    }

    @Override
    public List<Step> visit(DeleteTrustCertificate step) {
        return List.of();
    }

    @Override
    public List<Step> visit(SetLinkReplicationMode step) {
        return List.of();
    }

    @Override
    public List<Step> visit(FailoverManagedInstanceLink step) {
        return List.of();
    }

    @Override
    public List<Step> visit(SetManagedInstanceRole step) {
        return List.of();
    }

    // Checks and waits change nothing.

    @Override
    public List<Step> visit(VerifyPrerequisite step) {
        return List.of();
    }

    @Override
    public List<Step> visit(AwaitSynchronization step) {
        return List.of();
    }

    @Override
    public List<Step> visit(AwaitLsnAlignment step) {
        return List.of();
    }
}
