package dev.milink.cli;

import dev.milink.InitialPrimary;
import dev.milink.LinkPlan;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code milink repair-split-brain}: after a forced failover left both sides primary, demotes one of them to
 * secondary (optionally after a tail-log backup of the side being demoted, to keep what only it has).
 */
@Command(name = "repair-split-brain", description = "After a forced failover left both sides PRIMARY: demote one "
        + "side to secondary. Take --tail-log-backup first to keep what only the demoted side has.")
final class RepairSplitBrainCommand extends LinkCommand {

    @Option(names = "--demote", required = true, paramLabel = "sql-server|managed-instance",
            description = "The side that becomes secondary (its unreplicated changes are discarded).")
    String demote;

    @Option(names = "--tail-log-backup", paramLabel = "PATH",
            description = "Back up the tail of the log of the demoted side to PATH first (SQL Server host path).")
    String tailLogBackup;

    @Mixin
    Preview preview;

    @Override
    protected int run() {
        InitialPrimary side = switch (demote.strip().toLowerCase(Locale.ROOT)) {
            case "sql-server" -> InitialPrimary.SQL_SERVER;
            case "managed-instance" -> InitialPrimary.MANAGED_INSTANCE;
            default -> throw new OptionException(spec.commandLine(), "--demote", "'" + demote + "' is not a side.",
                    "use sql-server or managed-instance");
        };
        LinkPlan plan = link.plan(d -> d.planSplitBrainRepair(side, tailLogBackup));
        return preview.requested() ? preview.show(this, plan) : RepairSplitBrainRun.execute(this, plan);
    }
}
