package dev.milink.azure;

import dev.milink.LinkRole;
import dev.milink.arm.ArmValues;
import dev.milink.state.LinkDatabaseState;
import dev.milink.state.LinkResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads distributed availability groups (links) in the new schema into {@link LinkResourceState}. The requests
 * are {@code ArmRequests}'; ARM's spellings are {@link ArmValues}', which reject values milink does not know.
 */
final class DagJson {

    private DagJson() {
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
                ArmValues.linkRole("instanceLinkRole", ArmJson.string(p, "instanceLinkRole")).orElse(LinkRole.SECONDARY),
                ArmValues.linkRole("partnerLinkRole", ArmJson.string(p, "partnerLinkRole")),
                ArmValues.replicationMode(ArmJson.string(p, "replicationMode")),
                ArmValues.failoverMode(ArmJson.string(p, "failoverMode")), databases);
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
}
