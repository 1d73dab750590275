package dev.milink.cli;

/**
 * The execution of {@code milink drop}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * try (Sessions s = command.sessions()) {
 *     LinkRunner.with(s.sqlServer(), s.managedInstance(plan.spec().managedInstance()))
 *             .journal(<file journal in command.journalDir>).listener(command.progress()).run(plan);
 * }   // not in sync without --force: LinkException GATE_REFUSED -> exit 4
 * }</pre>
 */
final class DropRun {

    private DropRun() {
    }

    /**
     * @param command the command
     * @param plan the drop plan
     * @return the exit code
     */
    static int execute(DropCommand command, dev.milink.LinkPlan plan) {
        throw new NotAvailableException("drop", "link-core (LinkRunner with the drop guard) and link-azure (ArmManagedInstancePort)",
                "'milink script --drop <same options>' writes the T-SQL and az steps that remove the link");
    }
}
