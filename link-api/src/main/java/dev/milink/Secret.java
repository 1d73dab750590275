package dev.milink;

import java.util.Objects;

/**
 * A secret value (master key password, connection password). Its {@code toString()} never shows the
 * value, so a secret that slips into a log line or an exception message stays hidden.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @param value the secret, not empty
     * @return the wrapped secret
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new LinkPlanningException("secret", "''", "a secret cannot be empty", "provide a value");
        }
        return new Secret(value);
    }

    /** @return the clear value; call only where it is sent to a server */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
