package dev.milink.step;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable map from {@link RunValue} keys to their values. {@code toString()} names the keys only: no key
 * material reaches a log.
 */
public final class RunValues {

    private static final RunValues NONE = new RunValues(Map.of());

    private final Map<RunValue<?>, Object> values;

    private RunValues(Map<RunValue<?>, Object> values) {
        this.values = values;
    }

    /** @return no values */
    public static RunValues none() {
        return NONE;
    }

    /**
     * @param key what the value is
     * @param value the value
     * @param <T> its type
     * @return one value
     */
    public static <T> RunValues of(RunValue<T> key, T value) {
        return NONE.with(key, value);
    }

    /**
     * @param key what to read
     * @param <T> its type
     * @return the value, if held (a copy)
     */
    @SuppressWarnings("unchecked") // with(...) only stores a T under a RunValue<T>
    public <T> Optional<T> get(RunValue<T> key) {
        return Optional.ofNullable((T) values.get(key)).map(key::copy);
    }

    /**
     * @param key what the value is
     * @param value the value
     * @param <T> its type
     * @return a copy holding it (replacing any earlier one)
     */
    public <T> RunValues with(RunValue<T> key, T value) {
        Map<RunValue<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(Objects.requireNonNull(key, "key"), key.copy(value));
        return new RunValues(Map.copyOf(copy));
    }

    /**
     * @param other more values
     * @return a copy holding both, {@code other}'s winning where both hold a key
     */
    public RunValues plus(RunValues other) {
        Map<RunValue<?>, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(other.values);
        return new RunValues(Map.copyOf(copy));
    }

    /** @return the keys held */
    public Set<RunValue<?>> keys() {
        return values.keySet();
    }

    /** @return whether no value is held */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @return each value as one line of text, by name: what a journal stores */
    public Map<String, String> encoded() {
        Map<String, String> out = new LinkedHashMap<>();
        values.keySet().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(k -> out.put(k.name(), encode(k)));
        return out;
    }

    /**
     * @param encoded values as {@link #encoded()} wrote them; unknown names are ignored (a newer milink's journal)
     * @return the values
     */
    public static RunValues decoded(Map<String, String> encoded) {
        RunValues out = NONE;
        for (Map.Entry<String, String> e : encoded.entrySet()) {
            Optional<RunValue<?>> key = RunValue.named(e.getKey());
            if (key.isPresent()) {
                out = out.withDecoded(key.get(), e.getValue());
            }
        }
        return out;
    }

    private <T> RunValues withDecoded(RunValue<T> key, String text) {
        return with(key, key.decode(text));
    }

    @SuppressWarnings("unchecked")
    private <T> String encode(RunValue<T> key) {
        return key.encode((T) values.get(key));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunValues other && encoded().equals(other.encoded());
    }

    @Override
    public int hashCode() {
        return encoded().hashCode();
    }

    @Override
    public String toString() {
        return values.keySet().stream().map(RunValue::name).sorted().collect(Collectors.joining(", ", "RunValues[", "]"));
    }
}
