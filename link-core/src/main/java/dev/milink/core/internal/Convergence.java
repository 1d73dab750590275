package dev.milink.core.internal;

import dev.milink.core.JournalEntry;
import dev.milink.core.StepState;
import dev.milink.state.AvailabilityGroupState;
import dev.milink.state.CertificateState;
import dev.milink.state.SqlServerState;
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
import dev.milink.step.RootCertificate;
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
 * Decides "already done?" for a step from the run's observation (no extra SQL round trip) and, where the
 * Managed Instance must be asked, from reads made at most once per run. Changes nothing: the answer carries the
 * values the observation shows for what the step produces, and the runner keeps them. Steps whose effect cannot be
 * observed (log backups, role switches) fall back to the journal, the only memory of them; each kind says so here,
 * so a new kind does not compile until it decides.
 */
final class Convergence implements Step.Visitor<Convergence.Verdict>, SqlServerStep.Visitor<Convergence.Verdict>,
        ManagedInstanceStep.Visitor<Convergence.Verdict>, CheckStep.Visitor<Convergence.Verdict> {

    /**
     * What the observation says about one step.
     *
     * @param done why the step is already done; empty when it must be applied
     * @param observed the values the observation shows for what the step produces
     */
    record Verdict(Optional<String> done, RunValues observed) {

        static Verdict when(boolean done, String why) {
            return new Verdict(done ? Optional.of(why) : Optional.empty(), RunValues.none());
        }

        <T> Verdict with(RunValue<T> key, T value) {
            return new Verdict(done, observed.with(key, value));
        }
    }

    private final RunContext run;
    private final SqlServerState sql;
    private final boolean journalDone;

    private Convergence(RunContext run, JournalEntry previous) {
        this.run = run;
        this.sql = run.sql();
        this.journalDone = previous.state() == StepState.DONE;
    }

    static Verdict of(Step step, RunContext run, JournalEntry previous) {
        return step.accept(new Convergence(run, previous));
    }

    @Override
    public Verdict sqlServer(SqlServerStep step) {
        return step.accept((SqlServerStep.Visitor<Verdict>) this);
    }

    @Override
    public Verdict managedInstance(ManagedInstanceStep step) {
        return step.accept((ManagedInstanceStep.Visitor<Verdict>) this);
    }

    @Override
    public Verdict check(CheckStep step) {
        return step.accept((CheckStep.Visitor<Verdict>) this);
    }

    @Override
    public Verdict visit(CreateMasterKey step) {
        return Verdict.when(sql.server().masterKeyPresent(), "a master key exists in master");
    }

    @Override
    public Verdict visit(CreateEndpointCertificate step) {
        Optional<byte[]> publicKey = sql.certificate(step.name()).filter(CertificateState::hasPrivateKey)
                .flatMap(CertificateState::encoded);
        // Without the public key in the observation, applying (guarded) is the one round trip that returns it.
        Verdict verdict = Verdict.when(publicKey.isPresent(), "certificate [" + step.name() + "] exists with its private key");
        return publicKey.map(der -> verdict.with(RunValue.SQL_SERVER_CERTIFICATE, der)).orElse(verdict);
    }

    @Override
    public Verdict visit(ImportManagedInstanceCertificate step) {
        String fqdn = step.fqdn().orElseGet(() -> run.fqdn(step));
        return Verdict.when(sql.certificate(fqdn).isPresent(), "certificate [" + fqdn + "] exists");
    }

    @Override
    public Verdict visit(ImportAzureRootCertificates step) {
        // The roots absent now are the ones this run adds: kept so that a rollback drops only those.
        List<String> missing = step.roots().stream().map(RootCertificate::name).filter(n -> sql.certificate(n).isEmpty()).toList();
        return Verdict.when(missing.isEmpty(), "all " + step.roots().size() + " root certificates exist")
                .with(RunValue.CREATED_ROOT_CERTIFICATES, missing);
    }

    @Override
    public Verdict visit(CreateMirroringEndpoint step) {
        return Verdict.when(sql.mirroringEndpoint().filter(e -> e.suitsLink()).isPresent(),
                "a suitable DATABASE_MIRRORING endpoint exists");
    }

    @Override
    public Verdict visit(CreateAvailabilityGroup step) {
        return Verdict.when(group(step.name(), false), "availability group [" + step.name() + "] exists");
    }

    @Override
    public Verdict visit(CreateDistributedAvailabilityGroup step) {
        return Verdict.when(group(step.name(), true), "distributed availability group [" + step.name() + "] exists");
    }

    @Override
    public Verdict visit(BackupLog step) {
        return journal();
    }

    @Override
    public Verdict visit(DropAvailabilityGroup step) {
        return Verdict.when(sql.availabilityGroup(step.name()).isEmpty(), "no group [" + step.name() + "]");
    }

    @Override
    public Verdict visit(DropCertificate step) {
        return Verdict.when(sql.certificate(step.name()).isEmpty(), "no certificate [" + step.name() + "]");
    }

    @Override
    public Verdict visit(DropManagedInstanceCertificate step) {
        String fqdn = step.fqdn().orElseGet(() -> run.fqdn(step));
        return Verdict.when(sql.certificate(fqdn).isEmpty(), "no certificate [" + fqdn + "]");
    }

    @Override
    public Verdict visit(DropEndpoint step) {
        return Verdict.when(sql.mirroringEndpoint().filter(e -> e.name().equalsIgnoreCase(step.name())).isEmpty(),
                "no endpoint [" + step.name() + "]");
    }

    @Override
    public Verdict visit(DropMasterKey step) {
        return Verdict.when(!sql.server().masterKeyPresent(), "no master key in master");
    }

    @Override
    public Verdict visit(SetSqlServerReplicationMode step) {
        return journal();
    }

    @Override
    public Verdict visit(FailoverOnSqlServer step) {
        return journal();
    }

    @Override
    public Verdict visit(DemoteSqlServer step) {
        return journal();
    }

    @Override
    public Verdict visit(SwitchEndpointCertificate step) {
        return journal();
    }

    @Override
    public Verdict visit(UploadTrustCertificate step) {
        return !run.rerun() ? Verdict.when(false, "")
                : Verdict.when(run.trust(step).stream().anyMatch(t -> t.name().equalsIgnoreCase(step.certificateName())),
                        "trust certificate [" + step.certificateName() + "] is on the Managed Instance");
    }

    @Override
    public Verdict visit(CreateManagedInstanceLink step) {
        return !run.rerun() ? Verdict.when(false, "")
                : Verdict.when(run.miLinks(step).stream().anyMatch(l -> l.name().equalsIgnoreCase(step.linkName())),
                        "link [" + step.linkName() + "] exists on the Managed Instance");
    }

    @Override
    public Verdict visit(DeleteManagedInstanceLink step) {
        return Verdict.when(run.miLinks(step).stream().noneMatch(l -> l.name().equalsIgnoreCase(step.linkName())),
                "no link [" + step.linkName() + "] on the Managed Instance");
    }

    @Override
    public Verdict visit(DeleteTrustCertificate step) {
        return Verdict.when(run.trust(step).stream().noneMatch(t -> t.name().equalsIgnoreCase(step.certificateName())),
                "no trust certificate [" + step.certificateName() + "]");
    }

    @Override
    public Verdict visit(SetLinkReplicationMode step) {
        return journal();
    }

    @Override
    public Verdict visit(FailoverManagedInstanceLink step) {
        return journal();
    }

    @Override
    public Verdict visit(SetManagedInstanceRole step) {
        return journal();
    }

    @Override
    public Verdict visit(VerifyPrerequisite step) {
        return journal();
    }

    @Override
    public Verdict visit(AwaitSynchronization step) {
        return new Verdict(SyncAwaiter.synchronizedNow(sql, step).map(state -> "already " + state), RunValues.none());
    }

    @Override
    public Verdict visit(AwaitLsnAlignment step) {
        return journal();
    }

    /** Not observable here: the journal is the only memory. */
    private Verdict journal() {
        return Verdict.when(journalDone, "done in an earlier run (journal)");
    }

    private boolean group(String name, boolean distributed) {
        return sql.availabilityGroup(name).map(AvailabilityGroupState::distributed).filter(d -> d == distributed).isPresent();
    }
}
