package dev.milink.azure;

import dev.milink.FailoverType;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.LinkRole;
import dev.milink.ManagedInstance;
import dev.milink.arm.ArmRequest;
import dev.milink.arm.ArmRequests;
import dev.milink.arm.ArmValues;
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
import dev.milink.LinkErrorCode;
import dev.milink.state.TrustCertificateState;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write steps. Each sends exactly {@link ArmRequests#forRun}, the request the script prints, through the SDK's
 * pipeline. A creating PUT is preceded by one read (GET the link; LIST the trust certificates, which also settles
 * duplicates, see {@link TrustPrecheck}), because ARM may answer a fresh create 202 Accepted just as it answers a
 * re-apply: "created" is decided from that prior absence ({@link CreateOutcome}), so a rollback removes what this run
 * created, whatever the status, and never a certificate or link the user already had. Steps whose repetition would
 * act twice (replication mode, failover, setRole) read the link first and do nothing when it is already in the
 * wanted state.
 */
final class ArmWrites {

    private static final Logger LOG = LoggerFactory.getLogger(ArmWrites.class);

    private final ManagedInstance instance;
    private final ArmRest rest;
    private final Supplier<List<TrustCertificateState>> trustCertificates;

    ArmWrites(ManagedInstance instance, ArmRest rest, Supplier<List<TrustCertificateState>> trustCertificates) {
        this.instance = instance;
        this.rest = rest;
        this.trustCertificates = trustCertificates;
    }

    StepResult apply(ManagedInstanceStep step, StepInputs inputs) {
        try {
            return step.accept(new Write(request(step, inputs), inputs));
        } catch (LinkExecutionException e) {
            throw e;
        } catch (LinkException e) {
            // A read a write needs first (the trust list, the link) failed: the error belongs to this step.
            throw LinkExecutionException.of(step.id(), Side.MANAGED_INSTANCE, e);
        } catch (RuntimeException e) {
            throw ArmErrorMapping.forStep(step, e);
        }
    }

    /** The request the script printed, with the run's values; a value the run lacks fails at this step, before any call. */
    private ArmRequest request(ManagedInstanceStep step, StepInputs inputs) {
        try {
            return ArmRequests.forRun(step, instance.resourceId(), inputs);
        } catch (LinkException e) {
            throw LinkExecutionException.of(step.id(), Side.MANAGED_INSTANCE, e);
        }
    }

    /** How each step kind sends its request and reads the answer; a new kind does not compile until it has one. */
    private final class Write implements ManagedInstanceStep.Visitor<StepResult> {

        private final ArmRequest request;
        private final StepInputs inputs;
        private final String what;

        Write(ArmRequest request, StepInputs inputs) {
            this.inputs = inputs;
            this.request = request;
            this.what = request.method() + " " + request.path().substring(instance.resourceId().length() + 1);
        }

        @Override
        public StepResult visit(UploadTrustCertificate step) {
            byte[] der = inputs.sqlServerCertificate().orElseThrow(() -> LinkExecutionException.of(step.id(),
                    Side.MANAGED_INSTANCE, new LinkException(LinkErrorCode.STATE_CONFLICT, "SQL Server's certificate ["
                    + step.certificateName() + "] has not been read in this run",
                    "run the SQL Server certificate step before uploading it")));
            Optional<StepResult> settled = TrustPrecheck.settle(step, der, trustCertificates.get());
            if (settled.isPresent()) {
                return settled.get();
            }
            LOG.info("{} on {}", what, instance.name());
            ArmRest.Reply reply = send();
            rest.await(what, resourceUrl(), reply);
            return CreateOutcome.of(false, reply.status(), "server trust certificate " + step.certificateName(),
                    "uploaded server trust certificate " + step.certificateName());
        }

        @Override
        public StepResult visit(DeleteTrustCertificate step) {
            String gone = "server trust certificate " + step.certificateName() + " was already gone";
            Optional<ArmRest.Reply> reply = delete();
            if (reply.isEmpty()) {
                return StepResult.unchanged(gone);
            }
            LOG.info("{} on {}", what, instance.name());
            rest.await(what, resourceUrl(), reply.get());
            return StepResult.changed("removed server trust certificate " + step.certificateName());
        }

        @Override
        public StepResult visit(CreateManagedInstanceLink step) {
            LOG.info("{} on {} (database {}, role {}, failoverMode {})", what, instance.name(), step.target().value(),
                    ArmValues.of(step.instanceLinkRole()), ArmValues.failoverMode(step.manualFailover()));
            boolean existed = findLink(step.linkName()).isPresent();
            ArmRest.Reply reply = send();
            rest.await(what, resourceUrl(), reply);
            return CreateOutcome.of(existed, reply.status(), "link " + step.linkName(), "created link " + step.linkName());
        }

        @Override
        public StepResult visit(DeleteManagedInstanceLink step) {
            Optional<ArmRest.Reply> reply = delete();
            if (reply.isEmpty()) {
                return StepResult.unchanged("link " + step.linkName() + " was already gone");
            }
            LOG.info("{} on {}", what, instance.name());
            rest.await(what, resourceUrl(), reply.get());
            return StepResult.changed("deleted link " + step.linkName());
        }

        @Override
        public StepResult visit(SetLinkReplicationMode step) {
            String mode = ArmValues.of(step.mode());
            if (existingLink(step.linkName()).replicationMode() == step.mode()) {
                return StepResult.unchanged("link " + step.linkName() + " already replicates " + mode);
            }
            LOG.info("{} replicationMode {} on {}", what, mode, instance.name());
            rest.await(what, resourceUrl(), send());
            return StepResult.changed("link " + step.linkName() + " now replicates " + mode);
        }

        @Override
        public StepResult visit(FailoverManagedInstanceLink step) {
            LinkResourceState link = existingLink(step.linkName());
            // Like T-SQL, ARM's failover swaps the roles: planned is requested while the instance is primary and leaves
            // it secondary; forced is requested on the secondary and leaves it primary. Repeating a swap would undo
            // it, so a link already in the outcome's state is left alone.
            boolean planned = step.type() == FailoverType.PLANNED;
            LinkRole outcome = planned ? LinkRole.SECONDARY : LinkRole.PRIMARY;
            if (link.instanceRole() == outcome && (!planned || link.partnerRole().orElse(LinkRole.PRIMARY) == LinkRole.PRIMARY)) {
                return StepResult.unchanged("the Managed Instance already is " + ArmValues.of(outcome) + " in link " + step.linkName());
            }
            LOG.info("{} ({}) on {}", what, ArmValues.of(step.type()), instance.name());
            rest.await(what, linkUrl(step.linkName()), send());
            return StepResult.changed("failed link " + step.linkName() + " over (" + ArmValues.of(step.type()) + ")");
        }

        @Override
        public StepResult visit(SetManagedInstanceRole step) {
            String role = ArmValues.of(step.role());
            String already = "the Managed Instance already is " + role + " in link " + step.linkName();
            if (existingLink(step.linkName()).instanceRole() == step.role()) {
                return StepResult.unchanged(already);
            }
            LOG.info("{} ({}, {}) on {}", what, role, ArmValues.roleChangeType(step.forced()), instance.name());
            try {
                rest.await(what, linkUrl(step.linkName()), send());
            } catch (ArmFailure e) {
                // Someone else changed the role between our GET and POST: the goal is reached all the same.
                if ("DistributedAvailabilityGroupSetRoleInstanceAlreadyInRequestedRole".equals(e.code())) {
                    return StepResult.unchanged(already);
                }
                throw e;
            }
            return StepResult.changed("the Managed Instance is now " + role + " in link " + step.linkName());
        }

        private ArmRest.Reply send() {
            return rest.send(request.method(), resourceUrl(), request.body().orElse(null));
        }

        /** @return the answer, or empty when the resource was already gone (404 on it, or 204) */
        private Optional<ArmRest.Reply> delete() {
            ArmRest.Reply reply;
            try {
                reply = send();
            } catch (ArmFailure e) {
                if (ArmErrorMapping.absent(e.status(), e.code())) {
                    return Optional.empty();
                }
                throw e;
            }
            return reply.status() == 204 ? Optional.empty() : Optional.of(reply);
        }

        private String resourceUrl() {
            return rest.url(request.path(), request.apiVersion());
        }
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

    private String linkUrl(String name) {
        return rest.url(instance.resourceId() + "/distributedAvailabilityGroups/" + ArmRequests.segment(name), ArmRequests.API_VERSION);
    }
}
