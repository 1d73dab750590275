package dev.milink.cli;

import dev.milink.LinkPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code milink failback}: a planned failover back to SQL Server (two-way DR, SQL Server 2022/2025). */
@Command(name = "failback", description = "Fail back to SQL Server after a failover to the Managed Instance "
        + "(two-way DR; SQL Server 2022/2025). Needs --workload-stopped.")
final class FailbackCommand extends LinkCommand {

    @Option(names = "--workload-stopped", description = "Confirm applications stopped writing to the Managed Instance.")
    boolean workloadStopped;

    @Mixin
    Preview preview;

    @Override
    protected int run() {
        LinkPlan plan = link.plan(d -> d.planFailback(workloadStopped));
        return preview.requested() ? preview.show(this, plan) : FailbackRun.execute(this, plan);
    }
}
