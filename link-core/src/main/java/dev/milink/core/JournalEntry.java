package dev.milink.core;

import dev.milink.step.StepId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step's record in a journal.
 *
 * @param step the step id
 * @param state where it stands
 * @param created whether this run created the step's object (so rollback may remove it)
 * @param attempts how many times it was applied
 * @param started when it last started
 * @param finished when it last finished
 * @param note a short human-readable note, never a secret
 */
public record JournalEntry(StepId step, StepState state, boolean created, int attempts, Optional<Instant> started,
        Optional<Instant> finished, String note) {

    /**
     * Checks the components.
     *
     * @param step the step id
     * @param state where it stands
     * @param created whether this run created the step's object (so rollback may remove it)
     * @param attempts how many times it was applied
     * @param started when it last started
     * @param finished when it last finished
     * @param note a short human-readable note, never a secret
     */
    public JournalEntry {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        note = note == null ? "" : note.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * @param step a step id
     * @return a pending entry
     */
    public static JournalEntry pending(StepId step) {
        return new JournalEntry(step, StepState.PENDING, false, 0, Optional.empty(), Optional.empty(), "");
    }

    /**
     * @param newState the new state
     * @param at when
     * @param newNote the note
     * @return a copy in the new state
     */
    public JournalEntry moveTo(StepState newState, Instant at, String newNote) {
        boolean starting = newState == StepState.RUNNING;
        return new JournalEntry(step, newState, created, starting ? attempts + 1 : attempts,
                starting ? Optional.of(at) : started, starting ? Optional.empty() : Optional.of(at), newNote);
    }

    /**
     * @param value whether this run created the object
     * @return a copy
     */
    public JournalEntry withCreated(boolean value) {
        return new JournalEntry(step, state, value, attempts, started, finished, note);
    }

    /** @return whether this run may have created the object: applied, or started from absent and not known to be done */
    public boolean mayHaveCreated() {
        return created || state == StepState.RUNNING || state == StepState.FAILED && attempts > 0;
    }
}
