package dev.milink.cli;

/**
 * The execution of {@code milink resume}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * try (Sessions s = command.sessions()) {
 *     LinkRunner.with(s.sqlServer(), s.managedInstance(plan.spec().managedInstance()))
 *             .journal(<file journal in command.journalDir>).secrets(s.secrets()).listener(command.progress()).resume(plan);
 * }   // another runner holds the lock or the plan hash differs: JOURNAL_CONFLICT -> exit 1
 * }</pre>
 */
final class ResumeRun {

    private ResumeRun() {
    }

    /**
     * @param command the command
     * @param plan the plan of the stopped run (its hash must match the journal)
     * @return the exit code
     */
    static int execute(ResumeCommand command, dev.milink.LinkPlan plan) {
        throw new NotAvailableException("resume", "link-core (LinkRunner.resume) and link-azure (ArmManagedInstancePort)",
                "every statement in 'milink script' is guarded by IF NOT EXISTS, so rerunning the script continues where it stopped");
    }
}
