package dev.milink.cli;

import dev.milink.LinkPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code milink plan}: prints the numbered steps of a plan, or the plan as JSON. Connects to nothing. */
@Command(name = "plan", description = "Show the steps that create (or with --drop remove) the link. Connects to nothing.")
final class PlanCommand extends BaseCommand {

    @Mixin
    LinkOptions link;

    @Mixin
    PlanSelection selection;

    @Override
    protected int run() {
        LinkPlan plan = selection.plan(link);
        if (output.json()) {
            emitJson(PlanJson.of(plan));
        } else {
            out().print(plan.describe());
            out().flush();
        }
        return ExitCodes.OK;
    }
}
