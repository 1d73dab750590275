package dev.milink.cli;

/**
 * The execution of {@code milink check}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * try (Sessions s = command.sessions()) {
 *     PreflightReport report = Preflight.check(plan, s.sqlServer(), s.managedInstance(plan.spec().managedInstance()));
 *     json ? emitJson({"passed": !report.hasErrors(), "report": report.render(), "plan": hash})
 *          : out.print(report.render());
 *     return report.hasErrors() ? ExitCodes.PREFLIGHT_FAILED : ExitCodes.OK;
 * }
 * }</pre>
 */
final class CheckRun {

    private CheckRun() {
    }

    /**
     * @param command the command
     * @param plan the creation plan
     * @return the exit code
     */
    static int execute(CheckCommand command, dev.milink.LinkPlan plan) {
        throw new NotAvailableException("check", "link-core (Preflight) and link-azure (ArmManagedInstancePort)",
                "the SSMS wizard's validation pages check the same prerequisites today");
    }
}
