package dev.milink.azure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an ARM request against the Microsoft.Sql OpenAPI (swagger 2.0) documents in {@code arm-spec/}: an
 * operation with the request's method, path template and api-version exists; path parameters fit their patterns;
 * the body has every required property, no property the schema lacks, no read-only property, and values of the
 * declared type and enum (exact case, as ARM compares). A small walker rather than a full validator: it knows the
 * subset of JSON Schema these documents use ({@code $ref}, {@code allOf}, {@code properties}, {@code required},
 * {@code type}, {@code enum}, {@code items}, {@code readOnly}).
 */
final class SpecValidator {

    /** The one external definition the bodies use: common/v1 ProxyResource, whose properties are all read-only. */
    private static final Map<String, Object> PROXY_RESOURCE = Map.of("type", "object", "properties", Map.of(
            "id", Map.of("type", "string", "readOnly", true), "name", Map.of("type", "string", "readOnly", true),
            "type", Map.of("type", "string", "readOnly", true)));

    /** A matched operation. */
    record Match(String operationId, String apiVersion, String file) {
    }

    /** The outcome for one request: the operation, or null, and what is wrong. */
    record Result(Match match, List<String> violations) {
    }

    private record Document(String file, Map<String, Object> json) {
        String version() {
            return ArmJson.string(ArmJson.child(json, "info"), "version");
        }
    }

    private final List<Document> documents = new ArrayList<>();

