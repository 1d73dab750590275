package dev.milink.cli;

import dev.milink.LinkPlan;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;

/** {@code milink rollback}: undoes the completed steps of a stopped run in reverse; never drops a user database. */
@Command(name = "rollback", description = "Undo the completed steps of a stopped run, in reverse order. Never drops a user database.")
final class RollbackCommand extends LinkCommand {

    @Mixin
    PlanSelection selection;

    @Override
    protected int run() {
        LinkPlan plan = selection.plan(link);
        return RollbackRun.execute(this, plan);
    }
}
