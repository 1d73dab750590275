package dev.milink.testkit.arm;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** JSON in and out through azure-json's untyped model (maps, lists, strings, numbers, booleans). */
final class Json {

    private Json() {
    }

    /**
     * Parses a request body.
     *
     * @return the parsed value, or {@code null} for an empty body
     * @throws ArmError 400 {@code InvalidRequestContent} if the body is not JSON, as ARM answers
     */
    static Object parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try (JsonReader reader = JsonProviders.createReader(body)) {
            if (reader.nextToken() == null) {
                return null;
            }
            return reader.readUntyped();
        } catch (IOException | IllegalStateException e) {
            throw new ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: "
                    + e.getMessage());
        }
    }

    static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = JsonProviders.createWriter(out)) {
            writer.writeUntyped(value);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render simulator JSON", e);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new ArmError(400, "InvalidRequestContent", what + " must be a JSON object");
    }

    /** A child object, or {@code null} when absent. */
    static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value == null ? null : object(value, key);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof List) {
            return (List<Object>) value;
        }
        throw new ArmError(400, "InvalidRequestContent", key + " must be a JSON array");
    }

    static String string(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new ArmError(400, "InvalidRequestContent", key + " must be a JSON string");
    }
}
