package dev.milink;

import java.util.Objects;
import java.util.function.Function;

/**
 * Supplies the secrets a run needs, asked for only when a step needs one. Plans never hold secrets;
 * rendered scripts refer to them as SQLCMD variables such as {@code $(MasterKeyPassword)}.
 */
@FunctionalInterface
public interface SecretSource {

    /** The name under which the database master key password is asked for. */
    String MASTER_KEY_PASSWORD = "MasterKeyPassword";

    /**
     * @param name the secret's name, for example {@link #MASTER_KEY_PASSWORD}
     * @return the secret
     * @throws LinkException with {@link LinkErrorCode#INVALID_INPUT} when it is not available
     */
    Secret secret(String name);

    /**
     * Secrets from environment variables: {@code MasterKeyPassword} is read from {@code MILINK_MASTER_KEY_PASSWORD}.
     *
     * @return the source
     */
    static SecretSource environment() {
        return fromLookup(System::getenv);
    }

    /**
     * @param lookup maps an environment-style variable name to a value or null
     * @return a source that reads {@code MILINK_<UPPER_SNAKE_NAME>}
     */
    static SecretSource fromLookup(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return name -> {
            String variable = "MILINK_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
            String value = lookup.apply(variable);
            if (value == null || value.isEmpty()) {
                throw new LinkException(LinkErrorCode.INVALID_INPUT, "The secret " + name + " is not set.",
                        "set the environment variable " + variable + " (it is never logged)");
            }
            return Secret.of(value);
        };
    }

    /**
     * @param masterKeyPassword the database master key password
     * @return a source holding just that secret
     */
    static SecretSource ofMasterKeyPassword(Secret masterKeyPassword) {
        Objects.requireNonNull(masterKeyPassword, "masterKeyPassword");
        return name -> {
            if (!MASTER_KEY_PASSWORD.equals(name)) {
                throw new LinkException(LinkErrorCode.INVALID_INPUT, "No secret named " + name + " was given.",
                        "pass a SecretSource that supplies it");
            }
            return masterKeyPassword;
        };
    }
}
