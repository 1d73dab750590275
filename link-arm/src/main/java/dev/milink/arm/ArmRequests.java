package dev.milink.arm;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.port.StepInputs;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.SetManagedInstanceRole;
import dev.milink.step.UploadTrustCertificate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one ARM request of each Managed Instance step. The script prints {@link #forScript} and the Azure adapter
 * sends {@link #forRun}; both come from the same visitor, so they differ only in the one value learned at run time
 * (SQL Server's certificate public key), which the script shows as a placeholder.
 */
public final class ArmRequests {

    /** The api-version of every write milink makes: the newest stable one with the new link schema, failover and setRole. */
    public static final String API_VERSION = "2025-01-01";

    /** What the script shows where SQL Server's public key goes: the script prints the key in an earlier step. */
    public static final String PUBLIC_KEY_PLACEHOLDER = "<SQLServerPublicKey printed above>";

    private ArmRequests() {
    }

    /**
     * @param step a Managed Instance step
     * @param instanceResourceId the Managed Instance's ARM resource id
     * @return the request as the script prints it
     */
    public static ArmRequest forScript(ManagedInstanceStep step, String instanceResourceId) {
        return step.accept(new Renderer(Objects.requireNonNull(instanceResourceId, "instanceResourceId"), Optional.empty()));
    }

    /**
     * @param step a Managed Instance step
     * @param instanceResourceId the Managed Instance's ARM resource id
     * @param inputs the values learned so far in the run
     * @return the request exactly as the adapter sends it
     * @throws LinkException when the step needs a value the run has not learned yet
     */
    public static ArmRequest forRun(ManagedInstanceStep step, String instanceResourceId, StepInputs inputs) {
        Objects.requireNonNull(inputs, "inputs");
        return step.accept(new Renderer(Objects.requireNonNull(instanceResourceId, "instanceResourceId"), Optional.of(inputs)));
    }

    /**
     * @param segment one path segment, such as a link name
     * @return it percent-encoded (link names may hold {@code #}, {@code @}, {@code $}, spaces)
     */
    public static String segment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Renders per step kind; a new Managed Instance step kind does not compile until it has its request. */
    private record Renderer(String instance, Optional<StepInputs> inputs) implements ManagedInstanceStep.Visitor<ArmRequest> {

        @Override
        public ArmRequest visit(UploadTrustCertificate step) {
            String blob = inputs.isEmpty() ? PUBLIC_KEY_PLACEHOLDER
                    : HexFormat.of().withUpperCase().formatHex(inputs.get().sqlServerCertificate().orElseThrow(() ->
                            new LinkException(LinkErrorCode.STATE_CONFLICT, "SQL Server's certificate [" + step.certificateName()
                                    + "] has not been read in this run", "run the SQL Server certificate step before uploading it")));
            return request("PUT", trust(step.certificateName()), JsonText.object().put("properties",
                    JsonText.object().put("publicBlob", blob)));
        }

        @Override
        public ArmRequest visit(CreateManagedInstanceLink step) {
            JsonText properties = JsonText.object()
                    .putArray("databases", List.of(JsonText.object().put("databaseName", step.target().value())))
                    .put("partnerEndpoint", step.partnerEndpoint().toString())
                    .put("partnerAvailabilityGroupName", step.partnerAvailabilityGroup())
                    .put("instanceAvailabilityGroupName", step.instanceAvailabilityGroup())
                    .put("instanceLinkRole", ArmValues.of(step.instanceLinkRole()))
                    .put("failoverMode", ArmValues.failoverMode(step.manualFailover()))
                    .put("seedingMode", ArmValues.of(step.seedingMode()));
            return request("PUT", link(step.linkName()), JsonText.object().put("properties", properties));
        }

        @Override
        public ArmRequest visit(DeleteManagedInstanceLink step) {
            return request("DELETE", link(step.linkName()), null);
        }

        @Override
        public ArmRequest visit(DeleteTrustCertificate step) {
            return request("DELETE", trust(step.certificateName()), null);
        }

        @Override
        public ArmRequest visit(SetLinkReplicationMode step) {
            // replicationMode is the one property ARM lets a link update.
            return request("PATCH", link(step.linkName()), JsonText.object().put("properties",
                    JsonText.object().put("replicationMode", ArmValues.of(step.mode()))));
        }

        @Override
        public ArmRequest visit(FailoverManagedInstanceLink step) {
            return request("POST", link(step.linkName()) + "/failover",
                    JsonText.object().put("failoverType", ArmValues.of(step.type())));
        }

        @Override
        public ArmRequest visit(SetManagedInstanceRole step) {
            // ARM requires both properties.
            return request("POST", link(step.linkName()) + "/setRole", JsonText.object()
                    .put("instanceRole", ArmValues.of(step.role())).put("roleChangeType", ArmValues.roleChangeType(step.forced())));
        }

        private String link(String name) {
            return instance + "/distributedAvailabilityGroups/" + segment(name);
        }

        private String trust(String name) {
            return instance + "/serverTrustCertificates/" + segment(name);
        }

        private static ArmRequest request(String method, String path, JsonText body) {
            return new ArmRequest(method, path, API_VERSION, Optional.ofNullable(body).map(JsonText::toString));
        }
    }
}
