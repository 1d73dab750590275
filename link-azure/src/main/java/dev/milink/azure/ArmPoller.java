package dev.milink.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncChainedPollingStrategy;
import com.azure.core.util.polling.SyncLocationPollingStrategy;
import com.azure.core.util.polling.SyncOperationResourcePollingStrategy;
import com.azure.core.util.polling.SyncPoller;
import com.azure.core.util.polling.SyncPollingStrategy;
import com.azure.core.util.polling.SyncStatusCheckPollingStrategy;
import com.azure.core.util.serializer.TypeReference;
import dev.milink.LinkErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Waits for ARM long-running operations with azure-core's polling support: a {@link SyncPoller} over azure-core's
 * operation-resource strategy (on {@code Azure-AsyncOperation}, ARM's header), then its {@code Location}
 * strategy, then its status-check strategy for answers that are already final, which is the order of
 * azure-core's {@code SyncDefaultPollingStrategy} with ARM's header name. azure-core honours {@code Retry-After}
 * (seconds, HTTP-date and the millisecond variants) and falls back to the poll interval; the wait is bounded by
 * the operation timeout.
 *
 * <p>Two things are milink's own. Polls go through the SDK pipeline plus one last policy that turns an HTTP
 * error answer into an {@link ArmFailure} with ARM's code and request id (azure-core's strategies would read an
 * error body as an operation status). And the final result is never fetched ({@code getFinalResult}): milink's
 * steps do not use that body, and the extra GET would cost ARM quota on every write. A resource without an
 * operation URL needs no fallback on {@code provisioningState}: neither the link nor the trust certificate has
 * one in its spec, and their spec documents 201 and 200 as final answers.
 */
final class ArmPoller {

    private static final Logger LOG = LoggerFactory.getLogger(ArmPoller.class);
    private static final TypeReference<BinaryData> RAW = TypeReference.createInstance(BinaryData.class);
    private static final HttpHeaderName ASYNC_OPERATION = HttpHeaderName.fromString("Azure-AsyncOperation");

    private final HttpPipeline polls;
    private final Duration pollInterval;
    private final Duration timeout;

    ArmPoller(HttpPipeline pipeline, Duration pollInterval, Duration timeout) {
        this.polls = withErrorStatusAsFailure(pipeline);
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /**
     * @param what the operation, for messages
     * @param resourceUrl the resource the operation works on (the request azure-core records for a final GET)
     * @param initial the first answer
     * @return the last poll's body, or the initial body when the answer was already final
     * @throws ArmFailure when the operation fails, is canceled, or does not finish within the timeout
     */
    String await(String what, String resourceUrl, ArmRest.Reply initial) {
        if (initial.status() == 202 && initial.headers().get(ASYNC_OPERATION) == null
                && initial.headers().get(HttpHeaderName.LOCATION) == null) {
            throw new ArmFailure(202, "InvalidResponse", what + " was accepted without an Azure-AsyncOperation or Location header"
                    + " to follow" + initial.requestIdSuffix(), null);
        }
        HttpRequest request = new HttpRequest(initial.method() == null ? HttpMethod.GET : initial.method(), resourceUrl);
        SimpleResponse<BinaryData> first = new SimpleResponse<>(request, initial.status(), initial.headers(),
                BinaryData.fromString(initial.body()));
        SyncPoller<BinaryData, BinaryData> poller = SyncPoller.createPoller(pollInterval, () -> first, strategy(), RAW, RAW);
        PollResponse<BinaryData> last;
        try {
            last = poller.waitForCompletion(timeout.minus(firstWait(what, initial)));
        } catch (RuntimeException e) {
            RuntimeException failure = unwrap(what, e);
            throw failure instanceof ArmFailure f && f.requestIds().isEmpty() ? f.withRequestIds(initial.requestIdSuffix()) : failure;
        }
        LongRunningOperationStatus status = last.getStatus();
        LOG.debug("{}: operation {}", what, status);
        if (status == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            return last.getValue() == null ? "" : last.getValue().toString();
        }
        // The operation's request ids are those of the request that started it.
        if (!status.isComplete()) {
            throw ArmFailure.timeout(what, timeout).withRequestIds(initial.requestIdSuffix());
        }
        throw ended(what, status, last.getValue()).withRequestIds(initial.requestIdSuffix());
    }

    /**
     * azure-core's {@code SyncPoller} sends its first poll at once, ignoring the {@code Retry-After} of the answer
     * that started the operation (measured: a 1 s Retry-After was polled after 25 ms). ARM asks clients to wait it,
     * so the first wait is milink's: Retry-After, else the poll interval; azure-core paces every later poll.
     *
     * @return how long was waited (zero for an answer that is already final)
     */
    private Duration firstWait(String what, ArmRest.Reply initial) {
        boolean pending = initial.headers().get(ASYNC_OPERATION) != null
                || initial.status() == 202 && initial.headers().get(HttpHeaderName.LOCATION) != null;
        if (!pending) {
            return Duration.ZERO;
        }
        Duration delay = initial.retryAfter() != null && !initial.retryAfter().isZero() ? initial.retryAfter() : pollInterval;
        if (delay.compareTo(timeout) >= 0) {
            throw ArmFailure.timeout(what, timeout).withRequestIds(initial.requestIdSuffix());
        }
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArmFailure(LinkErrorCode.INTERNAL, 0, null, "interrupted while waiting for " + what, e);
        }
        return delay;
    }

