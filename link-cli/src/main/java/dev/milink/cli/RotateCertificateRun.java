package dev.milink.cli;

/**
 * The execution of {@code milink rotate-certificate}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * try (Sessions s = command.sessions()) {
 *     LinkRunner.with(s.sqlServer(), s.managedInstance(plan.spec().managedInstance()))
 *             .journal(<file journal in command.journalDir>).secrets(s.secrets()).listener(command.progress()).run(plan);
 * }
 * }</pre>
 */
final class RotateCertificateRun {

    private RotateCertificateRun() {
    }

    /**
     * @param command the command
     * @param plan the plan (from link-api's planner)
     * @return the exit code
     */
    static int execute(RotateCertificateCommand command, dev.milink.LinkPlan plan) {
        throw new NotAvailableException("rotate-certificate", "link-core (LinkRunner) and link-azure (ArmManagedInstancePort)",
                "follow the certificate rotation steps in the Managed Instance link documentation");
    }
}
