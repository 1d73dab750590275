package dev.milink.cli;


/**
 * The execution of {@code milink failover}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * LinkPlan plan = <link-core failover planner>(spec, type);   // PLANNED_FAILOVER or FORCED_FAILOVER
 * try (Sessions s = command.sessions()) {
 *     LinkRunner.with(s.sqlServer(), s.managedInstance(spec.managedInstance()))
 *             .journal(<file journal in command.journalDir>).listener(command.progress()).run(plan);
 * }   // a gate refusal is a LinkException with GATE_REFUSED -> exit 4
 * }</pre>
 */
final class FailoverRun {

    private FailoverRun() {
    }

    /**
 * @param command the command
 * @param spec the link definition
 * @param type planned or forced (data loss acknowledged)
     * @return the exit code
     */
    static int execute(FailoverCommand command, dev.milink.LinkSpec spec, dev.milink.FailoverType type) {
        throw new NotAvailableException("failover", "link-core (failover plans and gates, LinkRunner) and link-azure (ArmManagedInstancePort)",
                "use the SSMS failover wizard, or 'az sql mi link failover' for the Managed Instance side");
    }
}
