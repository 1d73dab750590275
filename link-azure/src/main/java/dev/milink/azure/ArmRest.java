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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends ARM requests through the SDK's {@link HttpPipeline} (so the credential, retry and logging policies
 * apply) and follows long-running operations by hand: {@code Azure-AsyncOperation} first, then
 * {@code Location}, then the resource's {@code provisioningState}, sleeping {@code Retry-After} when ARM sends
 * one and the poll interval otherwise, never beyond the operation timeout. Unlike the SDK's poller it does not
 * GET the resource once a PUT has succeeded: milink's steps do not use that body, and the extra call would cost
 * ARM quota on every run.
 */
final class ArmRest {

    private static final Logger LOG = LoggerFactory.getLogger(ArmRest.class);
    private static final HttpHeaderName ASYNC_OPERATION = HttpHeaderName.fromString("Azure-AsyncOperation");

    /** Sleeps; replaceable so the poller is testable without real waiting. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * One answer, fully read.
     *
     * @param status HTTP status
     * @param body body text, empty when none
     * @param asyncOperation {@code Azure-AsyncOperation} URL, or null
     * @param location {@code Location} URL, or null
     * @param retryAfter {@code Retry-After}, or null
     */
    record Reply(int status, String body, String asyncOperation, String location, Duration retryAfter) {

        static Reply of(int status, HttpHeaders headers, String body) {
            return new Reply(status, body == null ? "" : body, headers.getValue(ASYNC_OPERATION),
                    headers.getValue(HttpHeaderName.LOCATION), retryAfter(headers.getValue(HttpHeaderName.RETRY_AFTER)));
        }

        private static Duration retryAfter(String value) {
            if (value == null || !value.trim().matches("\\d+")) {
                return null;
            }
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        }
    }

    private final HttpPipeline pipeline;
    private final String endpoint;
    private final Duration pollInterval;
    private final Duration timeout;
    private final Sleeper sleeper;

    ArmRest(HttpPipeline pipeline, String endpoint, Duration pollInterval, Duration timeout, Sleeper sleeper) {
        this.pipeline = pipeline;
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.sleeper = sleeper;
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
            Reply reply = Reply.of(response.getStatusCode(), response.getHeaders(), data == null ? "" : data.toString());
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
        return new ArmFailure(reply.status(), code, message == null ? "" : message, null).withRetryAfter(reply.retryAfter());
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
     * @param resourceUrl the resource, polled when only {@code provisioningState} tells progress
     * @param initial the first answer
     * @return the final answer (the last poll)
     * @throws ArmFailure when the operation fails, is canceled or exceeds the timeout
     */
    Reply await(String what, String resourceUrl, Reply initial) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (initial.asyncOperation() != null) {
            Reply poll = initial;
            while (true) {
                pause(what, poll.retryAfter(), deadline);
                poll = send("GET", initial.asyncOperation(), null);
                Map<String, Object> status = ArmJson.object(poll.body());
                String state = String.valueOf(ArmJson.string(status, "status")).toLowerCase(Locale.ROOT);
                LOG.debug("{}: operation status {}", what, state);
                switch (state) {
                    case "succeeded":
                        return poll;
                    case "failed":
                    case "canceled":
                    case "cancelled":
                        Map<String, Object> error = ArmJson.child(status, "error");
                        String code = ArmJson.string(error, "code");
                        throw new ArmFailure(0, code != null ? code : "Operation" + capitalise(state),
                                what + " ended " + state + (ArmJson.string(error, "message") == null ? ""
                                        : ": " + ArmJson.string(error, "message")), null);
                    default:
                        break;
                }
            }
        }
        if (initial.status() == 202 && initial.location() != null) {
            Reply poll = initial;
            String location = initial.location();
            while (poll.status() == 202) {
                pause(what, poll.retryAfter(), deadline);
                poll = send("GET", location, null);
                location = poll.location() != null ? poll.location() : location;
            }
            return poll;
        }
        if (initial.status() == 202) {
            throw new ArmFailure(202, "InvalidResponse", what + " was accepted without an Azure-AsyncOperation or Location header to follow", null);
        }
        Reply poll = initial;
        while (!terminal(poll)) {
            pause(what, poll.retryAfter(), deadline);
            poll = send("GET", resourceUrl, null);
        }
        String state = provisioningState(poll);
        if (state != null && !"succeeded".equalsIgnoreCase(state)) {
            throw new ArmFailure(0, "Operation" + capitalise(state.toLowerCase(Locale.ROOT)), what + " ended " + state, null);
        }
        return poll;
    }

    private static boolean terminal(Reply reply) {
        String state = provisioningState(reply);
        return state == null || List.of("succeeded", "failed", "canceled", "cancelled").contains(state.toLowerCase(Locale.ROOT));
    }

    private static String provisioningState(Reply reply) {
        return reply.body().isBlank() ? null : ArmJson.string(ArmJson.child(safeObject(reply.body()), "properties"), "provisioningState");
    }

    private void pause(String what, Duration retryAfter, long deadline) {
        Duration delay = retryAfter != null && !retryAfter.isZero() ? retryAfter : pollInterval;
        if (System.nanoTime() + delay.toNanos() > deadline) {
            throw ArmFailure.timeout(what, timeout);
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArmFailure(LinkErrorCode.INTERNAL, 0, null, "interrupted while waiting for " + what, e);
        }
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
