package dev.milink.cli;

/**
 * The execution of {@code milink rollback}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * try (Sessions s = command.sessions()) {
 *     LinkRunner.with(s.sqlServer(), s.managedInstance(plan.spec().managedInstance()))
 *             .journal(<file journal in command.journalDir>).listener(command.progress()).rollback(plan);
 * }
 * }</pre>
 */
final class RollbackRun {

    private RollbackRun() {
    }

    /**
     * @param command the command
     * @param plan the plan of the stopped run
     * @return the exit code
     */
    static int execute(RollbackCommand command, dev.milink.LinkPlan plan) {
        throw new NotAvailableException("rollback", "link-core (LinkRunner.rollback) and link-azure (ArmManagedInstancePort)",
                "'milink script --drop <same options>' writes the T-SQL and az steps that remove what was created");
    }
}
