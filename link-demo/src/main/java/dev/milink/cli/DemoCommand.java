package dev.milink.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code milink demo}: creates, watches, fails over and drops a link between simulated servers on this machine.
 * It lives in link-demo, not link-cli, so the production {@code milink.jar} ships no test double; the demo's jar
 * plugs it in as a {@link MilinkSubcommand}.
 */
@Command(name = "demo", description = "Create, watch, fail over, fail back and drop a link between milink's simulators "
        + "(test doubles of SQL Server and Managed Instance) on this machine; no Azure or SQL Server needed.")
public final class DemoCommand extends BaseCommand implements MilinkSubcommand {

    @Option(names = "--script", paramLabel = "FILE", description = "Also write the link's SQLCMD script to FILE.")
    Path script;

    /** Created by {@link java.util.ServiceLoader} when the demo's jar is on the class path. */
    public DemoCommand() {
    }

    @Override
    protected int run() {
        return DemoRun.execute(this);
    }
}
