package dev.milink.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.step.Side;
import dev.milink.step.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Turns whatever the Azure SDK or this module's requests throw into milink exceptions: the ARM error code,
 * the HTTP status and a remediation hint for the codes the Managed Instance link is known to return.
 *
 * <p>Transient failures carry a normalised code in {@code armErrorCode()} so the runner can retry without
 * knowing ARM's many spellings: {@code TooManyRequests} (429), {@code OperationTimedOut},
 * {@code ServiceUnavailable} (503), {@code InternalServerError} (other 5xx) and {@code ConnectionFailed}
 * (no HTTP answer; error code {@code UNREACHABLE}). The original code stays in the message.
 */
final class ArmErrorMapping {

    /** Codes the runner may retry. */
    static final Set<String> TRANSIENT = Set.of("TooManyRequests", "OperationTimedOut",
            "ServiceUnavailable", "InternalServerError", "ConnectionFailed");

    /** 404 codes that name a missing instance, group or subscription rather than the resource asked for. */
    private static final Set<String> MISSING_PARENT = Set.of("ParentResourceNotFound", "ResourceGroupNotFound",
            "SubscriptionNotFound", "ManagedInstanceNotInSubscriptionResourceGroup", "SubscriptionDoesNotHaveServer",
            "ServerNotInSubscriptionResourceGroup", "InstancePoolNotFound");

    /**
     * A classified failure.
     *
     * @param code milink's error kind
     * @param armCode the (normalised) ARM error code, or null
     * @param status the HTTP status, 0 when none
     * @param message what happened, without secrets
     * @param fix the remediation hint
     */
    record Problem(LinkErrorCode code, String armCode, int status, String message, String fix, Duration retryAfter) {

        Problem(LinkErrorCode code, String armCode, int status, String message, String fix) {
            this(code, armCode, status, message, fix, null);
        }

        Problem withRetryAfter(Duration hint) {
            return new Problem(code, armCode, status, message, fix, hint);
        }
    }

    private ArmErrorMapping() {
    }

    /**
     * @param step the step that failed
     * @param failure what was thrown
     * @return the exception to throw
     */
    static LinkExecutionException forStep(Step step, Throwable failure) {
        Problem p = classify(failure);
        return LinkExecutionException.armFailure(p.code(), step.id(), Side.MANAGED_INSTANCE, p.armCode(), p.message(),
                p.fix(), failure, p.retryAfter());
    }

    /**
     * @param what the read, for example {@code "GET the instance"}
     * @param failure what was thrown
     * @return the exception to throw
     */
    static LinkException forRead(String what, Throwable failure) {
        Problem p = classify(failure);
        return new LinkException(p.code(), "Azure Resource Manager read failed (" + what + "): " + p.message(), p.fix(),
                failure, p.retryAfter());
    }

