package dev.milink.cli;

/**
 * The execution of {@code milink demo}, to complete when link-testkit's linked world, link-core and
 * link-azure are on main. It will:
 *
 * <pre>{@code
 * try (LinkedWorld world = LinkedWorld.start()) {     // TDS SQL Server + HTTPS ARM simulators on loopback
 *     LinkPlan plan = Link.from(world.sqlServer()).database("SalesDb").to(world.managedInstance()).twoWayDR(true).plan();
 *     print plan.describe();
 *     LinkRunner.with(JdbcSqlServerPort.connect(world.sqlConnection()), world.armPort()).listener(command.progress()).run(plan);
 *     print LinkMonitor health; run a planned failover and fail back; drop
 * }
 * }</pre>
 */
final class DemoRun {

    private DemoRun() {
    }

    /**
     * @param command the command
     * @return the exit code
     */
    static int execute(DemoCommand command) {
        throw new NotAvailableException("demo", "link-testkit's linked world with link-core and link-azure",
                "try 'milink plan' and 'milink script' with --help; they need no servers");
    }
}
