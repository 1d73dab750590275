package dev.milink.tsql.internal;

import static dev.milink.tsql.TsqlQuoting.literal;

import dev.milink.DatabaseName;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The one batch that reads everything the runner, preflight and health need from SQL Server. Each result
 * set starts with a constant tag column ({@code q}) so the reader does not depend on result set order
 * (some servers return no result set for {@code DBCC TRACESTATUS} when no flag is on). Single-table
 * selects only: the reader joins in Java, so the batch stays cheap and portable.
 */
public final class ObservationQueries {

    /** Tag of the server facts row. */
    public static final String FACTS = "facts";
    /** Tag of the master key rows. */
    public static final String MASTER_KEY = "master_key";
    /** Tag of the database rows. */
    public static final String DATABASES = "databases";
    /** Tag of the log file rows. */
    public static final String LOG_FILES = "log_files";
    /** Tag of the full backup rows. */
    public static final String BACKUPS = "backups";
    /** Tag of the certificate rows. */
    public static final String CERTIFICATES = "certificates";
    /** Tag of the mirroring endpoint rows. */
    public static final String ENDPOINTS = "endpoints";
    /** Tag of the TCP endpoint rows (ports). */
    public static final String TCP_ENDPOINTS = "tcp_endpoints";
    /** Tag of the availability group rows. */
    public static final String GROUPS = "groups";
    /** Tag of the replica rows. */
    public static final String REPLICAS = "replicas";
    /** Tag of the group database rows. */
    public static final String GROUP_DATABASES = "group_databases";
    /** Tag of the replica state rows. */
    public static final String REPLICA_STATES = "replica_states";
    /** Tag of the database replica state rows. */
    public static final String DATABASE_REPLICA_STATES = "database_replica_states";
    /** Tag of the seeding rows. */
    public static final String SEEDING = "seeding";
    /** Tag of the latest log backup per database. */
    public static final String LOG_BACKUPS = "log_backups";
    /** Tag given to the untagged result of {@code DBCC SQLPERF(LOGSPACE)}. */
    public static final String LOG_SPACE = "log_space";
    /** Tag given to the untagged result of {@code DBCC TRACESTATUS}. */
    public static final String TRACE_STATUS = "tracestatus";
    /** Tag of the seeding statistics rows. */
    public static final String SEEDING_STATS = "seeding_stats";

    private ObservationQueries() {
    }

    /**
     * @param databases the databases to report on
     * @return the observation batch
     */
    public static String batch(Collection<DatabaseName> databases) {
        String names = databases.isEmpty() ? "N''"
                : databases.stream().map(d -> literal(d.value())).collect(Collectors.joining(", "));
        String ids = databases.isEmpty() ? "database_id = -1"
                : databases.stream().map(d -> "database_id = DB_ID(" + literal(d.value()) + ")")
                        .collect(Collectors.joining(" OR "));
        return "SET NOCOUNT ON;\n"
                + "SELECT N'" + FACTS + "' AS q, @@SERVERNAME AS server_name,"
                + " CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS product_version,"
                + " CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition,"
                + " CAST(SERVERPROPERTY('EngineEdition') AS int) AS engine_edition,"
                + " CAST(SERVERPROPERTY('IsHadrEnabled') AS int) AS hadr_enabled,"
                + " CAST(SERVERPROPERTY('Collation') AS nvarchar(128)) AS collation,"
                + " IS_SRVROLEMEMBER(N'sysadmin') AS is_sysadmin, SYSUTCDATETIME() AS observed_at;\n"
                + "SELECT N'" + MASTER_KEY + "' AS q, symmetric_key_id FROM master.sys.symmetric_keys WHERE symmetric_key_id = 101;\n"
                + "DBCC TRACESTATUS(-1);\n"
                + "SELECT N'" + DATABASES + "' AS q, name, database_id, state_desc, recovery_model_desc"
                + ", group_database_id FROM sys.databases WHERE name IN (" + names + ");\n"
                + "SELECT N'" + LOG_FILES + "' AS q, database_id, file_id FROM sys.master_files WHERE type = 1 AND (" + ids + ");\n"
                + "SELECT N'" + BACKUPS + "' AS q, database_name, MAX(backup_finish_date) AS last_full FROM msdb.dbo.backupset"
                + " WHERE type = 'D' AND is_copy_only = 0 AND database_name IN (" + names + ") GROUP BY database_name;\n"
                + "SELECT N'" + LOG_BACKUPS + "' AS q, database_name, MAX(backup_finish_date) AS last_log FROM msdb.dbo.backupset"
                + " WHERE type = 'L' AND database_name IN (" + names + ") GROUP BY database_name;\n"
                + "DBCC SQLPERF(LOGSPACE);\n"
                + "SELECT N'" + CERTIFICATES + "' AS q, certificate_id, name, subject, expiry_date, pvt_key_encryption_type,"
                + " CERTENCODED(certificate_id) AS encoded FROM master.sys.certificates;\n"
                + "SELECT N'" + ENDPOINTS + "' AS q, endpoint_id, name, state_desc, connection_auth_desc, certificate_id,"
                + " is_encryption_enabled, encryption_algorithm_desc FROM sys.database_mirroring_endpoints;\n"
                + "SELECT N'" + TCP_ENDPOINTS + "' AS q, endpoint_id, port FROM sys.tcp_endpoints;\n"
                + "SELECT N'" + GROUPS + "' AS q, group_id, name, is_distributed FROM sys.availability_groups;\n"
                + "SELECT N'" + REPLICAS + "' AS q, replica_id, group_id, replica_server_name, endpoint_url,"
                + " availability_mode_desc FROM sys.availability_replicas;\n"
                + "SELECT N'" + GROUP_DATABASES + "' AS q, group_id, database_name FROM sys.availability_databases_cluster;\n"
                + "SELECT N'" + REPLICA_STATES + "' AS q, replica_id, group_id, is_local, role_desc, connected_state_desc,"
                + " synchronization_health_desc, last_connect_error_number, last_connect_error_description"
                + " FROM sys.dm_hadr_availability_replica_states;\n"
                + "SELECT N'" + DATABASE_REPLICA_STATES + "' AS q, replica_id, group_id, database_id, is_local,"
                + " synchronization_state_desc, synchronization_health_desc, last_hardened_lsn, end_of_log_lsn,"
                + " log_send_queue_size, redo_queue_size, secondary_lag_seconds FROM sys.dm_hadr_database_replica_states;\n"
                + "SELECT N'" + SEEDING + "' AS q, operation_id, ag_db_id, current_state, failure_state, failure_state_desc,"
                + " start_time, completion_time FROM sys.dm_hadr_automatic_seeding;\n"
                + "SELECT N'" + SEEDING_STATS + "' AS q, local_physical_seeding_id, local_database_name, database_size_bytes,"
                + " transferred_size_bytes, transfer_rate_bytes_per_second, start_time_utc, estimate_time_complete_utc"
                + " FROM sys.dm_hadr_physical_seeding_stats;";
    }
}
