package dev.milink.testkit.arm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs writes as ARM long-running operations ({@link LroStyle}). By default an operation completes on its N-th
 * status poll (N = {@code lroPolls}); with a clock it completes when its duration has passed on that clock, whether
 * or not anybody polls, as a real operation does. Only then is its change committed, so a client that stops
 * polling early sees the old state. Guarded by the simulator's lock.
 */
final class LroEngine {

    private static final String ASYNC_SUFFIX = "AzureAsyncOperation";
    private static final String RESULT_SUFFIX = "OperationResults";

    /**
     * What a write asks for.
     *
     * @param operation which operation (for its style)
     * @param resourceKey lower-cased id of the resource, to detect conflicting operations
     * @param resourceTypePlural e.g. {@code distributedAvailabilityGroups}, used in the operation URLs
     * @param accepted the initial 201 body of a create in the Azure-AsyncOperation style
     * @param commit applies the change when the operation succeeds
     * @param rollback undoes what the request already did when the operation fails, may be null
     * @param result the final response (body at the time it is asked for)
     * @param syncStatus status of the synchronous answer (200, 201 or 204 for an empty body)
     * @param failure error that makes the operation end {@code Failed}, or null
     * @param canceled true to make it end {@code Canceled}
     */
    record Start(ArmOperation operation, String resourceKey, String resourceTypePlural, Supplier<Object> accepted,
            Runnable commit, Runnable rollback, Supplier<Object> result, int syncStatus, ArmError failure,
            boolean canceled) {
    }

    private static final class Operation {
        private final Start start;
        private final LroStyle style;
        private final String location;
        private final Instant due;
        private int pollsLeft;
        private String status = "InProgress";

        Operation(Start start, LroStyle style, String location, int polls, Instant due) {
            this.start = start;
            this.style = style;
            this.location = location;
            this.pollsLeft = polls;
            this.due = due;
        }

        boolean done() {
            return !"InProgress".equals(status);
        }
    }

    private final Map<String, Operation> operations = new HashMap<>();
    private final Map<String, String> busy = new HashMap<>();
    private final Map<ArmOperation, LroStyle> styles;
    private final int polls;
    private final Integer retryAfterSeconds;
    private final Clock clock;
    private final Duration duration;

    /**
     * @param clock when not null, operations complete {@code duration} after they start on this clock instead of
     *     on a poll count
     */
    LroEngine(Map<ArmOperation, LroStyle> styles, int polls, Integer retryAfterSeconds, Clock clock, Duration duration) {
        this.styles = styles;
        this.polls = polls;
        this.retryAfterSeconds = retryAfterSeconds;
        this.clock = clock;
        this.duration = duration;
    }

    /** Completes every operation whose time has come on the clock; nothing without a clock. */
    void completeDue() {
        if (clock == null) {
            return;
        }
        Instant now = clock.instant();
        operations.values().stream().filter(op -> !op.done() && !now.isBefore(op.due)).toList().forEach(this::finish);
    }

    /** @return true while an operation on that resource has not completed */
    boolean busy(String resourceKey) {
        return busy.containsKey(resourceKey.toLowerCase(Locale.ROOT));
    }

    static boolean isPoll(ArmPath path) {
        return path.isOperation() && (path.collection().endsWith(ASYNC_SUFFIX) || path.collection().endsWith(RESULT_SUFFIX));
    }

