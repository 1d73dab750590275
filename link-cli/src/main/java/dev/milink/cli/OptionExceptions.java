package dev.milink.cli;

import dev.milink.LinkException;
import dev.milink.LinkPlanningException;
import picocli.CommandLine;

/** Turns planning errors from link-api into usage errors that name the command-line option. */
final class OptionExceptions {

    /** Marks a call whose errors are mapped from the exception's field rather than a fixed option. */
    static final String NO_OPTION = new String("");

    private static final java.util.Map<String, String> FIELDS = java.util.Map.ofEntries(
            java.util.Map.entry("database", "--database"),
            java.util.Map.entry("sqlServer.serverName", "--sql-server"),
            java.util.Map.entry("endpoint", "--endpoint"),
            java.util.Map.entry("managedInstance", "--managed-instance"),
            java.util.Map.entry("managedInstance.fqdn", "--mi-fqdn"),
            java.util.Map.entry("managedInstance.name", "--managed-instance"),
            java.util.Map.entry("managedInstance.resourceGroup", "--managed-instance"),
            java.util.Map.entry("managedInstance.subscriptionId", "--managed-instance"),
            java.util.Map.entry("sqlServerVersion", "--sql-server-version"),
            java.util.Map.entry("linkName", "--link-name"),
            java.util.Map.entry("sqlServerAvailabilityGroup", "--sql-ag"),
            java.util.Map.entry("managedInstanceAvailabilityGroup", "--mi-ag"),
            java.util.Map.entry("endpointName", "--endpoint-name"),
            java.util.Map.entry("certificateName", "--certificate-name"),
            java.util.Map.entry("firstLogBackupPath", "--first-log-backup"));

    private OptionExceptions() {
    }

    /**
     * @param field a link-api field name from {@link LinkPlanningException#field()}
     * @return the command-line option for it, or an empty string
     */
    static String optionFor(String field) {
        return FIELDS.getOrDefault(field, "");
    }

    /**
     * @param commandLine the command
     * @param option the option the value came from
     * @param e the planning error
     * @return the usage error
     */
    static OptionException of(CommandLine commandLine, String option, LinkPlanningException e) {
        return new OptionException(commandLine, option, problem(e), cliFix(e.fix()));
    }

    /**
     * @param fix a fix written for the Java API
     * @return the same advice in terms of command-line options
     */
    static String cliFix(String fix) {
        return fix.replaceAll("\\S+\\([^)]*\\) \\(CLI: ([^)]+)\\)", "$1")
                .replace(".twoWayDR(false)", "--two-way-dr=false")
                .replace(".database(\"name\")", "--database NAME")
                .replace(".database(...)", "--database");
    }

    /**
     * @param e a link error
     * @return its message without the appended fix
     */
    static String problem(LinkException e) {
        String message = String.valueOf(e.getMessage());
        String suffix = " Fix: " + e.fix();
        return !e.fix().isBlank() && message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length())
                : message;
    }
}
