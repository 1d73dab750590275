package dev.milink.azure;

import dev.milink.LinkRole;
import dev.milink.ReplicationMode;
import dev.milink.state.LinkDatabaseState;
import dev.milink.state.LinkResourceState;
import dev.milink.step.CreateManagedInstanceLink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Distributed availability groups (links) in the api-version 2025-01-01 schema: request bodies for create,
 * update, failover and setRole, and the mapping of a resource to {@link LinkResourceState}.
 */
final class DagJson {

    /** The newest stable api-version with the new schema, failover and setRole (docs/LINK-FACTS.md section 9.1). */
    static final String API_VERSION = "2025-01-01";

    private DagJson() {
    }

    /** @return the PUT body: {@code databases[]}, partner and instance groups, roles, failover and seeding modes */
    static String createBody(CreateManagedInstanceLink step) {
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("databaseName", step.target().value());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("databases", List.of(database));
        p.put("partnerEndpoint", step.partnerEndpoint().toString());
        p.put("partnerAvailabilityGroupName", step.partnerAvailabilityGroup());
        p.put("instanceAvailabilityGroupName", step.instanceAvailabilityGroup());
        p.put("instanceLinkRole", step.instanceLinkRole().armValue());
        p.put("failoverMode", step.failoverModeValue());
        p.put("seedingMode", step.seedingMode().armValue());
        return ArmJson.write(Map.of("properties", p));
    }

    /** @return the PATCH body changing only {@code replicationMode}, the one property ARM lets a link update */
    static String replicationModeBody(ReplicationMode mode) {
        return ArmJson.write(Map.of("properties", Map.of("replicationMode", mode.armValue())));
    }

    /** @return the POST {@code /failover} body */
    static String failoverBody(String failoverType) {
        return ArmJson.write(Map.of("failoverType", failoverType));
    }

    /** @return the POST {@code /setRole} body; both properties are required by ARM */
    static String setRoleBody(LinkRole role, boolean forced) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instanceRole", role.armValue());
        body.put("roleChangeType", forced ? "Forced" : "Planned");
        return ArmJson.write(body);
    }

    /**
     * @param resource a link resource as ARM returns it
     * @return its state
     */
    static LinkResourceState state(Map<String, Object> resource) {
        Map<String, Object> p = ArmJson.child(resource, "properties");
        String name = ArmJson.string(resource, "name");
        if (name == null) {
            name = ArmJson.string(p, "distributedAvailabilityGroupName");
        }
        List<LinkDatabaseState> databases = new ArrayList<>();
        for (Object item : ArmJson.list(p, "databases")) {
            databases.add(database(ArmJson.asObject(item)));
        }
        return new LinkResourceState(name, ArmJson.string(p, "partnerEndpoint"),
                ArmJson.string(p, "partnerAvailabilityGroupName"), ArmJson.string(p, "instanceAvailabilityGroupName"),
                // A link created without instanceLinkRole has the instance as secondary (ARM's default).
                role(ArmJson.string(p, "instanceLinkRole")).orElse(LinkRole.SECONDARY),
                role(ArmJson.string(p, "partnerLinkRole")),
                "Sync".equalsIgnoreCase(ArmJson.string(p, "replicationMode")) ? ReplicationMode.SYNC : ReplicationMode.ASYNC,
                Optional.ofNullable(ArmJson.string(p, "failoverMode")).orElse("None"), databases);
    }

    private static LinkDatabaseState database(Map<String, Object> d) {
        Map<String, Object> validity = ArmJson.child(d, "partnerAuthCertValidity");
        return new LinkDatabaseState(ArmJson.string(d, "databaseName"), ArmJson.string(d, "replicaState"),
                percent(ArmJson.string(d, "seedingProgress")), ArmJson.string(d, "synchronizationHealth"),
                ArmJson.string(d, "connectedState"), ArmJson.lsn(d, "lastHardenedLsn"), ArmJson.time(d, "lastHardenedTime"),
                Optional.ofNullable(ArmJson.string(d, "mostRecentLinkError")).filter(s -> !s.isBlank()),
                ArmJson.time(validity, "expiryDate"), ArmJson.whole(d, "instanceSendReplicationLagSeconds"),
                ArmJson.whole(d, "instanceRedoReplicationLagSeconds"));
    }

    /** @return the percent of a {@code seedingProgress} such as {@code 80%}, {@code 80} or {@code 80.5 %} */
    static Optional<Integer> percent(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.replace("%", "").trim();
        try {
            return digits.isEmpty() ? Optional.empty() : Optional.of((int) Math.floor(Double.parseDouble(digits)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LinkRole> role(String value) {
        if ("Primary".equalsIgnoreCase(value)) {
            return Optional.of(LinkRole.PRIMARY);
        }
        if ("Secondary".equalsIgnoreCase(value)) {
            return Optional.of(LinkRole.SECONDARY);
        }
        return Optional.empty();
    }
}
