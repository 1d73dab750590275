package dev.milink.cli;


import picocli.CommandLine.Command;

/** {@code milink failback}: makes SQL Server the primary again after a failover to the Managed Instance (two-way DR, SQL Server 2022/2025). */
@Command(name = "failback", description = "Fail back to SQL Server after a failover to the Managed Instance (two-way DR; SQL Server 2022/2025).")
final class FailbackCommand extends LinkCommand {

    @Override
    protected int run() {
        return FailbackRun.execute(this, link.definition().spec());
    }
}
