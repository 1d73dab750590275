package dev.milink.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code milink status}: shows the link's health: roles, synchronization, lag, certificate expiry. */
@Command(name = "status", description = "Show the link: roles, replica and synchronization state, seeding, LSNs on both "
        + "sides, queues, lag, certificate expiry, last error. Exit 0 when every link is healthy or seeding, 1 otherwise.")
final class StatusCommand extends LinkCommand {

    @Option(names = "--watch", paramLabel = "SECONDS", description = "Refresh every SECONDS until interrupted (Ctrl-C).")
    Integer watchSeconds;

    @Option(names = "--watch-count", hidden = true, defaultValue = "0",
            description = "Stop after this many refreshes (0: until interrupted).")
    long watchCount;

    @Override
    protected int run() {
        if (watchSeconds != null && watchSeconds < 1) {
            throw new OptionException(spec.commandLine(), "--watch", watchSeconds + " is not a positive interval.",
                    "use --watch 5 or more");
        }
        return StatusRun.execute(this, link.definition().spec());
    }
}
