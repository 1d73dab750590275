package dev.milink.cli;

import dev.milink.LinkPlan;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;

/** {@code milink drop}: removes the link (and by default the SQL Server availability groups); refuses when not in sync unless --force. */
@Command(name = "drop", description = "Remove the link and, unless --keep-sql-ag, its SQL Server AGs. Refused (exit 4) when the replicas are not in sync, unless --force.")
final class DropCommand extends LinkCommand {

    @Mixin
    DropFlags flags;

    @Mixin
    Preview preview;

    @Override
    protected int run() {
        LinkPlan plan = link.dropPlan(flags.options());
        return preview.requested() ? preview.show(this, plan) : DropRun.execute(this, plan);
    }
}
