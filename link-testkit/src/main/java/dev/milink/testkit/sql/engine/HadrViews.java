package dev.milink.testkit.sql.engine;

import static dev.milink.testkit.sql.SqlType.BIGINT;
import static dev.milink.testkit.sql.SqlType.BIT;
import static dev.milink.testkit.sql.SqlType.DATETIME2;
import static dev.milink.testkit.sql.SqlType.DECIMAL;
import static dev.milink.testkit.sql.SqlType.INT;
import static dev.milink.testkit.sql.SqlType.NVARCHAR;
import static dev.milink.testkit.sql.SqlType.TINYINT;
import static dev.milink.testkit.sql.SqlType.UNIQUEIDENTIFIER;

import dev.milink.testkit.sql.catalog.AvailabilityGroupInfo;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import dev.milink.testkit.sql.catalog.DatabaseReplicaInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import dev.milink.testkit.sql.catalog.ReplicaInfo;
import dev.milink.testkit.sql.catalog.SeedingInfo;
import java.time.LocalDateTime;
import java.util.Optional;

/** Always On catalog views and DMVs computed from the catalog. */
final class HadrViews {

    private HadrViews() {
    }

    /** @return the view or null when unknown */
    static Relation view(ExecContext ctx, String name) {
        HadrCatalog c = ctx.catalog();
        return switch (name) {
            case "availability_groups" -> groups(c);
            case "availability_replicas" -> replicas(c);
            case "availability_databases_cluster" -> databasesCluster(c);
            case "dm_hadr_availability_replica_states" -> replicaStates(c);
            case "dm_hadr_database_replica_states" -> databaseReplicaStates(c);
            case "dm_hadr_automatic_seeding" -> automaticSeeding(c);
            case "dm_hadr_physical_seeding_stats" -> physicalSeeding(c);
            default -> null;
        };
    }

    private static Relation groups(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("availability_groups").col("group_id", UNIQUEIDENTIFIER)
                .col("name", NVARCHAR).col("resource_id", NVARCHAR).col("is_distributed", BIT)
                .col("cluster_type", TINYINT).col("cluster_type_desc", NVARCHAR).col("basic_features", BIT)
                .col("required_synchronized_secondaries_to_commit", INT);
        for (AvailabilityGroupInfo g : c.groups().all()) {
            String type = g.clusterType().toLowerCase(java.util.Locale.ROOT);
            b.row(g.groupId(), g.name(), null, g.distributed(), "wsfc".equals(type) ? 0 : "none".equals(type) ? 1 : 2,
                    type, false, 0);
        }
        return b.build();
    }

    private static Relation replicas(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("availability_replicas").col("replica_id", UNIQUEIDENTIFIER)
                .col("group_id", UNIQUEIDENTIFIER).col("replica_server_name", NVARCHAR).col("endpoint_url", NVARCHAR)
                .col("availability_mode", TINYINT).col("availability_mode_desc", NVARCHAR).col("failover_mode", TINYINT)
                .col("failover_mode_desc", NVARCHAR).col("seeding_mode", TINYINT).col("seeding_mode_desc", NVARCHAR)
                .col("session_timeout", INT);
        for (AvailabilityGroupInfo g : c.groups().all()) {
            for (ReplicaInfo r : g.replicas()) {
                b.row(r.replicaId(), g.groupId(), r.serverName(), r.endpointUrl(),
                        "SYNCHRONOUS_COMMIT".equals(r.availabilityMode()) ? 1 : 0, r.availabilityMode(),
                        "AUTOMATIC".equals(r.failoverMode()) ? 0 : 1, r.failoverMode(),
                        "AUTOMATIC".equals(r.seedingMode()) ? 0 : 1, r.seedingMode(),
                        r.sessionTimeout() == null ? 10 : r.sessionTimeout());
            }
        }
        return b.build();
    }

    private static Relation databasesCluster(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("availability_databases_cluster").col("group_id", UNIQUEIDENTIFIER)
                .col("group_database_id", UNIQUEIDENTIFIER).col("database_name", NVARCHAR)
                .col("truncation_lsn", DECIMAL);
        for (AvailabilityGroupInfo g : c.groups().all()) {
            for (String db : g.databases()) {
                b.row(g.groupId(), groupDatabaseId(c, db), db, null);
            }
        }
        return b.build();
    }

