package dev.milink.cli;

/**
 * The execution of {@code milink status}, the one place to complete when its modules land on main.
 * It will make exactly these calls:
 *
 * <pre>{@code
 * try (Sessions s = command.sessions()) {
 *     LinkMonitor monitor = LinkMonitor.of(s.sqlServer(), s.managedInstance(spec.managedInstance()));
 *     List<LinkHealth> health = monitor.health(spec);     // per link: roles, sync state, lag, LSNs, cert expiry
 *     print as a table, or emitJson({"links": [...]}); exit 0 when healthy, 1 otherwise
 *     --watch N: monitor.watch(spec, Duration.ofSeconds(N), command.progress()) until interrupted
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
        throw new NotAvailableException("status", "link-azure (ArmManagedInstancePort) for link-core's LinkMonitor",
                "az sql mi link show --resource-group <rg> --instance-name <mi> --name <link> shows the Managed Instance side");
    }
}
