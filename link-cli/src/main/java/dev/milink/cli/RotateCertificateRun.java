package dev.milink.cli;


/**
 * The execution of {@code milink rotate-certificate}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * LinkPlan plan = <link-core rotation planner>(spec, newCertificateName);   // CERTIFICATE_ROTATION
 * try (Sessions s = command.sessions()) {
 *     LinkRunner.with(s.sqlServer(), s.managedInstance(spec.managedInstance()))
 *             .journal(<file journal in command.journalDir>).secrets(s.secrets()).listener(command.progress()).run(plan);
 * }
 * }</pre>
 */
final class RotateCertificateRun {

    private RotateCertificateRun() {
    }

    /**
 * @param command the command
 * @param spec the link definition (its --certificate-expiry is the new certificate's)
 * @param newCertificateName the new certificate's name, or null for a generated one
     * @return the exit code
     */
    static int execute(RotateCertificateCommand command, dev.milink.LinkSpec spec, String newCertificateName) {
        throw new NotAvailableException("rotate-certificate", "link-core (certificate rotation plan, LinkRunner) and link-azure (ArmManagedInstancePort)",
                "follow the certificate rotation steps in the Managed Instance link documentation");
    }
}
