package dev.milink.azure;

import com.azure.core.http.rest.Response;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.FluxUtil;
import com.azure.resourcemanager.sql.fluent.SqlManagementClient;
import com.azure.resourcemanager.sql.fluent.models.ServerTrustCertificateInner;
import dev.milink.FailoverType;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.LinkRole;
import dev.milink.ManagedInstance;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.state.LinkResourceState;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.SetManagedInstanceRole;
import dev.milink.step.Side;
import dev.milink.step.UploadTrustCertificate;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The write steps. A creating PUT is preceded by one read (GET the link; LIST the trust certificates, which also
 * settles duplicates, see {@link TrustPrecheck}), because ARM may answer a fresh create 202 Accepted just as it
 * answers a re-apply: "created" is decided from that prior absence ({@link CreateOutcome}), so a rollback removes
 * what this run created, whatever the status, and never a certificate or link the user already had. Steps whose
 * repetition would act twice (replication mode, failover, setRole) read the link first and do nothing when it is
 * already in the wanted state.
 */
final class ArmWrites {

    private static final Logger LOG = LoggerFactory.getLogger(ArmWrites.class);

    private final ManagedInstance instance;
    private final SqlManagementClient client;
    private final ArmRest rest;
    private final Duration timeout;

    ArmWrites(ManagedInstance instance, SqlManagementClient client, ArmRest rest, Duration timeout) {
        this.instance = instance;
        this.client = client;
        this.rest = rest;
        this.timeout = timeout;
    }

    StepResult apply(ManagedInstanceStep step, StepInputs inputs) {
        try {
            if (step instanceof UploadTrustCertificate s) {
                return uploadTrustCertificate(s, inputs);
            } else if (step instanceof DeleteTrustCertificate s) {
                return deleteTrustCertificate(s);
            } else if (step instanceof CreateManagedInstanceLink s) {
                return createLink(s);
            } else if (step instanceof DeleteManagedInstanceLink s) {
                return deleteLink(s);
            } else if (step instanceof SetLinkReplicationMode s) {
                return setReplicationMode(s);
            } else if (step instanceof FailoverManagedInstanceLink s) {
                return failover(s);
            } else if (step instanceof SetManagedInstanceRole s) {
                return setRole(s);
            }
            throw new LinkExecutionException(LinkErrorCode.INTERNAL, step.id(), Side.MANAGED_INSTANCE, null, null,
                    "no ARM implementation for " + step.getClass().getSimpleName(), "report this as a milink bug", null);
        } catch (LinkException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ArmErrorMapping.forStep(step, e);
        }
    }

    private StepResult uploadTrustCertificate(UploadTrustCertificate step, StepInputs inputs) {
        byte[] der = inputs.sqlServerCertificate().orElseThrow(() -> new LinkExecutionException(LinkErrorCode.STATE_CONFLICT,
                step.id(), Side.MANAGED_INSTANCE, null, null, "SQL Server's certificate [" + step.certificateName()
                + "] has not been read in this run", "run the SQL Server certificate step before uploading it", null));
        Optional<StepResult> settled = TrustPrecheck.settle(step, der, client.getServerTrustCertificates()
                .listByInstance(instance.resourceGroup(), instance.name()));
        if (settled.isPresent()) {
            return settled.get();
        }
        ServerTrustCertificateInner body = new ServerTrustCertificateInner().withPublicBlob(ArmJson.hex(der));
        String what = "PUT serverTrustCertificates/" + step.certificateName();
        LOG.info("{} on {}", what, instance.name());
        ArmRest.Reply reply = activation(client.getServerTrustCertificates().createOrUpdateWithResponseAsync(
                instance.resourceGroup(), instance.name(), step.certificateName(), body));
        rest.await(what, trustUrl(step.certificateName()), reply);
        return CreateOutcome.of(false, reply.status(), "server trust certificate " + step.certificateName(),
                "uploaded server trust certificate " + step.certificateName());
    }

    private StepResult deleteTrustCertificate(DeleteTrustCertificate step) {
        String what = "DELETE serverTrustCertificates/" + step.certificateName();
        ArmRest.Reply reply;
        try {
            reply = activation(client.getServerTrustCertificates().deleteWithResponseAsync(instance.resourceGroup(),
                    instance.name(), step.certificateName()));
        } catch (ManagementException e) {
            if (isGone(e)) {
                return StepResult.unchanged("server trust certificate " + step.certificateName() + " was already gone");
            }
            throw e;
        }
        if (reply.status() == 204) {
            return StepResult.unchanged("server trust certificate " + step.certificateName() + " was already gone");
        }
        LOG.info("{} on {}", what, instance.name());
        rest.await(what, trustUrl(step.certificateName()), reply);
        return StepResult.changed("removed server trust certificate " + step.certificateName());
    }

    private StepResult createLink(CreateManagedInstanceLink step) {
        String url = linkUrl(step.linkName());
        String what = "PUT distributedAvailabilityGroups/" + step.linkName();
        LOG.info("{} on {} (database {}, role {}, failoverMode {})", what, instance.name(), step.target().value(),
                step.instanceLinkRole().armValue(), step.failoverModeValue());
        boolean existed = findLink(step.linkName()).isPresent();
        ArmRest.Reply reply = rest.send("PUT", url, DagJson.createBody(step));
        rest.await(what, url, reply);
        return CreateOutcome.of(existed, reply.status(), "link " + step.linkName(), "created link " + step.linkName());
    }

