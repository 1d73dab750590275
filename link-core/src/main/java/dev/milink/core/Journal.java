package dev.milink.core;

import dev.milink.DatabaseLink;
import dev.milink.LinkPlan;
import dev.milink.PlanKind;
import dev.milink.step.RunValue;
import dev.milink.step.RunValues;
import dev.milink.step.Step;
import dev.milink.step.StepId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A run's durable record: the plan hash and kind, facts learned (the Managed Instance FQDN), and every step's
 * state. Immutable; the {@code with...} methods return copies. Holds no secrets.
 *
 * @param key the link set: Managed Instance resource id plus link names
 * @param planHash the plan's hash
 * @param kind the plan's kind
 * @param createdAt when the journal was started
 * @param updatedAt when it last changed
 * @param facts learned values, for example {@code managed-instance-fqdn}; never secrets
 * @param entries one entry per step, in plan order
 */
public record Journal(String key, String planHash, PlanKind kind, Instant createdAt, Instant updatedAt,
        Map<String, String> facts, List<JournalEntry> entries) {

    /** The fact key of a run's outcome; {@value #ROLLED_BACK} after a rollback. */
    public static final String OUTCOME = "outcome";
    /** The outcome value after a rollback. */
    public static final String ROLLED_BACK = "rolled-back";
    /** The fact key of the Managed Instance's FQDN. */
    public static final String FQDN = "managed-instance-fqdn";
    /** The fact key prefix of a value a step produced: {@code produced <step id> <value name>}. */
    private static final String PRODUCED = "produced ";

    /**
     * Checks the components.
     *
     * @param key the link set: Managed Instance resource id plus link names
     * @param planHash the plan's hash
     * @param kind the plan's kind
     * @param createdAt when the journal was started
     * @param updatedAt when it last changed
     * @param facts learned values, for example {@code managed-instance-fqdn}; never secrets
     * @param entries one entry per step, in plan order
     */
    public Journal {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(planHash, "planHash");
        Objects.requireNonNull(kind, "kind");
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        entries = List.copyOf(entries);
    }

    /**
     * @param plan a plan
     * @return the journal key of its link set: the instance's resource id and the link names (and, for a rollback
     *     plan, that it is one)
     */
    public static String keyOf(LinkPlan plan) {
        String links = plan.spec().managedInstance().resourceId() + " links "
                + plan.spec().links().stream().map(DatabaseLink::linkName).sorted().collect(Collectors.joining(","));
        // A rollback keeps its own journal beside the one it undoes, which it reads and closes.
        return plan.kind() == PlanKind.ROLLBACK ? links + " rollback" : links;
    }

    /**
     * @param plan a plan
     * @param now the time
     * @return a new journal with every step pending
     */
    public static Journal start(LinkPlan plan, Instant now) {
        List<JournalEntry> entries = plan.steps().stream().map(Step::id).map(JournalEntry::pending).toList();
        return new Journal(keyOf(plan), plan.hash(), plan.kind(), now, now, Map.of(), entries);
    }

    /**
     * @param step a step id
     * @return its entry
     */
    public Optional<JournalEntry> entry(StepId step) {
        return entries.stream().filter(e -> e.step().equals(step)).findFirst();
    }

    /** @return whether every step is done, or the run was rolled back */
    public boolean complete() {
        return ROLLED_BACK.equals(facts.get(OUTCOME)) || entries.stream().allMatch(e -> e.state() == StepState.DONE);
    }

    /**
     * @param entry a changed entry
     * @param now the time
     * @return a copy holding it
     */
    public Journal with(JournalEntry entry, Instant now) {
        List<JournalEntry> copy = new ArrayList<>(entries);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).step().equals(entry.step())) {
                copy.set(i, entry);
                return new Journal(key, planHash, kind, createdAt, now, facts, copy);
            }
        }
        throw new IllegalArgumentException("no step " + entry.step() + " in the journal");
    }

    /**
     * @param step a step id
     * @return the durable values that step produced, as journaled with it (for example the roots a run imported)
     */
    public RunValues produced(StepId step) {
        String prefix = PRODUCED + step.value() + " ";
        Map<String, String> encoded = new LinkedHashMap<>();
        facts.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                encoded.put(name.substring(prefix.length()), value);
            }
        });
        return RunValues.decoded(encoded);
    }

    /**
     * @param step a step id
     * @param values what it produced; only durable values are kept
     * @param now the time
     * @return a copy holding them with the step
     */
    public Journal withProduced(StepId step, RunValues values, Instant now) {
        Map<String, String> copy = new LinkedHashMap<>(facts);
        values.encoded().forEach((name, value) -> {
            if (RunValue.named(name).filter(RunValue::durable).isPresent()) {
                copy.put(PRODUCED + step.value() + " " + name, value);
            }
        });
        return new Journal(key, planHash, kind, createdAt, now, copy, entries);
    }

    /**
     * @param name the fact
     * @param value its value (never a secret)
     * @param now the time
     * @return a copy holding it
     */
    public Journal withFact(String name, String value, Instant now) {
        Map<String, String> copy = new LinkedHashMap<>(facts);
        copy.put(name, value);
        return new Journal(key, planHash, kind, createdAt, now, copy, entries);
    }
}
