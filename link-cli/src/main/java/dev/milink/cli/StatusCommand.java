package dev.milink.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Command;

/** {@code milink status}: shows the link's health: roles, synchronization, lag, certificate expiry. */
@Command(name = "status", description = "Show the link: roles, replica and synchronization state, lag, LSNs, certificate expiry.")
final class StatusCommand extends LinkCommand {

    @Option(names = "--watch", paramLabel = "SECONDS", description = "Refresh every SECONDS until interrupted.")
    Integer watchSeconds;

    @Override
    protected int run() {
        if (watchSeconds != null && watchSeconds < 1) {
            throw new OptionException(spec.commandLine(), "--watch", watchSeconds + " is not a positive interval.",
                    "use --watch 5 or more");
        }
        return StatusRun.execute(this, link.definition().spec());
    }
}