    private SyncPollingStrategy<BinaryData, BinaryData> strategy() {
        return new SyncChainedPollingStrategy<>(List.of(
                new SyncOperationResourcePollingStrategy<>(polls, null, null, ASYNC_OPERATION.getCaseSensitiveName(), Context.NONE),
                new SyncLocationPollingStrategy<>(polls, null, null, Context.NONE),
                new SyncStatusCheckPollingStrategy<>()));
    }

    /** A Failed or Canceled operation: ARM's error from the status body, or a code naming the end state. */
    private static ArmFailure ended(String what, LongRunningOperationStatus status, BinaryData body) {
        Map<String, Object> error = ArmJson.child(body == null ? Map.of() : safeObject(body.toString()), "error");
        String state = status.toString().toLowerCase(Locale.ROOT);
        String code = ArmJson.string(error, "code");
        String message = ArmJson.string(error, "message");
        String name = state.startsWith("cancel") || status == LongRunningOperationStatus.USER_CANCELLED ? "Canceled" : "Failed";
        return new ArmFailure(0, code != null ? code : "Operation" + name,
                what + " ended " + name.toLowerCase(Locale.ROOT) + (message == null ? "" : ": " + message), null);
    }

    private static Map<String, Object> safeObject(String text) {
        try {
            return ArmJson.object(text);
        } catch (ArmFailure notJson) {
            return Map.of();
        }
    }

    /** azure-core wraps what a poll threw (and its own timeout) in RuntimeExceptions; find what happened. */
    private RuntimeException unwrap(String what, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArmFailure f) {
                return f;
            }
            if (t instanceof TimeoutException) {
                return ArmFailure.timeout(what, timeout);
            }
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new ArmFailure(LinkErrorCode.INTERNAL, 0, null, "interrupted while waiting for " + what, e);
            }
        }
        return e;
    }

    /** The SDK's policies (credential, retry, logging) plus a last one that fails on an error status. */
    private static HttpPipeline withErrorStatusAsFailure(HttpPipeline pipeline) {
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        for (int i = 0; i < pipeline.getPolicyCount(); i++) {
            policies.add(pipeline.getPolicy(i));
        }
        policies.add(new ErrorStatusPolicy());
        return new HttpPipelineBuilder().httpClient(pipeline.getHttpClient()).policies(policies.toArray(HttpPipelinePolicy[]::new))
                .build();
    }

    /** Runs after the retry policy, so 429 and 5xx are retried first; what is left is ARM's final word. */
    private static final class ErrorStatusPolicy implements HttpPipelinePolicy {
        @Override
        public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            return next.process().map(ErrorStatusPolicy::check);
        }

        @Override
        public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
            return check(next.processSync());
        }

        private static HttpResponse check(HttpResponse response) {
            if (response.getStatusCode() < 400) {
                // azure-core's operation-resource strategy reads a poll body twice (status, then value); a streamed
                // body (the JDK client's) is gone after the first read, so it is buffered here.
                return response.buffer();
            }
            try (response) {
                BinaryData body = response.getBodyAsBinaryData();
                throw ArmRest.failure(ArmRest.Reply.of(response.getStatusCode(), response.getHeaders(),
                        body == null ? "" : body.toString()));
            }
        }
    }
}
