package dev.milink.testkit.arm;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and renders distributed availability groups in the schema of the request's api-version: the new
 * schema ({@code databases[]}, {@code partnerEndpoint}, ...; 2023-05-01-preview and later) or the old one
 * ({@code targetDatabase}, {@code sourceEndpoint}, {@code linkState}, ...; up to 2021-11-01 and, as a trap,
 * the 2023-08-01 stable version), which is what the typed azure-resourcemanager-sql 2.53.0 client speaks.
 */
final class DagJson {

    static final String TYPE = "Microsoft.Sql/managedInstances/distributedAvailabilityGroups";
    private static final LocalDate FIRST_NEW_SCHEMA = LocalDate.of(2023, 5, 1);

    private DagJson() {
    }

    /** @return true if the api-version uses the new schema; a missing or unparsable version counts as new */
    static boolean newSchema(String apiVersion) {
        if (apiVersion == null || apiVersion.length() < 10) {
            return true;
        }
        try {
            LocalDate date = LocalDate.parse(apiVersion.substring(0, 10));
            return !date.isBefore(FIRST_NEW_SCHEMA) && !"2023-08-01".equals(apiVersion);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    static LinkRequest parse(Object body, String apiVersion) {
        Map<String, Object> p = Json.child(Json.object(body, "request body"), "properties");
        if (p == null) {
            throw new ArmError(400, "InvalidParameterValue", "The request body must contain 'properties'.");
        }
        if (!newSchema(apiVersion)) {
            return new LinkRequest(List.of(required(p, "targetDatabase")), required(p, "sourceEndpoint"),
                    required(p, "primaryAvailabilityGroupName"), required(p, "secondaryAvailabilityGroupName"),
                    LinkRole.SECONDARY, "None", "Automatic", orDefault(Json.string(p, "replicationMode"), "Async"));
        }
        List<Object> dbs = Json.list(p, "databases");
        List<String> names = new ArrayList<>();
        if (dbs != null) {
            for (Object db : dbs) {
                names.add(required(Json.object(db, "databases[]"), "databaseName"));
            }
        }
        if (names.isEmpty()) {
            throw new ArmError(400, "InvalidParameterValue", "'properties.databases' must name at least one database.");
        }
        String role = Json.string(p, "instanceLinkRole");
        return new LinkRequest(List.copyOf(names), required(p, "partnerEndpoint"),
                required(p, "partnerAvailabilityGroupName"), required(p, "instanceAvailabilityGroupName"),
                role == null ? LinkRole.SECONDARY : LinkRole.parse(role),
                oneOf(orDefault(Json.string(p, "failoverMode"), "None"), "failoverMode", "None", "Manual"),
                oneOf(orDefault(Json.string(p, "seedingMode"), "Automatic"), "seedingMode", "Automatic", "Manual"),
                replicationMode(orDefault(Json.string(p, "replicationMode"), "Async")));
    }

    static String replicationMode(String value) {
        return oneOf(value, "replicationMode", "Async", "Sync");
    }

    private static String oneOf(String value, String name, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new ArmError(400, "InvalidParameterValue", "Invalid value '" + value + "' for '" + name + "'.");
    }

    private static String required(Map<String, Object> properties, String name) {
        String value = Json.string(properties, name);
        if (value == null || value.isBlank()) {
            throw new ArmError(400, "InvalidParameterValue", "'properties." + name + "' is required.");
        }
        return value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    static Map<String, Object> render(SimulatedLink link, String apiVersion) {
        Map<String, Object> p = newSchema(apiVersion) ? newProperties(link) : oldProperties(link);
        return ArmJson.resource(link.id(), link.name(), TYPE, p);
    }

    private static Map<String, Object> oldProperties(SimulatedLink link) {
        SimulatedLinkDatabase db = link.databases().get(0);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("targetDatabase", db.databaseName());
        p.put("sourceEndpoint", link.partnerEndpoint());
        p.put("primaryAvailabilityGroupName", link.partnerAvailabilityGroupName());
        p.put("secondaryAvailabilityGroupName", link.instanceAvailabilityGroupName());
        p.put("replicationMode", link.replicationMode());
        p.put("distributedAvailabilityGroupId", link.distributedAvailabilityGroupId().toString());
        p.put("sourceReplicaId", db.partnerReplicaId().toString());
        p.put("targetReplicaId", db.instanceReplicaId().toString());
        putIfPresent(p, "linkState", db.replicaState());
        putIfPresent(p, "lastHardenedLsn", lsn(db.lsn(SimulatedLinkDatabase.Lsn.HARDENED)));
        return p;
    }

    private static Map<String, Object> newProperties(SimulatedLink link) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("distributedAvailabilityGroupName", link.name());
        p.put("distributedAvailabilityGroupId", link.distributedAvailabilityGroupId().toString());
        p.put("replicationMode", link.replicationMode());
        p.put("partnerLinkRole", link.partnerLinkRole().wireName());
        p.put("partnerAvailabilityGroupName", link.partnerAvailabilityGroupName());
        p.put("partnerEndpoint", link.partnerEndpoint());
        p.put("instanceLinkRole", link.instanceLinkRole().wireName());
        p.put("instanceAvailabilityGroupName", link.instanceAvailabilityGroupName());
        p.put("failoverMode", link.failoverMode());
        p.put("seedingMode", link.seedingMode());
        List<Object> dbs = new ArrayList<>();
        link.databases().forEach(db -> dbs.add(database(db)));
        p.put("databases", dbs);
        return p;
    }

    private static Map<String, Object> database(SimulatedLinkDatabase db) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("databaseName", db.databaseName());
        d.put("instanceReplicaId", db.instanceReplicaId().toString());
        d.put("partnerReplicaId", db.partnerReplicaId().toString());
        putIfPresent(d, "replicaState", db.replicaState());
        putIfPresent(d, "seedingProgress", db.seedingProgress());
        putIfPresent(d, "synchronizationHealth", db.synchronizationHealth());
        putIfPresent(d, "connectedState", db.connectedState());
        for (SimulatedLinkDatabase.Lsn kind : SimulatedLinkDatabase.Lsn.values()) {
            putIfPresent(d, kind.jsonPrefix() + "Lsn", lsn(db.lsn(kind)));
            putIfPresent(d, kind.jsonPrefix() + "Time", ArmJson.time(db.lsnTime(kind)));
        }
        putIfPresent(d, "mostRecentLinkError", db.mostRecentLinkError());
        if (db.partnerAuthCertName() != null) {
            Map<String, Object> validity = new LinkedHashMap<>();
            validity.put("certificateName", db.partnerAuthCertName());
            putIfPresent(validity, "expiryDate", ArmJson.time(db.partnerAuthCertExpiry()));
            d.put("partnerAuthCertValidity", validity);
        }
        putIfPresent(d, "instanceSendReplicationLagSeconds", db.sendLagSeconds());
        putIfPresent(d, "instanceRedoReplicationLagSeconds", db.redoLagSeconds());
        return d;
    }

    private static String lsn(BigInteger value) {
        return value == null ? null : value.toString();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
