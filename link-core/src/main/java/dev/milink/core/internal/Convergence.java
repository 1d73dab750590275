package dev.milink.core.internal;

import dev.milink.core.JournalEntry;
import dev.milink.core.StepState;
import dev.milink.state.AvailabilityGroupState;
import dev.milink.state.CertificateState;
import dev.milink.state.SqlServerState;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.CreateAvailabilityGroup;
import dev.milink.step.CreateDistributedAvailabilityGroup;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.CreateMasterKey;
import dev.milink.step.CreateMirroringEndpoint;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.DropAvailabilityGroup;
import dev.milink.step.DropCertificate;
import dev.milink.step.DropEndpoint;
import dev.milink.step.DropMasterKey;
import dev.milink.step.DropManagedInstanceCertificate;
import dev.milink.step.ImportAzureRootCertificates;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.RootCertificate;
import dev.milink.step.Step;
import dev.milink.step.UploadTrustCertificate;
import java.util.Optional;

/**
 * Decides "already done?" for a step from the run's observation (no extra SQL round trip) and, where the
 * Managed Instance must be asked, from reads made at most once per run. Returns why it is done, or empty.
 */
final class Convergence {

    private Convergence() {
    }

    static Optional<String> alreadyDone(Step step, RunState run, JournalEntry previous) {
        SqlServerState sql = run.sql();
        boolean journalDone = previous.state() == StepState.DONE;
        if (step instanceof CreateMasterKey) {
            return when(sql.server().masterKeyPresent(), "a master key exists in master");
        } else if (step instanceof CreateEndpointCertificate s) {
            return endpointCertificate(s, run);
        } else if (step instanceof UploadTrustCertificate s) {
            return !run.rerun ? Optional.empty()
                    : when(run.trust(step).stream().anyMatch(t -> t.name().equalsIgnoreCase(s.certificateName())),
                            "trust certificate [" + s.certificateName() + "] is on the Managed Instance");
        } else if (step instanceof ImportManagedInstanceCertificate s) {
            String fqdn = s.fqdn().orElseGet(() -> run.fqdn(step));
            return when(sql.certificate(fqdn).isPresent(), "certificate [" + fqdn + "] exists");
        } else if (step instanceof ImportAzureRootCertificates s) {
            return when(s.roots().stream().map(RootCertificate::name).allMatch(n -> sql.certificate(n).isPresent()),
                    "all " + s.roots().size() + " root certificates exist");
        } else if (step instanceof CreateMirroringEndpoint) {
            return when(sql.mirroringEndpoint().filter(e -> e.suitsLink()).isPresent(),
                    "a suitable DATABASE_MIRRORING endpoint exists");
        } else if (step instanceof CreateAvailabilityGroup s) {
            return when(group(sql, s.name(), false), "availability group [" + s.name() + "] exists");
        } else if (step instanceof CreateDistributedAvailabilityGroup s) {
            return when(group(sql, s.name(), true), "distributed availability group [" + s.name() + "] exists");
        } else if (step instanceof CreateManagedInstanceLink s) {
            return !run.rerun ? Optional.empty()
                    : when(run.miLinks(step).stream().anyMatch(l -> l.name().equalsIgnoreCase(s.linkName())),
                            "link [" + s.linkName() + "] exists on the Managed Instance");
        } else if (step instanceof AwaitSynchronization s) {
            return SyncAwaiter.synchronizedNow(sql, s).map(state -> "already " + state);
        } else if (step instanceof DeleteManagedInstanceLink s) {
            return when(run.miLinks(step).stream().noneMatch(l -> l.name().equalsIgnoreCase(s.linkName())),
                    "no link [" + s.linkName() + "] on the Managed Instance");
        } else if (step instanceof DropAvailabilityGroup s) {
            return when(sql.availabilityGroup(s.name()).isEmpty(), "no group [" + s.name() + "]");
        } else if (step instanceof DeleteTrustCertificate s) {
            return when(run.trust(step).stream().noneMatch(t -> t.name().equalsIgnoreCase(s.certificateName())),
                    "no trust certificate [" + s.certificateName() + "]");
        } else if (step instanceof DropManagedInstanceCertificate s) {
            String fqdn = s.fqdn().orElseGet(() -> run.fqdn(step));
            return when(sql.certificate(fqdn).isEmpty(), "no certificate [" + fqdn + "]");
        } else if (step instanceof DropCertificate s) {
            return when(sql.certificate(s.name()).isEmpty(), "no certificate [" + s.name() + "]");
        } else if (step instanceof DropEndpoint s) {
            return when(sql.mirroringEndpoint().filter(e -> e.name().equalsIgnoreCase(s.name())).isEmpty(),
                    "no endpoint [" + s.name() + "]");
        } else if (step instanceof DropMasterKey) {
            return when(!sql.server().masterKeyPresent(), "no master key in master");
        }
        // Not observable here (log backups, failover steps): the journal is the only memory.
        return when(journalDone, "done in an earlier run (journal)");
    }

    private static Optional<String> endpointCertificate(CreateEndpointCertificate s, RunState run) {
        Optional<CertificateState> cert = run.sql().certificate(s.name()).filter(CertificateState::hasPrivateKey);
        Optional<byte[]> publicKey = cert.flatMap(CertificateState::encoded);
        // Without the public key in the observation, applying (guarded) is the one round trip that returns it.
        publicKey.ifPresent(der -> run.update(i -> i.withSqlServerCertificate(der)));
        return when(publicKey.isPresent(), "certificate [" + s.name() + "] exists with its private key");
    }

    private static boolean group(SqlServerState sql, String name, boolean distributed) {
        return sql.availabilityGroup(name).map(AvailabilityGroupState::distributed).filter(d -> d == distributed).isPresent();
    }

    private static Optional<String> when(boolean done, String why) {
        return done ? Optional.of(why) : Optional.empty();
    }
}
