package dev.milink.testkit.arm;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as the simulator sees it, independent of the transport that carried it.
 *
 * @param method upper-case HTTP method
 * @param uri absolute request URI (its scheme and authority are used to build polling URLs)
 * @param headers request headers; lookups are case-insensitive
 * @param body request body, empty when none
 */
public record ArmRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    /**
     * Normalises the request: upper-cases the method, makes header lookups case-insensitive and copies the body.
     *
     * @param method HTTP method, any casing
     * @param uri absolute request URI
     * @param headers request headers, copied
     * @param body request body, copied; {@code null} for none
     */
    public ArmRequest {
        method = method.toUpperCase(Locale.ROOT);
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /** @return the decoded path, for example {@code /subscriptions/s/resourceGroups/rg/...} */
    public String path() {
        return uri.getPath();
    }

    /** @return the query parameters, decoded, in order; a repeated name keeps its first value */
    public Map<String, String> query() {
        Map<String, String> result = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.putIfAbsent(name, value);
        }
        return result;
    }

    /** @return the {@code api-version} query parameter, or {@code null} */
    public String apiVersion() {
        return query().get("api-version");
    }

    /**
     * @param name header name, any casing
     * @return the header value, case-insensitive, or {@code null}
     */
    public String header(String name) {
        return headers.get(name);
    }

    /** @return {@code scheme://authority} of the request, used as the base of URLs the simulator hands out */
    public String origin() {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** @return a copy of the body */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Convenience for callers that hold multi-valued headers. */
    static Map<String, String> flatten(Map<String, List<String>> headers) {
        Map<String, String> result = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty()) {
                result.put(name, String.join(",", values));
            }
        });
        return result;
    }
}
