package dev.milink.testkit.arm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the simulator answers, before a transport writes it.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body response body, empty when none
 * @param delay how long the transport waits before answering (fault injection), zero normally
 * @param dropConnection if true the transport sends nothing and breaks the connection (fault injection)
 */
public record ArmResponse(int status, Map<String, String> headers, byte[] body, Duration delay, boolean dropConnection) {

    /**
     * Copies headers and body so the response cannot change after it is built, and turns a missing body or
     * delay into an empty one.
     *
     * @param status HTTP status
     * @param headers response headers, copied
     * @param body response body, copied; {@code null} for none
     * @param delay delay before answering; {@code null} for none
     * @param dropConnection whether to break the connection instead of answering
     */
    public ArmResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body.clone();
        delay = delay == null ? Duration.ZERO : delay;
    }

    static ArmResponse json(int status, Object value) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new ArmResponse(status, headers, Json.write(value), Duration.ZERO, false);
    }

    static ArmResponse empty(int status) {
        return new ArmResponse(status, Map.of(), new byte[0], Duration.ZERO, false);
    }

    static ArmResponse error(ArmError error) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", error.code());
        inner.put("message", error.errorMessage());
        ArmResponse response = json(error.status(), Map.of("error", inner));
        return error.retryAfterSeconds() == null ? response
                : response.withHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
    }

    static ArmResponse dropped() {
        return new ArmResponse(0, Map.of(), new byte[0], Duration.ZERO, true);
    }

    ArmResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ArmResponse(status, copy, body, delay, dropConnection);
    }

    /**
     * ARM's diagnostic headers, on every answer: a fresh {@code x-ms-request-id}, and the caller's
     * {@code x-ms-correlation-request-id} echoed (a fresh one when it sent none); Microsoft support asks for both.
     */
    ArmResponse withRequestIds(String correlationId) {
        return withHeader("x-ms-request-id", UUID.randomUUID().toString())
                .withHeader("x-ms-correlation-request-id", correlationId != null ? correlationId : UUID.randomUUID().toString());
    }

    ArmResponse withDelay(Duration extra) {
        return new ArmResponse(status, headers, body, delay.plus(extra), dropConnection);
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
}