    private StepResult deleteLink(DeleteManagedInstanceLink step) {
        String url = linkUrl(step.linkName());
        ArmRest.Reply reply;
        try {
            reply = rest.send("DELETE", url, null);
        } catch (ArmFailure e) {
            if (ArmErrorMapping.absent(e.status(), e.code())) {
                return StepResult.unchanged("link " + step.linkName() + " was already gone");
            }
            throw e;
        }
        if (reply.status() == 204) {
            return StepResult.unchanged("link " + step.linkName() + " was already gone");
        }
        LOG.info("DELETE distributedAvailabilityGroups/{} on {}", step.linkName(), instance.name());
        rest.await("DELETE distributedAvailabilityGroups/" + step.linkName(), url, reply);
        return StepResult.changed("deleted link " + step.linkName());
    }

    private StepResult setReplicationMode(SetLinkReplicationMode step) {
        LinkResourceState link = existingLink(step.linkName());
        if (link.replicationMode() == step.mode()) {
            return StepResult.unchanged("link " + step.linkName() + " already replicates " + step.mode().armValue());
        }
        String url = linkUrl(step.linkName());
        String what = "PATCH distributedAvailabilityGroups/" + step.linkName();
        LOG.info("{} replicationMode {} on {}", what, step.mode().armValue(), instance.name());
        rest.await(what, url, rest.send("PATCH", url, DagJson.replicationModeBody(step.mode())));
        return StepResult.changed("link " + step.linkName() + " now replicates " + step.mode().armValue());
    }

    private StepResult failover(FailoverManagedInstanceLink step) {
        LinkResourceState link = existingLink(step.linkName());
        // Like T-SQL, ARM's failover swaps the roles: planned is requested while the instance is primary and leaves
        // it secondary; forced is requested on the secondary and leaves it primary. Repeating a swap would undo
        // it, so a link already in the outcome's state is left alone.
        boolean planned = step.type() == FailoverType.PLANNED;
        LinkRole outcome = planned ? LinkRole.SECONDARY : LinkRole.PRIMARY;
        if (link.instanceRole() == outcome && (!planned || link.partnerRole().orElse(LinkRole.PRIMARY) == LinkRole.PRIMARY)) {
            return StepResult.unchanged("the Managed Instance already is " + outcome.armValue() + " in link " + step.linkName());
        }
        String url = linkUrl(step.linkName());
        String what = "POST distributedAvailabilityGroups/" + step.linkName() + "/failover";
        LOG.info("{} ({}) on {}", what, step.type().armValue(), instance.name());
        rest.await(what, url, rest.send("POST", action(step.linkName(), "failover"), DagJson.failoverBody(step.type().armValue())));
        return StepResult.changed("failed link " + step.linkName() + " over (" + step.type().armValue() + ")");
    }

    private StepResult setRole(SetManagedInstanceRole step) {
        LinkResourceState link = existingLink(step.linkName());
        String already = "the Managed Instance already is " + step.role().armValue() + " in link " + step.linkName();
        if (link.instanceRole() == step.role()) {
            return StepResult.unchanged(already);
        }
        String url = linkUrl(step.linkName());
        String what = "POST distributedAvailabilityGroups/" + step.linkName() + "/setRole";
        LOG.info("{} ({}, {}) on {}", what, step.role().armValue(), step.forced() ? "Forced" : "Planned", instance.name());
        try {
            rest.await(what, url, rest.send("POST", action(step.linkName(), "setRole"), DagJson.setRoleBody(step.role(), step.forced())));
        } catch (ArmFailure e) {
            // Someone else changed the role between our GET and POST: the goal is reached all the same.
            if ("DistributedAvailabilityGroupSetRoleInstanceAlreadyInRequestedRole".equals(e.code())) {
                return StepResult.unchanged(already);
            }
            throw e;
        }
        return StepResult.changed("the Managed Instance is now " + step.role().armValue() + " in link " + step.linkName());
    }

    /** GET one link; empty on 404 for the link itself (a missing instance or group still fails). */
    Optional<LinkResourceState> findLink(String name) {
        try {
            return Optional.of(DagJson.state(rest.get(linkUrl(name))));
        } catch (ArmFailure e) {
            if (ArmErrorMapping.absent(e.status(), e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private LinkResourceState existingLink(String name) {
        return findLink(name).orElseThrow(() -> new ArmFailure(404, "ResourceNotFound", "link " + name
                + " does not exist on managed instance " + instance.name(), null));
    }

    /** The first answer of a typed-client write, read in full, so {@link ArmRest#await} can follow it. */
    private ArmRest.Reply activation(Mono<Response<Flux<ByteBuffer>>> call) {
        Response<Flux<ByteBuffer>> response = call.block(timeout);
        if (response == null) {
            throw new ArmFailure(0, "InvalidResponse", "ARM sent no response", null);
        }
        byte[] body = response.getValue() == null ? null : FluxUtil.collectBytesInByteBufferStream(response.getValue()).block(timeout);
        return ArmRest.Reply.of(response.getStatusCode(), response.getHeaders(),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private static boolean isGone(ManagementException e) {
        return e.getResponse() != null && ArmErrorMapping.absent(e.getResponse().getStatusCode(),
                e.getValue() == null ? null : e.getValue().getCode());
    }

    private String linkUrl(String name) {
        return rest.url(instance.resourceId() + "/distributedAvailabilityGroups/" + ArmRest.segment(name), DagJson.API_VERSION);
    }

    private String action(String name, String action) {
        return rest.url(instance.resourceId() + "/distributedAvailabilityGroups/" + ArmRest.segment(name) + "/" + action,
                DagJson.API_VERSION);
    }

    private String trustUrl(String name) {
        return rest.url(instance.resourceId() + "/serverTrustCertificates/" + ArmRest.segment(name), "2021-11-01");
    }
}
