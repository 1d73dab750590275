package dev.milink.cli;

/**
 * The execution of {@code milink failback}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * try (Sessions s = command.sessions()) {
 *     LinkRunner.with(s.sqlServer(), s.managedInstance(plan.spec().managedInstance()))
 *             .journal(<file journal in command.journalDir>).listener(command.progress()).run(plan);
 * }
 * }</pre>
 */
final class FailbackRun {

    private FailbackRun() {
    }

    /**
     * @param command the command
     * @param plan the plan (from link-api's planner)
     * @return the exit code
     */
    static int execute(FailbackCommand command, dev.milink.LinkPlan plan) {
        throw new NotAvailableException("failback", "link-core (LinkRunner) and link-azure (ArmManagedInstancePort)",
                "use the SSMS failover wizard (SQL Server 2022 or 2025)");
    }
}
