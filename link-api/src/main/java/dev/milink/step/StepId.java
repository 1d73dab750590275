package dev.milink.step;

import java.util.Objects;

/**
 * A step's stable identity within a plan, for example {@code sql.availability-group[SalesDb]}. The same
 * definition always yields the same ids, so a journal written by one process can be resumed by another.
 *
 * @param value the id text
 */
public record StepId(String value) {

    /**
     * Checks the components.
     *
     * @param value the id text
     */
    public StepId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a step id must not be blank");
        }
    }

    /**
     * @param kind the step kind, for example {@code sql.availability-group}
     * @param qualifier what it applies to (a database or link name); empty for shared steps
     * @return the id
     */
    public static StepId of(String kind, String qualifier) {
        return new StepId(qualifier == null || qualifier.isEmpty() ? kind : kind + "[" + qualifier + "]");
    }

    @Override
    public String toString() {
        return value;
    }
}
