package dev.milink.cli;

/**
 * The execution of {@code milink create}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * try (Sessions s = command.sessions()) {
 *     SqlServerPort sql = s.sqlServer();
 *     ManagedInstancePort mi = s.managedInstance(plan.spec().managedInstance());
 *     PreflightReport report = Preflight.check(plan, sql, mi);
 *     if (report.hasErrors()) { print report.render(); return ExitCodes.PREFLIGHT_FAILED; }
 *     LinkRun run = LinkRunner.with(sql, mi).journal(<file journal in command.journalDir>)
 *             .secrets(s.secrets()).listener(command.progress()).run(plan);
 *     return run result as text or JSON {"plan":hash,"steps":[{"id","state","took"}]}; failures -> LinkException -> exit code
 * }
 * }</pre>
 */
final class CreateRun {

    private CreateRun() {
    }

    /**
     * @param command the command
     * @param plan the creation plan
     * @return the exit code
     */
    static int execute(CreateCommand command, dev.milink.LinkPlan plan) {
        throw new NotAvailableException("create", "link-core (Preflight, LinkRunner) and link-azure (ArmManagedInstancePort)",
                "review and run the T-SQL yourself: 'milink script <same link options> -o link.sql', then sqlcmd -i link.sql and the az steps it lists");
    }
}
