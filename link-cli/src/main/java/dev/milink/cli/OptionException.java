package dev.milink.cli;

import picocli.CommandLine;

/**
 * A usage error tied to one option: names the option, what is wrong and how to fix it. Exit code 2.
 */
public final class OptionException extends CommandLine.ParameterException {

    private static final long serialVersionUID = 1L;

    /** The option at fault, serialized with the exception. */
    private final String option;
    /** How to fix it, serialized with the exception. */
    private final String fix;

    /**
     * @param commandLine the command being run
     * @param option the option, for example {@code --endpoint}
     * @param problem what is wrong (never containing a secret)
     * @param fix what to do instead
     */
    public OptionException(CommandLine commandLine, String option, String problem, String fix) {
        super(commandLine, (option.isEmpty() ? "" : option + ": ") + problem
                + (fix == null || fix.isBlank() ? "" : " Fix: " + fix));
        this.option = option;
        this.fix = fix == null ? "" : fix;
    }

    /** @return the option at fault; empty when the fault is a combination of options */
    public String option() {
        return option;
    }

    /** @return how to fix it */
    public String fix() {
        return fix;
    }
}
