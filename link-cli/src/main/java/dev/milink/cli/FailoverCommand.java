package dev.milink.cli;

import dev.milink.FailoverType;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;

/** {@code milink failover}: fails the link over: --planned (no data loss, gated) or --forced --allow-data-loss (disaster recovery). */
@Command(name = "failover", description = "Fail over: --planned (no data loss; waits until both sides hold the same log) or --forced --allow-data-loss (disaster recovery).")
final class FailoverCommand extends LinkCommand {

    /** Exactly one of --planned and --forced. */
    static final class Mode {
        @Option(names = "--planned", required = true, description = "Planned failover: no data loss; the workload must be stopped.")
        boolean planned;

        @Option(names = "--forced", required = true, description = "Forced failover: the secondary becomes primary now.")
        boolean forced;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--allow-data-loss", description = "Acknowledge that a forced failover loses what the secondary has not received.")
    boolean allowDataLoss;

    @Override
    protected int run() {
        if (mode.planned && allowDataLoss) {
            throw new OptionException(spec.commandLine(), "--allow-data-loss", "applies to --forced only.",
                    "drop --allow-data-loss; a planned failover never loses data");
        }
        dev.milink.LinkSpec linkSpec = link.definition().spec();
        if (mode.forced && !allowDataLoss) {
            throw new dev.milink.LinkException(dev.milink.LinkErrorCode.GATE_REFUSED,
                    "Refused: a forced failover loses every transaction the secondary has not received.",
                    "try 'milink failover --planned' first; for disaster recovery add --allow-data-loss");
        }
        return FailoverRun.execute(this, linkSpec, mode.planned ? FailoverType.PLANNED : FailoverType.FORCED_ALLOW_DATA_LOSS);
    }
}