    /** @param resources class-path resources, for example {@code /arm-spec/stable/2021-11-01/ServerTrustCertificates.json} */
    SpecValidator(String... resources) {
        for (String resource : resources) {
            try (InputStream in = SpecValidator.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no spec document " + resource);
                }
                documents.add(new Document(resource, ArmJson.object(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Result validate(String method, String path, String apiVersion, String body) {
        List<String> violations = new ArrayList<>();
        for (Document doc : documents) {
            if (!doc.version().equals(apiVersion)) {
                continue;
            }
            for (Map.Entry<String, Object> entry : ArmJson.child(doc.json(), "paths").entrySet()) {
                Map<String, String> parameters = match(entry.getKey(), path);
                Map<String, Object> operation = ArmJson.child(ArmJson.asObject(entry.getValue()), method.toLowerCase(Locale.ROOT));
                if (parameters == null || operation.isEmpty()) {
                    continue;
                }
                checkParameters(doc, operation, parameters, body, violations);
                return new Result(new Match(ArmJson.string(operation, "operationId"), apiVersion, doc.file()), violations);
            }
        }
        violations.add("no operation " + method + " " + path + " at api-version " + apiVersion);
        return new Result(null, violations);
    }

    /** @return the path parameters, or null when the template does not match (literals compare case-insensitively) */
    private static Map<String, String> match(String template, String path) {
        String[] t = template.substring(1).split("/");
        String[] p = path.startsWith("/") ? path.substring(1).split("/") : path.split("/");
        if (t.length != p.length) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return null;
                }
                values.put(t[i].substring(1, t[i].length() - 1), p[i]);
            } else if (!t[i].equalsIgnoreCase(p[i])) {
                return null;
            }
        }
        return values;
    }

    private void checkParameters(Document doc, Map<String, Object> operation, Map<String, String> pathValues, String body,
            List<String> violations) {
        for (Object item : ArmJson.list(operation, "parameters")) {
            Map<String, Object> parameter = ArmJson.asObject(item);
            if (ArmJson.string(parameter, "$ref") != null) {
                String ref = ArmJson.string(parameter, "$ref");
                if (!ref.startsWith("#/")) {
                    continue; // common/v1 subscription, group and api-version parameters: fitted by the match itself
                }
                parameter = resolve(doc, ref);
            }
            String in = ArmJson.string(parameter, "in");
            String name = ArmJson.string(parameter, "name");
            if ("path".equals(in)) {
                String pattern = ArmJson.string(parameter, "pattern");
                String value = pathValues.get(name);
                if (pattern != null && value != null && !java.util.regex.Pattern.compile(pattern).matcher(value).find()) {
                    violations.add("path parameter " + name + " '" + value + "' does not match " + pattern);
                }
            } else if ("body".equals(in)) {
                boolean required = Boolean.TRUE.equals(parameter.get("required"));
                if (body == null || body.isBlank()) {
                    if (required) {
                        violations.add("the body (" + name + ") is required");
                    }
                } else {
                    walk(doc, ArmJson.parse(body), ArmJson.child(parameter, "schema"), "$", violations);
                }
            }
        }
        if ((body != null && !body.isBlank()) && ArmJson.list(operation, "parameters").stream()
                .map(ArmJson::asObject).noneMatch(p -> "body".equals(ArmJson.string(p, "in")))) {
            violations.add("a body was sent to an operation that takes none");
        }
    }

    private void walk(Document doc, Object value, Map<String, Object> declared, String where, List<String> violations) {
        if (Boolean.TRUE.equals(declared.get("readOnly"))) {
            violations.add(where + " is read-only and must not be sent");
            return;
        }
        Map<String, Object> schema = declared;
        while (ArmJson.string(schema, "$ref") != null) {
            schema = resolve(doc, ArmJson.string(schema, "$ref"));
        }
        if (Boolean.TRUE.equals(schema.get("readOnly"))) {
            violations.add(where + " is read-only and must not be sent");
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<Object> required = new ArrayList<>(ArmJson.list(schema, "required"));
        for (Object part : ArmJson.list(schema, "allOf")) {
            Map<String, Object> base = ArmJson.asObject(part);
            base = ArmJson.string(base, "$ref") == null ? base : resolve(doc, ArmJson.string(base, "$ref"));
            properties.putAll(ArmJson.child(base, "properties"));
            required.addAll(ArmJson.list(base, "required"));
        }
        properties.putAll(ArmJson.child(schema, "properties"));
        String type = ArmJson.string(schema, "type");
        if (type == null && !properties.isEmpty()) {
            type = "object";
        }
        if (!typeFits(type, value)) {
            violations.add(where + " should be " + type + " but is " + (value == null ? "null" : value.getClass().getSimpleName()));
            return;
        }
        List<Object> allowed = ArmJson.list(schema, "enum");
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            violations.add(where + " '" + value + "' is not one of " + allowed + " (exact case)");
        }
        if (value instanceof Map<?, ?> object) {
            for (Object name : required) {
                if (!object.containsKey(name)) {
                    violations.add(where + "." + name + " is required");
                }
            }
            for (Map.Entry<?, ?> property : object.entrySet()) {
                Object propertySchema = properties.get(String.valueOf(property.getKey()));
                if (propertySchema == null) {
                    violations.add(where + "." + property.getKey() + " is not in the schema");
                } else {
                    walk(doc, property.getValue(), ArmJson.asObject(propertySchema), where + "." + property.getKey(), violations);
                }
            }
        } else if (value instanceof List<?> array) {
            for (int i = 0; i < array.size(); i++) {
                walk(doc, array.get(i), ArmJson.child(schema, "items"), where + "[" + i + "]", violations);
            }
        }
    }

    private static boolean typeFits(String type, Object value) {
        if (type == null) {
            return true;
        }
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            default -> false;
        };
    }

    private static Map<String, Object> resolve(Document doc, String ref) {
        if (ref.endsWith("common/v1/types.json#/definitions/ProxyResource")) {
            return PROXY_RESOURCE;
        }
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException(doc.file() + ": cannot resolve " + ref + " (only local refs and ProxyResource)");
        }
        Map<String, Object> node = doc.json();
        for (String part : ref.substring(2).split("/")) {
            node = ArmJson.child(node, part);
        }
        if (node.isEmpty()) {
            throw new IllegalStateException(doc.file() + ": " + ref + " resolves to nothing");
        }
        return node;
    }
}
