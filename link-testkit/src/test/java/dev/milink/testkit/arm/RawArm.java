package dev.milink.testkit.arm;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.PollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.PollerFlux;
import com.azure.core.util.polling.SyncPoller;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.azure.resourcemanager.sql.SqlServerManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Raw ARM calls through {@code SqlServerManager.httpPipeline()} (auth, retry, logging) for api-versions the typed
 * client does not speak, with azure-core-management's LRO poller. This is the pattern the ARM adapter copies:
 * send the first request yourself, turn an error status into a {@link ManagementException}, hand the response to
 * {@link PollerFactory#create} and wait on the {@link SyncPoller}.
 */
public final class RawArm {

    public static final String API = "2025-01-01";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Initial status and body of a write, and the final result after polling (a map, or null for 204). */
    public record Outcome(int initialStatus, String initialBody, Object finalResult) {
    }

    private final HttpPipeline pipeline;
    private final String endpoint;

    public RawArm(SqlServerManager manager, String endpoint) {
        this.pipeline = manager.httpPipeline();
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    public String url(String path, String apiVersion) {
        return endpoint + path + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion;
    }

    /** A plain call; error statuses become {@link ManagementException}. @return status and body */
    public SimpleResponse<String> call(HttpMethod method, String url, String json) {
        HttpRequest request = request(method, url, json);
        try (HttpResponse response = pipeline.send(request).block(TIMEOUT)) {
            String body = response.getBodyAsString().block(TIMEOUT);
            throwIfError(response, body);
            return new SimpleResponse<>(request, response.getStatusCode(), response.getHeaders(), body);
        }
    }

    /** A write run to completion as a long-running operation. */
    public Outcome lro(HttpMethod method, String url, String json) {
        HttpRequest request = request(method, url, json);
        int[] initialStatus = new int[1];
        String[] initialBody = new String[1];
        Mono<Response<Flux<ByteBuffer>>> first = Mono.defer(() -> pipeline.send(request)).flatMap(response ->
                response.getBodyAsString().defaultIfEmpty("").map(body -> {
                    throwIfError(response, body);
                    initialStatus[0] = response.getStatusCode();
                    initialBody[0] = body;
                    Flux<ByteBuffer> replay = Flux.just(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
                    return new SimpleResponse<>(request, response.getStatusCode(), response.getHeaders(), replay);
                }));
        PollerFlux<PollResult<Object>, Object> poller = PollerFactory.create(
                SerializerFactory.createDefaultManagementSerializerAdapter(), pipeline, Object.class, Object.class,
                ResourceManagerUtils.InternalRuntimeContext.getDelayDuration(Duration.ofSeconds(30)), first);
        SyncPoller<PollResult<Object>, Object> sync = poller.getSyncPoller();
        PollResponse<PollResult<Object>> last = sync.waitForCompletion(TIMEOUT);
        if (last.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            PollResult.Error error = last.getValue() == null ? null : last.getValue().getError();
            String body = error == null ? null : error.getResponseBody();
            ManagementError detail = body == null ? new ManagementError(last.getStatus().toString(), "no error body")
                    : parseError(body);
            throw new ManagementException("Long-running operation ended " + last.getStatus() + ": "
                    + (error == null ? "" : error.getMessage()), null, detail);
        }
        return new Outcome(initialStatus[0], initialBody[0], sync.getFinalResult());
    }

    private static HttpRequest request(HttpMethod method, String url, String json) {
        HttpRequest request = new HttpRequest(method, url);
        if (json != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(json);
        }
        return request;
    }

    private static void throwIfError(HttpResponse response, String body) {
        if (response.getStatusCode() >= 400) {
            throw new ManagementException("Status code " + response.getStatusCode() + ", " + body, response,
                    body == null || body.isEmpty() ? null : parseError(body));
        }
    }

    public static ManagementError parseError(String body) {
        try (JsonReader reader = JsonProviders.createReader(body)) {
            return ManagementError.fromJson(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("ARM error body is not JSON: " + body, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String body) {
        return (Map<String, Object>) Json.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
