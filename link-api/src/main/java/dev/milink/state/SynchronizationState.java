package dev.milink.state;

import java.util.Locale;
import java.util.Objects;

/**
 * A database replica's {@code synchronization_state_desc} as SQL Server reports it. SQL Server owns the values, so
 * this is an open value type rather than an enum: a value milink does not list still reads, and compares by name.
 *
 * @param name the reported value, upper case (for example {@code SYNCHRONIZING})
 */
public record SynchronizationState(String name) {

    /** Log is flowing to the secondary (asynchronous commit, or catching up). */
    public static final SynchronizationState SYNCHRONIZING = new SynchronizationState("SYNCHRONIZING");
    /** The secondary has hardened everything (synchronous commit). */
    public static final SynchronizationState SYNCHRONIZED = new SynchronizationState("SYNCHRONIZED");
    /** Log is not flowing: seeding, suspended, or disconnected. */
    public static final SynchronizationState NOT_SYNCHRONIZING = new SynchronizationState("NOT SYNCHRONIZING");

    /**
     * Normalises the name.
     *
     * @param name the reported value
     */
    public SynchronizationState {
        name = Objects.requireNonNull(name, "name").trim().toUpperCase(Locale.ROOT);
    }

    /**
     * @param reported the value as reported, or null when the replica reports none
     * @return the state; {@link #NOT_SYNCHRONIZING} when none is reported
     */
    public static SynchronizationState of(String reported) {
        return reported == null ? NOT_SYNCHRONIZING : new SynchronizationState(reported);
    }

    /** @return whether log flows to the secondary: {@link #SYNCHRONIZING} or {@link #SYNCHRONIZED} */
    public boolean flowing() {
        return equals(SYNCHRONIZING) || equals(SYNCHRONIZED);
    }

    @Override
    public String toString() {
        return name;
    }
}