    /** @return the failure classified */
    static Problem classify(Throwable failure) {
        if (failure instanceof ArmFailure f) {
            if (f.kind() != LinkErrorCode.ARM_ERROR) {
                String armCode = f.kind() == LinkErrorCode.TIMEOUT ? null : f.code();
                return new Problem(f.kind(), armCode, f.status(), f.getMessage() + f.requestIds(), f.kind() == LinkErrorCode.TIMEOUT
                        ? "the operation may still be running in Azure: check the resource, then rerun (steps converge)"
                        : hint(armCode, f.status()));
            }
            return problem(f.status(), f.code(), f.getMessage(), f.requestIds()).withRetryAfter(f.retryAfter());
        }
        if (failure instanceof ManagementException m) {
            int status = m.getResponse() == null ? 0 : m.getResponse().getStatusCode();
            String code = m.getValue() == null ? null : m.getValue().getCode();
            String message = m.getValue() == null || m.getValue().getMessage() == null ? firstLine(m.getMessage())
                    : m.getValue().getMessage();
            return problem(status, code, message, requestIds(m.getResponse())).withRetryAfter(retryAfter(m.getResponse()));
        }
        if (failure instanceof HttpResponseException h) {
            int status = h.getResponse() == null ? 0 : h.getResponse().getStatusCode();
            return problem(status, null, firstLine(h.getMessage()), requestIds(h.getResponse()))
                    .withRetryAfter(retryAfter(h.getResponse()));
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return new Problem(LinkErrorCode.UNREACHABLE, "ConnectionFailed", 0,
                        "no answer from Azure Resource Manager: " + t.getClass().getSimpleName() + ": " + firstLine(t.getMessage()),
                        hint("ConnectionFailed", 0));
            }
            if (t instanceof TimeoutException || String.valueOf(t.getMessage()).startsWith("Timeout on blocking read")) {
                return new Problem(LinkErrorCode.TIMEOUT, null, 0, "Azure Resource Manager did not answer in time",
                        "check network access to the ARM endpoint, then rerun");
            }
        }
        return new Problem(LinkErrorCode.INTERNAL, null, 0, "unexpected failure talking to Azure Resource Manager: "
                + failure.getClass().getName() + ": " + firstLine(failure.getMessage()), "report this as a milink bug");
    }

    /** @return ARM's request ids of a typed client's failed response, as a message suffix */
    private static String requestIds(com.azure.core.http.HttpResponse response) {
        return response == null ? "" : ArmRest.requestIds(response.getHeaderValue(ArmRest.REQUEST_ID),
                response.getHeaderValue(ArmRest.CORRELATION_ID));
    }

    /** @return the response's {@code Retry-After} in seconds as a duration, or null (HTTP-date forms are ignored) */
    private static Duration retryAfter(com.azure.core.http.HttpResponse response) {
        String value = response == null ? null : response.getHeaderValue("Retry-After");
        if (value == null || !value.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.trim()));
    }

    /** @return the problem for an HTTP status and ARM error, with the transient codes normalised */
    static Problem problem(int status, String armCode, String armMessage) {
        return problem(status, armCode, armMessage, "");
    }

    /**
     * @param requestIds ARM's request ids as a message suffix (Microsoft support asks for them), or empty
     * @return the problem for an HTTP status and ARM error, with the transient codes normalised
     */
    static Problem problem(int status, String armCode, String armMessage, String requestIds) {
        String code = normalise(status, armCode);
        StringBuilder message = new StringBuilder("ARM answered ");
        message.append(status == 0 ? "(long-running operation)" : "HTTP " + status);
        message.append(' ').append(armCode == null ? "(no error code)" : armCode);
        if (armMessage != null && !armMessage.isBlank()) {
            message.append(": ").append(firstLine(armMessage));
        }
        message.append(requestIds);
        return new Problem(LinkErrorCode.ARM_ERROR, code, status, message.toString(), hint(code, status));
    }

    private static String normalise(int status, String armCode) {
        if (status == 429) {
            return "TooManyRequests";
        }
        if ("OperationTimedOut".equalsIgnoreCase(armCode)) {
            return "OperationTimedOut";
        }
        if (status == 503) {
            return "ServiceUnavailable";
        }
        if (status >= 500) {
            return "InternalServerError";
        }
        return armCode;
    }

    /** @return the remediation hint for an ARM error code (see {@link ArmHints}) */
    static String hint(String code, int status) {
        return ArmHints.hint(code, status);
    }

    /**
     * The one rule for "the resource is not there" (GET, DELETE): a 404 whose code does not name a missing parent.
     * The spec documents both {@code ResourceNotFound} and {@code ResourceDoesNotExist} for a missing link; a
     * missing instance, group or subscription must still fail, since nothing could be read there.
     *
     * @param status HTTP status
     * @param code ARM error code, or null
     * @return true when the answer means the resource itself is absent
     */
    static boolean absent(int status, String code) {
        return status == 404 && (code == null || !MISSING_PARENT.contains(code));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
