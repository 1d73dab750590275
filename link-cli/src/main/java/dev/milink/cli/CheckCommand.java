package dev.milink.cli;

import dev.milink.LinkPlan;
import picocli.CommandLine.Command;

/** {@code milink check}: runs the preflight checks against both sides; changes nothing. */
@Command(name = "check", description = "Run the preflight checks on SQL Server and the Managed Instance; changes nothing. Exit 3 when a check fails.")
final class CheckCommand extends LinkCommand {

    @Override
    protected int run() {
        LinkPlan plan = link.createPlan();
        return CheckRun.execute(this, plan);
    }
}
