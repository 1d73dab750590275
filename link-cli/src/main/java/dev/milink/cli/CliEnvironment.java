package dev.milink.cli;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.Secret;
import java.io.Console;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the CLI reads from its surroundings: environment variables, and an interactive console for password
 * prompts. Injectable so tests can supply fake secrets without touching the real environment.
 */
public final class CliEnvironment {

    /** The variable holding the SQL Server login's password. */
    public static final String SQL_PASSWORD = "MILINK_SQL_PASSWORD";
    /** The variable holding the database master key password. */
    public static final String MASTER_KEY_PASSWORD = "MILINK_MASTER_KEY_PASSWORD";

    /** Reads a password without echo; returns null when no one can be asked. */
    @FunctionalInterface
    public interface PasswordPrompt {
        /**
         * @param prompt the text shown before reading
         * @return the characters typed, or null when there is no interactive console
         */
        char[] read(String prompt);
    }

    private final Function<String, String> variables;
    private final PasswordPrompt prompt;
    private final boolean terminal;

    /**
     * @param variables environment lookup
     * @param prompt password prompt
     * @param terminal whether stdout is an interactive terminal (progress bars instead of lines)
     */
    public CliEnvironment(Function<String, String> variables, PasswordPrompt prompt, boolean terminal) {
        this.variables = Objects.requireNonNull(variables, "variables");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.terminal = terminal;
    }

    /** @return the process environment and {@link System#console()} */
    public static CliEnvironment system() {
        Console console = System.console();
        return new CliEnvironment(System::getenv, text -> {
            Console c = System.console();
            return c == null ? null : c.readPassword("%s", text);
        }, console != null);
    }

    /**
     * For tests: fixed variables, no console.
     *
     * @param variables the environment
     * @return an environment that never prompts
     */
    public static CliEnvironment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return new CliEnvironment(copy::get, text -> null, false);
    }

    /**
     * @param name a variable name
     * @return its value when set and not empty
     */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.apply(name)).filter(v -> !v.isEmpty());
    }

    /** @return the raw lookup, for {@code SecretSource.fromLookup} */
    public Function<String, String> lookup() {
        return variables;
    }

    /** @return whether stdout is an interactive terminal */
    public boolean terminal() {
        return terminal;
    }

    /**
     * A secret from an environment variable, else from an interactive prompt.
     *
     * @param variable the environment variable
     * @param what what the secret is, for the prompt and the error
     * @return the secret
     * @throws LinkException when the variable is unset and there is no console to ask
     */
    public Secret secret(String variable, String what) {
        Optional<String> value = variable(variable);
        if (value.isPresent()) {
            return Secret.of(value.get());
        }
        char[] typed = prompt.read(what + ": ");
        if (typed == null || typed.length == 0) {
            throw new LinkException(LinkErrorCode.INVALID_INPUT, "No " + what + " was given.",
                    "set the environment variable " + variable + " or run milink in an interactive terminal "
                            + "to be asked (passwords are never accepted as flags)");
        }
        String text = new String(typed);
        java.util.Arrays.fill(typed, '\0');
        return Secret.of(text);
    }
}
