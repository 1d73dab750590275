package dev.milink.cli;

import picocli.CommandLine.Option;

/** Output options every subcommand has. */
public final class OutputOptions {

    @Option(names = "--json", description = "Write one JSON document to stdout (progress and logs go to stderr).")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Log at INFO level and show stack traces of errors.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    /** @return whether JSON output was asked for */
    public boolean json() {
        return json;
    }

    /** @return whether verbose output was asked for */
    public boolean verbose() {
        return verbose;
    }
}
