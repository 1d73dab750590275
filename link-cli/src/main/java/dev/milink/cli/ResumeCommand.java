package dev.milink.cli;

import dev.milink.LinkPlan;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;

/** {@code milink resume}: continues a stopped run from its journal (same options as the run). */
@Command(name = "resume", description = "Continue a stopped create (or with --drop, drop) run from its journal; pass the same link options.")
final class ResumeCommand extends LinkCommand {

    @Mixin
    PlanSelection selection;

    @Override
    protected int run() {
        LinkPlan plan = selection.plan(link);
        return ResumeRun.execute(this, plan);
    }
}
