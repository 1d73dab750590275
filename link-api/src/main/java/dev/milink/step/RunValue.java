package dev.milink.step;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A typed key for a value a step needs or produces that is learned only while running. Steps declare them
 * ({@code Step.needs()}, {@code Step.produces()}); the runner fills needs from earlier steps' products or from one
 * read of a port per run, and harvests what each step produces. A value's {@link #name()} is also how scripts
 * refer to it (the SQLCMD variable or the result column). No value is a secret.
 *
 * @param <T> the value's type
 */
public final class RunValue<T> {

    /** The Managed Instance's fully qualified domain name, from the plan, the journal or one ARM read. */
    public static final RunValue<String> MANAGED_INSTANCE_FQDN =
            new RunValue<>("ManagedInstanceFqdn", String.class, false, s -> s, s -> s, s -> s);

    /** The Managed Instance's endpoint certificate (DER), from one ARM read. */
    public static final RunValue<byte[]> MANAGED_INSTANCE_CERTIFICATE =
            new RunValue<>("ManagedInstanceCertificate", byte[].class, false, byte[]::clone, RunValue::hex, RunValue::unhex);

    /** SQL Server's endpoint certificate public key (DER), produced by the endpoint certificate step. */
    public static final RunValue<byte[]> SQL_SERVER_CERTIFICATE =
            new RunValue<>("SQLServerPublicKey", byte[].class, false, byte[]::clone, RunValue::hex, RunValue::unhex);

    /** The Azure root certificates a run imported (those absent before it): what a rollback may drop. */
    public static final RunValue<List<String>> CREATED_ROOT_CERTIFICATES =
            new RunValue<>("CreatedRootCertificates", List.class, true, List::copyOf, l -> String.join(",", l),
                    s -> Arrays.stream(s.split(",")).filter(n -> !n.isBlank()).toList());

    private static final List<RunValue<?>> ALL = List.of(MANAGED_INSTANCE_FQDN, MANAGED_INSTANCE_CERTIFICATE,
            SQL_SERVER_CERTIFICATE, CREATED_ROOT_CERTIFICATES);

    private final String name;
    private final Class<?> type;
    private final boolean durable;
    private final UnaryOperator<T> copy;
    private final Function<T, String> encode;
    private final Function<String, T> decode;

    private RunValue(String name, Class<?> type, boolean durable, UnaryOperator<T> copy, Function<T, String> encode,
            Function<String, T> decode) {
        this.name = name;
        this.type = type;
        this.durable = durable;
        this.copy = copy;
        this.encode = encode;
        this.decode = decode;
    }

    /** @return the name scripts and journals use for the value */
    public String name() {
        return name;
    }

    /**
     * @return whether the journal keeps the value with the step that produced it: true for what a later run (a
     *     rollback) needs and cannot observe again; false for values re-read cheaply in every run
     */
    public boolean durable() {
        return durable;
    }

    /**
     * @param name a value's name
     * @return the value of that name, if milink knows it
     */
    public static Optional<RunValue<?>> named(String name) {
        return ALL.stream().filter(v -> v.name.equals(name)).findFirst();
    }

    /** @return every kind of run-time value */
    public static List<RunValue<?>> all() {
        return ALL;
    }

    /**
     * Reads a value an adapter received untyped, such as a result column.
     *
     * @param raw the value as received
     * @return it as this kind's type; empty when it is not of that type
     */
    @SuppressWarnings("unchecked") // checked by type.isInstance; List values are copied and read as List<String>
    public Optional<T> cast(Object raw) {
        return type.isInstance(raw) ? Optional.of(copy((T) raw)) : Optional.empty();
    }

    /**
     * @param value a value
     * @return a defensive copy (arrays are mutable)
     */
    T copy(T value) {
        return copy.apply(Objects.requireNonNull(value, name));
    }

    /**
     * @param value a value of this kind
     * @return it as one line of text, for a journal
     */
    public String encode(T value) {
        return encode.apply(value);
    }

    /**
     * @param text a value as {@link #encode} wrote it
     * @return the value
     */
    public T decode(String text) {
        return decode.apply(text);
    }

    @Override
    public String toString() {
        return name;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static byte[] unhex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
