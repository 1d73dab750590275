package dev.milink.port;

import dev.milink.step.RunValue;
import dev.milink.step.RunValues;
import java.util.Objects;

/**
 * What applying a step did.
 *
 * @param changed whether anything was created or modified (false when it was already in place)
 * @param produced the run-time values the step produced (those of {@code Step.produces()} it could read)
 * @param detail a short human-readable note, never containing secrets
 */
public record StepResult(boolean changed, RunValues produced, String detail) {

    /**
     * Checks the components.
     *
     * @param changed whether anything was created or modified
     * @param produced the values the step produced
     * @param detail a note
     */
    public StepResult {
        Objects.requireNonNull(produced, "produced");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * @param detail a note
     * @return a result for a step that changed something
     */
    public static StepResult changed(String detail) {
        return new StepResult(true, RunValues.none(), detail);
    }

    /**
     * @param detail a note
     * @return a result for a step that found everything in place
     */
    public static StepResult unchanged(String detail) {
        return new StepResult(false, RunValues.none(), detail);
    }

    /**
     * @param key what the value is
     * @param value the value the step produced
     * @param <T> its type
     * @return a copy carrying it
     */
    public <T> StepResult withProduced(RunValue<T> key, T value) {
        return new StepResult(changed, produced.with(key, value), detail);
    }

    /**
     * @param note more to say
     * @return a copy whose detail ends with it
     */
    public StepResult withNote(String note) {
        return new StepResult(changed, produced, detail + "; " + note);
    }
}
