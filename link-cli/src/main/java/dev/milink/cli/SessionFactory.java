package dev.milink.cli;

/**
 * Opens the {@link Sessions} of a command run. {@link #LIVE} reaches real servers; tests replace it to point the
 * commands at simulators.
 */
@FunctionalInterface
public interface SessionFactory {

    /** Real SQL Server over mssql-jdbc and real Azure Resource Manager with DefaultAzureCredential. */
    SessionFactory LIVE = LiveSessions::new;

    /**
     * @param options the command's connection options
     * @param environment variables and prompts
     * @return the sessions; nothing is connected until first use
     */
    Sessions open(ConnectionOptions options, CliEnvironment environment);
}
