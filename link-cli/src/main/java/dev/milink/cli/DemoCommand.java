package dev.milink.cli;

import picocli.CommandLine.Command;

/** {@code milink demo}: creates, watches and fails over a link between simulated servers on this machine. */
@Command(name = "demo", description = "Create, watch, fail over and drop a link between simulated SQL Server and "
        + "Managed Instance servers on this machine (no Azure, no SQL Server needed).")
final class DemoCommand extends BaseCommand {

    @Override
    protected int run() {
        return DemoRun.execute(this);
    }
}