    ArmResponse start(ArmRequest request, ArmPath path, String location, Start start) {
        LroStyle style = styles.getOrDefault(start.operation(), start.operation().defaultStyle());
        if (style == LroStyle.SYNCHRONOUS) {
            Operation op = new Operation(start, style, location, 0, null);
            finish(op);
            return terminalResult(op);
        }
        String id = UUID.randomUUID().toString();
        String base = request.origin() + "/subscriptions/" + path.subscriptionId() + "/providers/Microsoft.Sql/locations/"
                + location + "/" + start.resourceTypePlural();
        String query = "?api-version=" + (request.apiVersion() == null ? "" : request.apiVersion());
        Operation op = new Operation(start, style, base + RESULT_SUFFIX + "/" + id + query, polls,
                clock == null ? null : clock.instant().plus(duration));
        operations.put(id, op);
        busy.put(start.resourceKey().toLowerCase(Locale.ROOT), id);
        ArmResponse response;
        if (style == LroStyle.ACCEPTED) {
            response = ArmResponse.empty(202).withHeader("Azure-AsyncOperation", base + ASYNC_SUFFIX + "/" + id + query)
                    .withHeader("Location", op.location);
        } else if (style == LroStyle.AZURE_ASYNC_OPERATION && start.syncStatus() == 201) {
            // Only a create answers 201 with a body: a 200 whose body has no non-terminal provisioningState
            // (the DAG has none) is taken as finished by azure-core, so updates answer 202 like POST and DELETE.
            response = ArmResponse.json(201, start.accepted().get())
                    .withHeader("Azure-AsyncOperation", base + ASYNC_SUFFIX + "/" + id + query);
        } else if (style == LroStyle.AZURE_ASYNC_OPERATION) {
            response = ArmResponse.empty(202).withHeader("Azure-AsyncOperation", base + ASYNC_SUFFIX + "/" + id + query)
                    .withHeader("Location", op.location);
        } else {
            response = ArmResponse.empty(202).withHeader("Location", op.location);
        }
        return withRetryAfter(response);
    }

    /** Answers a poll of an operation URL; 404 for an unknown operation id. */
    ArmResponse poll(ArmPath path) {
        Operation op = operations.get(path.name());
        if (op == null) {
            throw new ArmError(404, "ResourceNotFound", "The operation '" + path.name() + "' was not found.");
        }
        if (path.collection().endsWith(ASYNC_SUFFIX)) {
            advance(op);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", path.name());
            body.put("status", op.status);
            if (op.start.failure() != null && "Failed".equals(op.status)) {
                body.put("error", Map.of("code", op.start.failure().code(), "message", op.start.failure().errorMessage()));
            } else if ("Canceled".equals(op.status)) {
                body.put("error", Map.of("code", "OperationCanceled", "message", "The operation was canceled."));
            }
            ArmResponse response = ArmResponse.json(200, body);
            return op.done() ? response : withRetryAfter(response);
        }
        if (op.style == LroStyle.LOCATION || op.style == LroStyle.ACCEPTED) {
            advance(op);
        }
        if (!op.done()) {
            return withRetryAfter(ArmResponse.empty(202).withHeader("Location", op.location));
        }
        return terminalResult(op);
    }

    private void advance(Operation op) {
        // On a clock, polls only observe; completeDue() moves the operation on.
        if (clock == null && !op.done() && --op.pollsLeft <= 0) {
            finish(op);
        }
    }

    private void finish(Operation op) {
        busy.values().remove(findId(op));
        if (op.start.canceled()) {
            op.status = "Canceled";
        } else if (op.start.failure() != null) {
            op.status = "Failed";
        } else {
            op.start.commit().run();
            op.status = "Succeeded";
            return;
        }
        if (op.start.rollback() != null) {
            op.start.rollback().run();
        }
    }

    private String findId(Operation op) {
        return operations.entrySet().stream().filter(e -> e.getValue() == op).map(Map.Entry::getKey).findFirst()
                .orElse("");
    }

    /** The final answer once done: the result, or for a failed/canceled Location-style operation the error. */
    private ArmResponse terminalResult(Operation op) {
        if ("Canceled".equals(op.status)) {
            return ArmResponse.error(new ArmError(409, "OperationCanceled", "The operation was canceled."));
        }
        if ("Failed".equals(op.status)) {
            return ArmResponse.error(op.start.failure());
        }
        Object body = op.start.result().get();
        if (body == null) {
            return ArmResponse.empty(op.style == LroStyle.SYNCHRONOUS && op.start.syncStatus() != 204 ? 200 : 204);
        }
        return ArmResponse.json(op.style == LroStyle.SYNCHRONOUS ? op.start.syncStatus() : 200, body);
    }

    private ArmResponse withRetryAfter(ArmResponse response) {
        return retryAfterSeconds == null ? response : response.withHeader("Retry-After", retryAfterSeconds.toString());
    }
}
