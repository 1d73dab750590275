package dev.milink.cli;

import dev.milink.LinkPlan;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;

/** {@code milink create}: checks, then creates the link, journaling every step so a stopped run can resume. */
@Command(name = "create", description = "Check, then create the link (both sides), with a journal so a stopped run resumes. --dry-run shows the plan only.")
final class CreateCommand extends LinkCommand {

    @Option(names = "--dry-run", description = "Show the plan and connect to nothing.")
    boolean dryRun;

    @Override
    protected int run() {
        LinkPlan plan = link.createPlan();
        return dryRun ? dryRun(plan) : CreateRun.execute(this, plan);
    }
}
