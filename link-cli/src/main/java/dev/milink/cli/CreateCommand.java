package dev.milink.cli;

import dev.milink.LinkPlan;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;

/** {@code milink create}: checks, then creates the link, journaling every step so a stopped run can resume. */
@Command(name = "create", description = "Check, then create the link (both sides), with a journal so a stopped run resumes. --dry-run / --print-script show the plan / T-SQL only.")
final class CreateCommand extends LinkCommand {

    @Mixin
    Preview preview;

    @Override
    protected int run() {
        LinkPlan plan = link.createPlan();
        return preview.requested() ? preview.show(this, plan) : CreateRun.execute(this, plan);
    }
}
