package dev.milink.cli;

import dev.milink.FailoverOptions;
import dev.milink.InitialPrimary;
import dev.milink.LinkPlan;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code milink failover}: --planned (gated: workload stopped, synchronous commit, last hardened LSNs equal and
 * stable) or --forced --allow-data-loss (disaster recovery). The gates refuse with exit code 4.
 */
@Command(name = "failover", description = "Fail over: --planned --workload-stopped (no data loss; waits until both "
        + "sides hold the same log) or --forced --allow-data-loss (disaster recovery). Gates refuse with exit 4.")
final class FailoverCommand extends LinkCommand {

    /** Exactly one of --planned and --forced. */
    static final class Mode {
        @Option(names = "--planned", required = true, description = "Planned failover: no data loss.")
        boolean planned;

        @Option(names = "--forced", required = true, description = "Forced failover: the secondary becomes primary now.")
        boolean forced;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--to", paramLabel = "managed-instance|sql-server", defaultValue = "managed-instance",
            description = "The side that becomes primary (default ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--workload-stopped", description = "Confirm applications stopped writing to the primary (planned).")
    boolean workloadStopped;

    @Option(names = "--allow-data-loss", description = "Accept losing what the secondary has not received (forced).")
    boolean allowDataLoss;

    @Option(names = "--end-link", description = "Accept that on SQL Server 2016-2019 the failover ends the link (cut-over).")
    boolean endLink;

    @Option(names = "--lsn-stable-seconds", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long the last hardened LSNs must stay equal before a planned failover (default ${DEFAULT-VALUE}).")
    int lsnStableSeconds;

    @Mixin
    Preview preview;

    @Override
    protected int run() {
        if (mode.planned && allowDataLoss) {
            throw new OptionException(spec.commandLine(), "--allow-data-loss", "applies to --forced only.",
                    "drop --allow-data-loss; a planned failover never loses data");
        }
        if (lsnStableSeconds < 0) {
            throw new OptionException(spec.commandLine(), "--lsn-stable-seconds", "cannot be negative.", "use 10 or more");
        }
        InitialPrimary to = switch (target.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "managed-instance" -> InitialPrimary.MANAGED_INSTANCE;
            case "sql-server" -> InitialPrimary.SQL_SERVER;
            default -> throw new OptionException(spec.commandLine(), "--to", "'" + target + "' is not a side.",
                    "use managed-instance or sql-server");
        };
        FailoverOptions options = (mode.planned
                ? (to == InitialPrimary.SQL_SERVER ? FailoverOptions.plannedToSqlServer() : FailoverOptions.plannedToManagedInstance())
                        .workloadStopped(workloadStopped).lsnStableFor(Duration.ofSeconds(lsnStableSeconds))
                : FailoverOptions.forcedTo(to).allowDataLoss(allowDataLoss)).endLink(endLink);
        LinkPlan plan = link.plan(d -> d.planFailover(options));
        return preview.requested() ? preview.show(this, plan) : FailoverRun.execute(this, plan);
    }
}
