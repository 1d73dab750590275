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

    private static final String RBAC = "grant the caller 'SQL Managed Instance Contributor' on the instance, or a custom role with "
            + "Microsoft.Sql/managedInstances read+write, managedInstances/hybridCertificate/action, managedInstances/databases "
            + "read+write+delete+completeRestore/action+readBackups/action+restoreDetails/read, "
            + "managedInstances/distributedAvailabilityGroups read+write+delete+setRole/action, "
            + "managedInstances/endpointCertificates/read, managedInstances/hybridLink read+write+delete, "
            + "managedInstances/serverTrustCertificates read+write+delete";

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
                return new Problem(f.kind(), armCode, f.status(), f.getMessage(), f.kind() == LinkErrorCode.TIMEOUT
                        ? "the operation may still be running in Azure: check the resource, then rerun (steps converge)"
                        : hint(armCode, f.status()));
            }
            return problem(f.status(), f.code(), f.getMessage()).withRetryAfter(f.retryAfter());
        }
        if (failure instanceof ManagementException m) {
            int status = m.getResponse() == null ? 0 : m.getResponse().getStatusCode();
            String code = m.getValue() == null ? null : m.getValue().getCode();
            String message = m.getValue() == null || m.getValue().getMessage() == null ? firstLine(m.getMessage())
                    : m.getValue().getMessage();
            return problem(status, code, message).withRetryAfter(retryAfter(m.getResponse()));
        }
        if (failure instanceof HttpResponseException h) {
            int status = h.getResponse() == null ? 0 : h.getResponse().getStatusCode();
            return problem(status, null, firstLine(h.getMessage())).withRetryAfter(retryAfter(h.getResponse()));
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
        String code = normalise(status, armCode);
        StringBuilder message = new StringBuilder("ARM answered ");
        message.append(status == 0 ? "(long-running operation)" : "HTTP " + status);
        message.append(' ').append(armCode == null ? "(no error code)" : armCode);
        if (armMessage != null && !armMessage.isBlank()) {
            message.append(": ").append(firstLine(armMessage));
        }
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

    /** @return the remediation hint for an ARM error code */
    static String hint(String code, int status) {
        String c = code == null ? "" : code;
        if (c.startsWith("DistributedAvailabilityGroupFailover")) {
            return "the link is not synchronized enough to fail over: set replication mode Sync, wait until the "
                    + "databases are synchronized and the last hardened LSNs match, then retry";
        }
        if (c.startsWith("DistributedAvailabilityGroupSetRole")) {
            if (c.endsWith("PrimaryPlannedNotSupported")) {
                return "the instance can become Primary through setRole only with roleChangeType Forced; for a planned "
                        + "role change use a planned failover";
            }
            if (c.endsWith("AlreadyInRequestedRole")) {
                return "the instance already has that role; nothing to do";
            }
            if (c.endsWith("AlreadyInProgress")) {
                return "a role change is already running; wait for it to finish, then rerun";
            }
            return "check the link's current roles (GET the link) before changing the instance's role";
        }
        switch (c) {
            case "RemoteDatabaseExists":
                return "a database with this name already exists on the Managed Instance: drop or rename it there "
                        + "(or link another database), then rerun";
            case "DatabaseNumberLimitReached":
                return "the Managed Instance reached its database limit (links count as databases; 100 on General "
                        + "Purpose/Business Critical, 500 on Next-gen General Purpose): remove databases or links, or use another instance";
            case "ConflictingServerOperation":
            case "ManagedInstanceIsBusy":
            case "OperationCanNotStartDueToMiLink":
                return "another operation is running on the Managed Instance (for example a link database being "
                        + "created): retry later";
            case "AuthorizationFailed":
                return RBAC;
            case "ResourceNotFound":
            case "ParentResourceNotFound":
            case "ResourceGroupNotFound":
            case "SubscriptionNotFound":
                return "check the resource id: subscription, resource group, instance and link names";
            case "UnableToResolveRemoteServer":
                return "partnerEndpoint must resolve from the Managed Instance's VNet: use an IP address or a name in the VNet's DNS";
            case "DistributedAvailabilityGroupMiPrimaryWithGeodr":
                return "remove the instance from its failover group: a failover group and a link with the instance as primary exclude each other";
            case "TooManyRequests":
                return "Azure Resource Manager throttled the requests: retry after the Retry-After interval";
            case "OperationTimedOut":
            case "InternalServerError":
            case "ServiceUnavailable":
                return "a transient Azure failure: retry";
            case "ConnectionFailed":
                return "check network access to the Azure Resource Manager endpoint (proxy, firewall, DNS), then retry";
            default:
                if (c.toLowerCase(Locale.ROOT).contains("encrypt") || c.toLowerCase(Locale.ROOT).contains("smk")) {
                    return "a database protected by a service-managed TDE key cannot take part: use a customer-managed key";
                }
                return status == 401 ? "the credential was rejected: sign in again or check the tenant" : "";
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
