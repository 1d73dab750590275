package dev.milink.cli;

/**
 * The execution of {@code milink failover}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * try (Sessions s = command.sessions()) {
 *     LinkRunner.with(s.sqlServer(), s.managedInstance(plan.spec().managedInstance()))
 *             .journal(<file journal in command.journalDir>).listener(command.progress()).run(plan);
 * }   // a gate refusal is a LinkException with GATE_REFUSED -> exit 4
 * }</pre>
 */
final class FailoverRun {

    private FailoverRun() {
    }

    /**
     * @param command the command
     * @param plan the plan (from link-api's planner)
     * @return the exit code
     */
    static int execute(FailoverCommand command, dev.milink.LinkPlan plan) {
        throw new NotAvailableException("failover", "link-core (LinkRunner with the failover gates) and link-azure (ArmManagedInstancePort)",
                "use the SSMS failover wizard, or 'az sql mi link failover' for the Managed Instance side");
    }
}