    private static java.util.UUID groupDatabaseId(HadrCatalog c, String db) {
        return c.database(db).map(DatabaseInfo::stableId)
                .orElse(java.util.UUID.nameUUIDFromBytes(db.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Relation replicaStates(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("dm_hadr_availability_replica_states")
                .col("replica_id", UNIQUEIDENTIFIER).col("group_id", UNIQUEIDENTIFIER).col("is_local", BIT)
                .col("role", TINYINT).col("role_desc", NVARCHAR).col("operational_state", TINYINT)
                .col("operational_state_desc", NVARCHAR).col("connected_state", TINYINT)
                .col("connected_state_desc", NVARCHAR).col("recovery_health_desc", NVARCHAR)
                .col("synchronization_health", TINYINT).col("synchronization_health_desc", NVARCHAR)
                .col("last_connect_error_number", INT).col("last_connect_error_description", NVARCHAR)
                .col("last_connect_error_timestamp", DATETIME2);
        for (AvailabilityGroupInfo g : c.groups().all()) {
            for (ReplicaInfo r : g.replicas()) {
                boolean connected = r.local() || "CONNECTED".equals(r.connectedState());
                b.row(r.replicaId(), g.groupId(), r.local(), r.roleNumber(), r.role(), r.local() ? 2 : null,
                        r.local() ? "ONLINE" : null, connected ? 1 : 0, connected ? "CONNECTED" : "DISCONNECTED",
                        r.local() ? "ONLINE" : null, health(r.synchronizationHealth()), r.synchronizationHealth(),
                        r.lastConnectErrorNumber(), r.lastConnectErrorDescription(), r.lastConnectErrorTimestamp());
            }
        }
        return b.build();
    }

    private static int health(String desc) {
        return "HEALTHY".equals(desc) ? 2 : "PARTIALLY_HEALTHY".equals(desc) ? 1 : 0;
    }

    private static int syncState(String desc) {
        return switch (desc) {
            case "SYNCHRONIZING" -> 1;
            case "SYNCHRONIZED" -> 2;
            case "REVERTING" -> 3;
            case "INITIALIZING" -> 4;
            default -> 0;
        };
    }

    private static Relation databaseReplicaStates(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("dm_hadr_database_replica_states").col("database_id", INT)
                .col("group_id", UNIQUEIDENTIFIER).col("replica_id", UNIQUEIDENTIFIER)
                .col("group_database_id", UNIQUEIDENTIFIER).col("is_local", BIT).col("is_primary_replica", BIT)
                .col("synchronization_state", TINYINT).col("synchronization_state_desc", NVARCHAR)
                .col("synchronization_health_desc", NVARCHAR).col("database_state_desc", NVARCHAR)
                .col("is_suspended", BIT).col("last_received_lsn", DECIMAL).col("last_hardened_lsn", DECIMAL)
                .col("last_redone_lsn", DECIMAL).col("last_commit_lsn", DECIMAL).col("end_of_log_lsn", DECIMAL)
                .col("last_commit_time", DATETIME2).col("log_send_queue_size", BIGINT).col("log_send_rate", BIGINT)
                .col("redo_queue_size", BIGINT).col("redo_rate", BIGINT).col("secondary_lag_seconds", BIGINT);
        for (AvailabilityGroupInfo g : c.groups().all()) {
            for (String dbName : g.databases()) {
                Optional<DatabaseInfo> db = c.database(dbName);
                Integer dbId = db.map(DatabaseInfo::databaseId).orElse(null);
                Optional<ReplicaInfo> local = g.localReplica();
                if (local.isPresent() && db.isPresent()) {
                    DatabaseInfo d = db.get();
                    boolean primary = "PRIMARY".equals(local.get().role());
                    String state = primary ? "SYNCHRONIZED" : remoteState(c, g, dbName);
                    b.row(dbId, g.groupId(), local.get().replicaId(), d.stableId(), true, primary, syncState(state),
                            state, "HEALTHY", d.state(), false, d.endOfLogLsn(), d.endOfLogLsn(), d.endOfLogLsn(),
                            d.endOfLogLsn(), d.endOfLogLsn(), d.lastCommitTime(), 0L, 0L, 0L, 0L, 0L);
                }
                for (ReplicaInfo r : g.replicas()) {
                    if (r.local()) {
                        continue;
                    }
                    Optional<DatabaseReplicaInfo> row = c.groups().databaseReplica(g.groupId(), r.replicaId(), dbName);
                    if (row.isEmpty()) {
                        continue;
                    }
                    DatabaseReplicaInfo x = row.get();
                    b.row(dbId, g.groupId(), r.replicaId(), groupDatabaseId(c, dbName), false,
                            "PRIMARY".equals(r.role()), syncState(x.synchronizationState()), x.synchronizationState(),
                            x.synchronizationHealth(), null, false, x.lastReceivedLsn(), x.lastHardenedLsn(),
                            x.lastCommitLsn(), x.lastCommitLsn(), null, x.lastCommitTime(), x.logSendQueueSize(),
                            x.logSendRate(), x.redoQueueSize(), x.redoRate(), x.secondaryLagSeconds());
                }
            }
        }
        return b.build();
    }

    private static String remoteState(HadrCatalog c, AvailabilityGroupInfo g, String db) {
        return c.groups().databaseReplicas().stream()
                .filter(r -> r.groupId().equals(g.groupId()) && r.databaseName().equalsIgnoreCase(db))
                .map(DatabaseReplicaInfo::synchronizationState).findFirst().orElse("NOT SYNCHRONIZING");
    }

    private static Relation automaticSeeding(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("dm_hadr_automatic_seeding").col("start_time", DATETIME2)
                .col("completion_time", DATETIME2).col("ag_id", UNIQUEIDENTIFIER).col("ag_db_id", UNIQUEIDENTIFIER)
                .col("ag_remote_replica_id", UNIQUEIDENTIFIER).col("operation_id", UNIQUEIDENTIFIER)
                .col("is_source", BIT).col("current_state", NVARCHAR).col("performed_seeding", BIT)
                .col("failure_state", INT).col("failure_state_desc", NVARCHAR).col("error_code", INT)
                .col("number_of_attempts", INT);
        for (SeedingInfo s : c.groups().seeding()) {
            b.row(s.startTime(), s.completionTime(), s.groupId(), s.groupDatabaseId(), s.remoteReplicaId(),
                    s.operationId(), s.source(), s.currentState(), !"FAILED".equals(s.currentState()),
                    s.failureState(), s.failureStateDesc(), s.errorCode(), s.attempts());
        }
        return b.build();
    }

    private static Relation physicalSeeding(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("dm_hadr_physical_seeding_stats")
                .col("local_physical_seeding_id", UNIQUEIDENTIFIER).col("remote_physical_seeding_id", UNIQUEIDENTIFIER)
                .col("local_database_id", INT).col("local_database_name", NVARCHAR).col("remote_machine_name", NVARCHAR)
                .col("role_desc", NVARCHAR).col("internal_state_desc", NVARCHAR)
                .col("transfer_rate_bytes_per_second", BIGINT).col("transferred_size_bytes", BIGINT)
                .col("database_size_bytes", BIGINT).col("start_time_utc", DATETIME2).col("end_time_utc", DATETIME2)
                .col("estimate_time_complete_utc", DATETIME2).col("total_disk_io_wait_time_ms", BIGINT)
                .col("total_network_wait_time_ms", BIGINT).col("is_compression_enabled", BIT);
        for (SeedingInfo s : c.groups().seeding()) {
            if (!s.running()) {
                continue;
            }
            LocalDateTime eta = s.transferRateBytesPerSecond() <= 0 ? null : c.now().plusSeconds(
                    Math.max(0, s.databaseSizeBytes() - s.transferredBytes()) / s.transferRateBytesPerSecond());
            b.row(s.operationId(), null, c.database(s.databaseName()).map(DatabaseInfo::databaseId).orElse(null),
                    s.databaseName(), null, s.source() ? "Source" : "Destination",
                    s.source() ? "ReadingAndSendingData" : "ReceivingAndWritingData", s.transferRateBytesPerSecond(),
                    s.transferredBytes(), s.databaseSizeBytes(), s.startTime(), null, eta, 0L, 0L, s.compression());
        }
        return b.build();
    }

}
