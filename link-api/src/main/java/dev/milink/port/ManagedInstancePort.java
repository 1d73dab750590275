package dev.milink.port;

import dev.milink.step.ManagedInstanceStep;
import dev.milink.state.InstanceFacts;
import dev.milink.state.LinkResourceState;
import dev.milink.state.TrustCertificateState;
import java.util.List;
import java.util.Optional;

/**
 * The Managed Instance as milink sees it through Azure Resource Manager. {@code link-azure}'s
 * {@code ArmManagedInstancePort} implements it. Each read is one ARM call (list reads follow
 * {@code nextLink}); callers choose which reads they need, so a run costs no more calls than it uses.
 */
public interface ManagedInstancePort extends AutoCloseable {

    /** @return the instance's facts (GET the instance) */
    InstanceFacts instance();

    /** @return the names of the instance's databases (LIST databases) */
    List<String> databaseNames();

    /** @return the instance's database mirroring endpoint certificate, DER (GET endpointCertificates/DATABASE_MIRRORING) */
    byte[] endpointCertificate();

    /** @return the server trust certificates (LIST) */
    List<TrustCertificateState> trustCertificates();

    /** @return every link on the instance (LIST distributedAvailabilityGroups) */
    List<LinkResourceState> links();

    /**
     * @param name a link name
     * @return the link, or empty when it does not exist (GET)
     */
    Optional<LinkResourceState> link(String name);

    /**
     * Runs a write step; long-running operations are awaited.
     *
     * @param step the step
     * @param inputs values learned so far in the run
     * @return what changed
     * @throws dev.milink.LinkExecutionException when ARM refuses or the operation fails
     */
    StepResult apply(ManagedInstanceStep step, StepInputs inputs);

    /** Releases resources. */
    @Override
    default void close() {
    }
}
