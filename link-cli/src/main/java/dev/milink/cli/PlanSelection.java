package dev.milink.cli;

import dev.milink.LinkPlan;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Chooses which plan {@code plan} and {@code script} show: creation (default) or removal. */
public final class PlanSelection {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--drop", description = "Show the plan that removes the link instead of the one that creates it.")
    boolean drop;

    @Mixin
    DropFlags dropFlags;

    /**
     * @param link the link options
     * @return the selected plan
     * @throws OptionException when drop flags are given without --drop
     */
    LinkPlan plan(LinkOptions link) {
        if (!drop && dropFlags.any()) {
            throw new OptionException(command.commandLine(), "--drop",
                    "--keep-sql-ag, --remove-trust and --force apply to the drop plan.", "add --drop");
        }
        return drop ? link.dropPlan(dropFlags.options()) : link.createPlan();
    }
}
