package dev.milink.cli;


/**
 * The execution of {@code milink status}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * try (Sessions s = command.sessions()) {
 *     LinkHealth health = LinkMonitor.with(s.sqlServer(), s.managedInstance(spec.managedInstance())).check(spec);
 *     print health (per link: role, replica state, sync state, send/redo lag, LSNs, certificate expiry) or JSON;
 *     --watch: repeat every N seconds until interrupted
 * }
 * }</pre>
 */
final class StatusRun {

    private StatusRun() {
    }

    /**
 * @param command the command
 * @param spec the link definition
     * @return the exit code
     */
    static int execute(StatusCommand command, dev.milink.LinkSpec spec) {
        throw new NotAvailableException("status", "link-core (LinkMonitor) and link-azure (ArmManagedInstancePort)",
                "az sql mi link show --resource-group <rg> --instance-name <mi> --name <link> shows the Managed Instance side");
    }
}
