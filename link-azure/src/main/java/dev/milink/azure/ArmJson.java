package dev.milink.azure;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Small JSON and encoding helpers over azure-json's untyped reader and writer: ARM bodies are read into
 * maps and lists, so unknown or newer properties never break parsing.
 */
final class ArmJson {

    private ArmJson() {
    }

    /**
     * @param text a JSON document, possibly empty
     * @return the document as maps, lists, strings, numbers and booleans; null for an empty text
     */
    static Object parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = JsonProviders.createReader(text)) {
            reader.nextToken();
            return reader.readUntyped();
        } catch (IOException | IllegalStateException e) {
            throw new ArmFailure(0, "InvalidResponseBody", "ARM answered with a body that is not JSON ("
                    + e.getMessage() + ")", e);
        }
    }

    /** @return the document as an object; an empty map for an empty or non-object document */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        Object value = parse(text);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** @return the child object, or an empty map */
    static Map<String, Object> child(Map<String, Object> parent, String name) {
        return asObject(parent == null ? null : parent.get(name));
    }

    /** @return the value as an object, or an empty map when it is not one */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** @return the child array, or an empty list */
    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String name) {
        Object value = parent == null ? null : parent.get(name);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** @return the value as text, or null when absent */
    static String string(Map<String, Object> parent, String name) {
        Object value = parent == null ? null : parent.get(name);
        return value == null ? null : value.toString();
    }

    /** @return a whole number; ARM sends some as JSON numbers and some as strings */
    static Optional<Long> whole(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        if (value instanceof Number n) {
            return Optional.of(n.longValue());
        }
        String text = value == null ? "" : value.toString().trim();
        return text.matches("-?\\d+") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    /** @return a log sequence number: ARM sends LSNs as decimal strings such as {@code 71000009408100001} */
    static Optional<BigInteger> lsn(Map<String, Object> parent, String name) {
        String text = string(parent, name);
        return text != null && text.trim().matches("\\d+") ? Optional.of(new BigInteger(text.trim())) : Optional.empty();
    }

    /** @return an ISO-8601 time; an unparsable value is treated as absent rather than failing the whole read */
    static Optional<Instant> time(Map<String, Object> parent, String name) {
        String text = string(parent, name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text.trim()));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /** @return the value written as JSON (maps keep their insertion order) */
    static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = JsonProviders.createWriter(out)) {
            writer.writeUntyped(value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toString();
    }

    /** @return upper-case hex without a {@code 0x} prefix, the form of the ARM spec examples */
    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /**
     * @param blob hex, with or without {@code 0x} (ARM returns both forms depending on who uploaded it)
     * @return the bytes
     */
    static byte[] fromHex(String blob) {
        String hex = blob == null ? "" : blob.trim();
        if (hex.toLowerCase(Locale.ROOT).startsWith("0x")) {
            hex = hex.substring(2);
        }
        if (hex.isEmpty()) {
            throw new ArmFailure(0, "InvalidResponseBody", "ARM returned an empty publicBlob", null);
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new ArmFailure(0, "InvalidResponseBody", "ARM returned a publicBlob that is not hexadecimal", e);
        }
    }
}
