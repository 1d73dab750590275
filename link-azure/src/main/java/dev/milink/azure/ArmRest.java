package dev.milink.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import dev.milink.LinkErrorCode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends ARM requests through the SDK's {@link HttpPipeline} (so the credential, retry, user-agent and logging
 * policies apply), reads lists page by page, and hands long-running operations to {@link ArmPoller} (azure-core's
 * polling support).
 */
final class ArmRest {

    /**
     * One answer, fully read.
     *
     * @param status HTTP status
     * @param body body text, empty when none
     * @param headers the response headers
     * @param method the request's method, or null when unknown
     */
    record Reply(int status, String body, HttpHeaders headers, HttpMethod method) {

        static Reply of(int status, HttpHeaders headers, String body) {
            return of(null, status, headers, body);
        }

        static Reply of(HttpMethod method, int status, HttpHeaders headers, String body) {
            return new Reply(status, body == null ? "" : body, headers == null ? new HttpHeaders() : headers, method);
        }

        /** @return {@code Retry-After} in seconds, or null (HTTP-date forms are left to azure-core's poller) */
        Duration retryAfter() {
            String value = headers.getValue(HttpHeaderName.RETRY_AFTER);
            if (value == null || !value.trim().matches("\\d{1,6}")) {
                return null;
            }
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        }

        /** @return ARM's request ids for a message, such as {@code " (x-ms-request-id: ..)"}, or empty */
        String requestIdSuffix() {
            return requestIds(headers.getValue(REQUEST_ID), headers.getValue(CORRELATION_ID));
        }
    }

    static final HttpHeaderName REQUEST_ID = HttpHeaderName.fromString("x-ms-request-id");
    static final HttpHeaderName CORRELATION_ID = HttpHeaderName.fromString("x-ms-correlation-request-id");

    /** @return the request ids Microsoft support asks for, as a message suffix; empty when ARM sent none */
    static String requestIds(String requestId, String correlationId) {
        List<String> parts = new ArrayList<>();
        if (requestId != null && !requestId.isBlank()) {
            parts.add("x-ms-request-id: " + requestId.trim());
        }
        if (correlationId != null && !correlationId.isBlank()) {
            parts.add("x-ms-correlation-request-id: " + correlationId.trim());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private final HttpPipeline pipeline;
    private final String endpoint;
    private final ArmPoller poller;

    ArmRest(HttpPipeline pipeline, String endpoint, Duration pollInterval, Duration timeout) {
        this.pipeline = pipeline;
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.poller = new ArmPoller(pipeline, pollInterval, timeout);
    }

    /** @return the absolute URL of a resource path with its api-version */
    String url(String path, String apiVersion) {
        return endpoint + path + "?api-version=" + apiVersion;
    }

    /**
     * Sends one request.
     *
     * @return the answer when its status is below 400
     * @throws ArmFailure with ARM's error code for statuses of 400 and above
     */
    Reply send(String method, String url, String body) {
        HttpRequest request = new HttpRequest(HttpMethod.valueOf(method), url);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body);
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            BinaryData data = response.getBodyAsBinaryData();
            Reply reply = Reply.of(request.getHttpMethod(), response.getStatusCode(), response.getHeaders(),
                    data == null ? "" : data.toString());
            if (reply.status() >= 400) {
                throw failure(reply);
            }
            return reply;
        }
    }

    /** @return the ARM error of an answer: {@code {"error":{"code","message"}}}, tolerating a missing body */
    static ArmFailure failure(Reply reply) {
        Map<String, Object> error = ArmJson.child(safeObject(reply.body()), "error");
        String code = ArmJson.string(error, "code");
        String message = ArmJson.string(error, "message");
        return new ArmFailure(reply.status(), code, message == null ? "" : message, null).withRetryAfter(reply.retryAfter())
                .withRequestIds(reply.requestIdSuffix());
    }

    private static Map<String, Object> safeObject(String body) {
        try {
            return ArmJson.object(body);
        } catch (ArmFailure notJson) {
            // An HTML error page from a proxy: the status alone must still reach the caller.
            return Map.of();
        }
    }

    /** @return the object at the URL */
    Map<String, Object> get(String url) {
        return ArmJson.object(send("GET", url, null).body());
    }

    /** @return every item of a list, following {@code nextLink} */
    List<Map<String, Object>> list(String url) {
        List<Map<String, Object>> items = new ArrayList<>();
        String next = url;
        while (next != null) {
            Map<String, Object> page = get(next);
            for (Object item : ArmJson.list(page, "value")) {
                items.add(ArmJson.asObject(item));
            }
            next = ArmJson.string(page, "nextLink");
            if (next != null && next.isBlank()) {
                next = null;
            }
        }
        return items;
    }

    /**
     * Waits for the long-running operation an initial answer started.
     *
     * @param what the operation, for messages
     * @param resourceUrl the resource the operation works on
     * @param initial the first answer
     * @return the body of the last answer (the final poll, or the initial answer when it was final)
     * @throws ArmFailure when the operation fails, is canceled or exceeds the timeout
     */
    String await(String what, String resourceUrl, Reply initial) {
        return poller.await(what, resourceUrl, initial);
    }
}
