package dev.milink.testkit.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that an actual JSON value has the shape of an expected one: every property of the expected value is
 * present with the same JSON type (string, integer, number, boolean, object, array), recursively. Extra
 * properties in the actual value are allowed; values are not compared. Array elements are compared by position,
 * and an expected element without an actual counterpart is reported.
 */
final class ShapeComparator {

    private ShapeComparator() {
    }

    static List<String> mismatches(Object expected, Object actual) {
        List<String> problems = new ArrayList<>();
        compare("$", expected, actual, problems);
        return problems;
    }

    private static void compare(String path, Object expected, Object actual, List<String> problems) {
        if (expected == null) {
            return;
        }
        if (actual == null) {
            problems.add(path + ": missing, expected " + type(expected));
            return;
        }
        if (!type(expected).equals(type(actual))) {
            problems.add(path + ": expected " + type(expected) + " but was " + type(actual));
            return;
        }
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            e.forEach((key, value) -> compare(path + "." + key, value, a.get(key), problems));
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            for (int i = 0; i < e.size(); i++) {
                compare(path + "[" + i + "]", e.get(i), i < a.size() ? a.get(i) : null, problems);
            }
        }
    }

    private static String type(Object value) {
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return "integer";
        }
        if (value instanceof Number) {
            return "number";
        }
        return value.getClass().getSimpleName();
    }
}
