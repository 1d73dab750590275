package dev.milink.jdbc.internal;

import static dev.milink.tsql.internal.ObservationQueries.*;
import static dev.milink.jdbc.internal.Rows.bytes;
import static dev.milink.jdbc.internal.Rows.flag;
import static dev.milink.jdbc.internal.Rows.instant;
import static dev.milink.jdbc.internal.Rows.lsn;
import static dev.milink.jdbc.internal.Rows.number;
import static dev.milink.jdbc.internal.Rows.optionalNumber;
import static dev.milink.jdbc.internal.Rows.text;

import dev.milink.LinkRole;
import dev.milink.state.AvailabilityGroupState;
import dev.milink.state.CertificateState;
import dev.milink.state.DatabaseReplicaState;
import dev.milink.state.DatabaseState;
import dev.milink.state.EndpointState;
import dev.milink.state.LogState;
import dev.milink.state.ReplicaState;
import dev.milink.state.SeedingState;
import dev.milink.state.ServerFacts;
import dev.milink.state.SqlServerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns the rows of {@link ObservationQueries#batch} into a {@link SqlServerState}, joining in Java. */
public final class ObservationReader {

    private ObservationReader() {
    }

    /**
     * @param rows the batch's rows by tag
     * @return the observed state
     */
    public static SqlServerState read(Rows rows) {
        Map<String, Object> facts = rows.of(FACTS).stream().findFirst().orElse(Map.of());
        Set<Integer> flags = new HashSet<>();
        for (Map<String, Object> row : rows.of(TRACE_STATUS)) {
            if (flag(row, "global")) {
                flags.add((int) number(row, "traceflag", -1));
            }
        }
        ServerFacts server = new ServerFacts(text(facts, "server_name"), text(facts, "product_version"),
                text(facts, "edition"), (int) number(facts, "engine_edition", 0), flag(facts, "hadr_enabled"),
                text(facts, "collation"), flag(facts, "is_sysadmin"), flags, !rows.of(MASTER_KEY).isEmpty());
        Map<Long, String> databaseNames = new HashMap<>();
        Map<String, String> groupDatabaseNames = new HashMap<>();
        for (Map<String, Object> row : rows.of(DATABASES)) {
            databaseNames.put(number(row, "database_id", -1), text(row, "name"));
            if (text(row, "group_database_id") != null) {
                groupDatabaseNames.put(key(row, "group_database_id"), text(row, "name"));
            }
        }
        Map<String, String> groupNames = new HashMap<>();
        Map<String, Boolean> distributed = new HashMap<>();
        for (Map<String, Object> row : rows.of(GROUPS)) {
            groupNames.put(key(row, "group_id"), text(row, "name"));
            distributed.put(key(row, "group_id"), flag(row, "is_distributed"));
        }
        Map<String, String> groupOfDatabase = new HashMap<>();
        for (Map<String, Object> row : rows.of(GROUP_DATABASES)) {
            String group = groupNames.get(key(row, "group_id"));
            if (group != null && !distributed.getOrDefault(key(row, "group_id"), false)) {
                groupOfDatabase.put(text(row, "database_name"), group);
            }
        }
        List<DatabaseState> databases = readDatabases(rows, groupOfDatabase);
        List<AvailabilityGroupState> groups = readGroups(rows, groupNames, distributed, databaseNames);
        Instant observedAt = instant(facts, "observed_at").orElse(Instant.EPOCH);
        return new SqlServerState(server, databases, readCertificates(rows), readEndpoint(rows), groups,
                readSeeding(rows, groupDatabaseNames), observedAt, readLogs(rows, databases));
    }

    private static String key(Map<String, Object> row, String column) {
        String v = text(row, column);
        return v == null ? "" : v.toLowerCase(java.util.Locale.ROOT);
    }

    private static List<DatabaseState> readDatabases(Rows rows, Map<String, String> groupOfDatabase) {
        Map<Long, Integer> logFiles = new HashMap<>();
        rows.of(LOG_FILES).forEach(r -> logFiles.merge(number(r, "database_id", -1), 1, Integer::sum));
        Set<String> backedUp = new HashSet<>();
        rows.of(BACKUPS).forEach(r -> backedUp.add(text(r, "database_name")));
        List<DatabaseState> out = new ArrayList<>();
        for (Map<String, Object> row : rows.of(DATABASES)) {
            String name = text(row, "name");
            out.add(new DatabaseState(name, text(row, "state_desc"), text(row, "recovery_model_desc"),
                    backedUp.contains(name), logFiles.getOrDefault(number(row, "database_id", -1), 0),
                    Optional.ofNullable(groupOfDatabase.get(name))));
        }
        return out;
    }

    private static List<LogState> readLogs(Rows rows, List<DatabaseState> databases) {
        Map<String, Instant> lastLogBackup = new HashMap<>();
        rows.of(LOG_BACKUPS).forEach(r -> instant(r, "last_log").ifPresent(t -> lastLogBackup.put(text(r, "database_name"), t)));
        Map<String, Double> usedPercent = new HashMap<>();
        for (Map<String, Object> r : rows.of(LOG_SPACE)) {
            Object used = r.get("log space used (%)");
            if (used instanceof Number n) {
                usedPercent.put(text(r, "database name"), n.doubleValue());
            }
        }
        List<LogState> out = new ArrayList<>();
        for (DatabaseState db : databases) {
            Instant last = lastLogBackup.get(db.name());
            out.add(new LogState(db.name(), Optional.ofNullable(usedPercent.get(db.name())),
                    last == null ? List.of() : List.of(last)));
        }
        return out;
    }

    private static List<CertificateState> readCertificates(Rows rows) {
        List<CertificateState> out = new ArrayList<>();
        for (Map<String, Object> row : rows.of(CERTIFICATES)) {
            out.add(new CertificateState(text(row, "name"), String.valueOf(text(row, "subject")),
                    instant(row, "expiry_date").orElse(Instant.MAX), "MK".equalsIgnoreCase(text(row, "pvt_key_encryption_type")),
                    bytes(row, "encoded")));
        }
        return out;
    }

    private static Optional<EndpointState> readEndpoint(Rows rows) {
        Map<String, Long> ports = new HashMap<>();
        rows.of(TCP_ENDPOINTS).forEach(r -> ports.put(key(r, "endpoint_id"), number(r, "port", 0)));
        Map<String, String> certificateNames = new HashMap<>();
        rows.of(CERTIFICATES).forEach(r -> certificateNames.put(key(r, "certificate_id"), text(r, "name")));
        return rows.of(ENDPOINTS).stream().findFirst().map(row -> new EndpointState(text(row, "name"),
                ports.getOrDefault(key(row, "endpoint_id"), 0L).intValue(), text(row, "state_desc"),
                text(row, "connection_auth_desc"), certificateNames.get(key(row, "certificate_id")),
                flag(row, "is_encryption_enabled"), text(row, "encryption_algorithm_desc")));
    }

    private static List<AvailabilityGroupState> readGroups(Rows rows, Map<String, String> groupNames,
            Map<String, Boolean> distributed, Map<Long, String> databaseNames) {
        Map<String, Map<String, Object>> states = new HashMap<>();
        rows.of(REPLICA_STATES).forEach(r -> states.put(key(r, "replica_id"), r));
        Map<String, List<DatabaseReplicaState>> databaseStates = new HashMap<>();
        for (Map<String, Object> r : rows.of(DATABASE_REPLICA_STATES)) {
            String name = databaseNames.get(number(r, "database_id", -1));
            if (name == null) {
                continue;
            }
            databaseStates.computeIfAbsent(key(r, "replica_id"), k -> new ArrayList<>()).add(new DatabaseReplicaState(name,
                    text(r, "synchronization_state_desc"), text(r, "synchronization_health_desc"),
                    lsn(r, "last_hardened_lsn"), lsn(r, "end_of_log_lsn"), number(r, "log_send_queue_size", 0),
                    number(r, "redo_queue_size", 0), optionalNumber(r, "secondary_lag_seconds")));
        }
        Map<String, List<ReplicaState>> replicasByGroup = new HashMap<>();
        for (Map<String, Object> r : rows.of(REPLICAS)) {
            Map<String, Object> state = states.getOrDefault(key(r, "replica_id"), Map.of());
            String role = text(state, "role_desc");
            Optional<LinkRole> linkRole = "PRIMARY".equalsIgnoreCase(role) ? Optional.of(LinkRole.PRIMARY)
                    : "SECONDARY".equalsIgnoreCase(role) ? Optional.of(LinkRole.SECONDARY) : Optional.empty();
            Optional<Long> error = optionalNumber(state, "last_connect_error_number").filter(n -> n != 0);
            replicasByGroup.computeIfAbsent(key(r, "group_id"), k -> new ArrayList<>()).add(new ReplicaState(
                    text(r, "replica_server_name"), text(r, "endpoint_url"), text(r, "availability_mode_desc"),
                    flag(state, "is_local"), linkRole, String.valueOf(text(state, "connected_state_desc")),
                    String.valueOf(text(state, "synchronization_health_desc")), error.map(Long::intValue),
                    String.valueOf(text(state, "last_connect_error_description")),
                    databaseStates.getOrDefault(key(r, "replica_id"), List.of())));
        }
        List<AvailabilityGroupState> out = new ArrayList<>();
        for (Map.Entry<String, String> group : groupNames.entrySet()) {
            List<String> dbs = rows.of(GROUP_DATABASES).stream().filter(r -> key(r, "group_id").equals(group.getKey()))
                    .map(r -> text(r, "database_name")).toList();
            out.add(new AvailabilityGroupState(group.getValue(), distributed.getOrDefault(group.getKey(), false), dbs,
                    replicasByGroup.getOrDefault(group.getKey(), List.of())));
        }
        out.sort(java.util.Comparator.comparing(AvailabilityGroupState::name));
        return out;
    }

    private static List<SeedingState> readSeeding(Rows rows, Map<String, String> groupDatabaseNames) {
        Map<String, Map<String, Object>> stats = new HashMap<>();
        rows.of(SEEDING_STATS).forEach(r -> stats.put(key(r, "local_physical_seeding_id"), r));
        List<SeedingState> out = new ArrayList<>();
        for (Map<String, Object> r : rows.of(SEEDING)) {
            Map<String, Object> s = stats.getOrDefault(key(r, "operation_id"), Map.of());
            String database = Optional.ofNullable(text(s, "local_database_name")).orElse(
                    groupDatabaseNames.get(key(r, "ag_db_id")));
            if (database == null) {
                continue;
            }
            out.add(new SeedingState(database, text(r, "current_state"),
                    optionalNumber(r, "failure_state").map(Long::intValue), String.valueOf(text(r, "failure_state_desc")),
                    number(s, "database_size_bytes", 0), number(s, "transferred_size_bytes", 0),
                    number(s, "transfer_rate_bytes_per_second", 0), instant(r, "start_time"),
                    instant(s, "estimate_time_complete_utc")));
        }
        return out;
    }
}
