package dev.milink.arm;

import java.util.ArrayList;
import java.util.List;

/**
 * A compact JSON object written in insertion order. Only what the request bodies need: string members, nested
 * objects and arrays of objects. The output is canonical (no whitespace, fixed key order), so a printed body and a
 * sent body can be compared as text.
 */
final class JsonText {

    private final List<String> members = new ArrayList<>();

    static JsonText object() {
        return new JsonText();
    }

    JsonText put(String key, String value) {
        members.add(quote(key) + ":" + quote(value));
        return this;
    }

    JsonText put(String key, JsonText value) {
        members.add(quote(key) + ":" + value);
        return this;
    }

    JsonText putArray(String key, List<JsonText> values) {
        members.add(quote(key) + ":[" + String.join(",", values.stream().map(JsonText::toString).toList()) + "]");
        return this;
    }

    @Override
    public String toString() {
        return "{" + String.join(",", members) + "}";
    }

    /** Escapes quotes, backslashes and control characters; everything else is written as is (UTF-8). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
