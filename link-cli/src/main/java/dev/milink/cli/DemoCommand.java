package dev.milink.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code milink demo}: creates, watches, fails over and drops a link between simulated servers on this machine. */
@Command(name = "demo", description = "Create, watch, fail over, fail back and drop a link between milink's simulators "
        + "(test doubles of SQL Server and Managed Instance) on this machine; no Azure or SQL Server needed.")
final class DemoCommand extends BaseCommand {

    @Option(names = "--script", paramLabel = "FILE", description = "Also write the link's SQLCMD script to FILE.")
    Path script;

    @Override
    protected int run() {
        return DemoRun.execute(this);
    }
}
