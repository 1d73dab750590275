package dev.milink.tsql.internal;

import static dev.milink.tsql.TsqlQuoting.literal;

import dev.milink.LinkSpec;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.Prerequisite;
import dev.milink.step.VerifyPrerequisite;
import java.util.List;
import java.util.Optional;

/**
 * T-SQL for the SQL Server side of the preflight checks, for the reviewable script: each check stops the
 * script ({@code THROW}, with {@code :on error exit}) with the rule and the fix. The runner evaluates the
 * same rules from one observation instead of running these.
 */
final class CheckStatements {

    private CheckStatements() {
    }

    /**
     * @return the check's statements, or empty when it cannot be evaluated in T-SQL on SQL Server
     */
    static Optional<String> check(VerifyPrerequisite step, LinkSpec spec) {
        Prerequisite p = step.prerequisite();
        String db = step.target().map(d -> d.value()).orElse("");
        String condition;
        switch (p) {
            case SQL_SERVER_VERSION:
                condition = "CAST(SERVERPROPERTY('ProductMajorVersion') AS int) < " + spec.sqlServerVersion().major();
                break;
            case HADR_ENABLED:
                condition = "CAST(SERVERPROPERTY('IsHadrEnabled') AS int) <> 1";
                break;
            case SYSADMIN:
                condition = "IS_SRVROLEMEMBER(N'sysadmin') <> 1";
                break;
            case DATABASE_ONLINE:
                condition = "NOT EXISTS (SELECT 1 FROM sys.databases WHERE name = " + literal(db)
                        + " AND state_desc = N'ONLINE')";
                break;
            case RECOVERY_FULL:
                condition = "NOT EXISTS (SELECT 1 FROM sys.databases WHERE name = " + literal(db)
                        + " AND recovery_model_desc = N'FULL')";
                break;
            case FULL_BACKUP:
                condition = "NOT EXISTS (SELECT 1 FROM msdb.dbo.backupset WHERE database_name = " + literal(db)
                        + " AND type = 'D' AND is_copy_only = 0)";
                break;
            case SINGLE_LOG_FILE:
                condition = "(SELECT COUNT(*) FROM sys.master_files WHERE database_id = DB_ID(" + literal(db)
                        + ") AND type = 1) <> 1";
                break;
            case NOT_IN_AVAILABILITY_GROUP:
                condition = "NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = "
                        + literal(spec.link(step.target().orElseThrow()).sqlServerAvailabilityGroup()) + ")"
                        + " AND EXISTS (SELECT 1 FROM sys.availability_databases_cluster WHERE database_name = "
                        + literal(db) + ")";
                break;
            case ENDPOINT_SHAPE:
                condition = "EXISTS (SELECT 1 FROM sys.database_mirroring_endpoints WHERE NOT (connection_auth_desc LIKE N'%CERTIFICATE%'"
                        + " AND encryption_algorithm_desc LIKE N'%AES%' AND state_desc = N'STARTED'))";
                break;
            default:
                return Optional.empty();
        }
        String message = "milink check " + p.key() + (db.isEmpty() ? "" : " (" + db + ")") + " failed: " + p.rule()
                + ". Fix: " + p.fix();
        // THROW messages hold at most 2047 characters.
        if (message.length() > 2000) {
            message = message.substring(0, 2000);
        }
        return Optional.of("IF " + condition + "\n    THROW 50000, " + literal(message) + ", 1;");
    }

    /** @return an informational query for checks that T-SQL can show but not decide */
    static Optional<String> informational(VerifyPrerequisite step) {
        switch (step.prerequisite()) {
            case TRACE_FLAGS:
                return Optional.of("DBCC TRACESTATUS(-1);");
            case COLLATION_MATCH:
                return Optional.of("SELECT SERVERPROPERTY('Collation') AS SqlServerCollation;");
            case LSNS_IN_SYNC:
            case LINK_SYNCHRONIZED:
            case FAILOVER_ROLES:
            case SPLIT_BRAIN:
                // Compare with the Managed Instance (az sql mi link show ... --query properties.databases) by hand.
                return Optional.of("SELECT group_id, is_local, synchronization_state_desc, synchronization_health_desc,"
                        + " last_hardened_lsn\nFROM sys.dm_hadr_database_replica_states\nWHERE database_id = DB_ID("
                        + literal(step.target().map(d -> d.value()).orElse("")) + ");");
            default:
                return Optional.empty();
        }
    }

    static List<String> awaitSynchronization(AwaitSynchronization step) {
        return List.of("SELECT database_id, synchronization_state_desc, synchronization_health_desc, last_hardened_lsn\n"
                + "FROM sys.dm_hadr_database_replica_states\n"
                + "WHERE database_id = DB_ID(" + literal(step.target().value()) + ");");
    }
}
