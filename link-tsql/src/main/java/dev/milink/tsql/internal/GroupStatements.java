package dev.milink.tsql.internal;

import static dev.milink.tsql.TsqlQuoting.identifier;
import static dev.milink.tsql.TsqlQuoting.literal;

import dev.milink.FailoverType;
import dev.milink.step.BackupLog;
import dev.milink.step.CreateAvailabilityGroup;
import dev.milink.step.CreateDistributedAvailabilityGroup;
import dev.milink.step.DemoteSqlServer;
import dev.milink.step.DropAvailabilityGroup;
import dev.milink.step.FailoverOnSqlServer;
import dev.milink.step.SetSqlServerReplicationMode;
import java.util.List;

/**
 * T-SQL for availability groups and distributed availability groups (docs/LINK-FACTS.md sections 2.7, 2.8, 3, 7, 8).
 */
final class GroupStatements {

    /** The Managed Instance's mirroring port is fixed. */
    static final int MANAGED_INSTANCE_PORT = 5022;

    private GroupStatements() {
    }

    static List<String> availabilityGroup(CreateAvailabilityGroup step) {
        StringBuilder sql = new StringBuilder("USE master;\n")
                .append("IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = ").append(literal(step.name()))
                .append(")\n");
        sql.append("CREATE AVAILABILITY GROUP ").append(identifier(step.name())).append('\n');
        if (step.clusterTypeNone()) {
            sql.append("WITH (CLUSTER_TYPE = NONE)\n");
        }
        sql.append(step.holdsDatabase() ? "FOR DATABASE " + identifier(step.target().value()) + "\n" : "FOR\n")
                .append("REPLICA ON ").append(literal(step.replicaServerName())).append(" WITH (\n")
                .append("    ENDPOINT_URL = ").append(literal(step.endpoint().toString())).append(",\n")
                .append("    AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,\n")
                .append("    FAILOVER_MODE = MANUAL,\n")
                .append("    SEEDING_MODE = ").append(Keywords.of(step.seedingMode())).append(");");
        if (!step.holdsDatabase()) {
            // Outside the IF: a group left without the grant by an earlier run still gets it (GRANT is repeatable).
            sql.append("\nALTER AVAILABILITY GROUP ").append(identifier(step.name())).append(" GRANT CREATE ANY DATABASE;");
        }
        return List.of(sql.toString());
    }

    static List<String> distributedAvailabilityGroup(CreateDistributedAvailabilityGroup step, Bindings b) {
        Value fqdn = b.fqdn(step.managedInstanceFqdn());
        String listener = "tcp://" + fqdn.plain() + ":" + MANAGED_INSTANCE_PORT + ";Server=" + identifier(step.managedInstanceName())
                + (step.databaseInListenerUrl() ? ";Database=" + identifier(step.target().value()) : "");
        String sql = "USE master;\n"
                + "IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = " + literal(step.name()) + ")\n"
                + "CREATE AVAILABILITY GROUP " + identifier(step.name()) + "\n"
                + "WITH (DISTRIBUTED)\n"
                + "AVAILABILITY GROUP ON\n"
                + "  " + literal(step.localAvailabilityGroup()) + " WITH (\n"
                + "      LISTENER_URL = " + literal(step.localEndpoint().toString()) + ",\n"
                + "      AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT,\n"
                + "      FAILOVER_MODE = MANUAL,\n"
                + "      SEEDING_MODE = " + Keywords.of(step.seedingMode()) + ",\n"
                + "      SESSION_TIMEOUT = 20),\n"
                + "  " + literal(step.managedInstanceAvailabilityGroup()) + " WITH (\n"
                + "      LISTENER_URL = " + literal(listener) + ",\n"
                + "      AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT,\n"
                + "      FAILOVER_MODE = MANUAL,\n"
                + "      SEEDING_MODE = " + Keywords.of(step.seedingMode()) + ");";
        return List.of(sql);
    }

    static List<String> replicationMode(SetSqlServerReplicationMode step) {
        return List.of("USE master;\n"
                + "ALTER AVAILABILITY GROUP " + identifier(step.linkName()) + "\n"
                + "MODIFY AVAILABILITY GROUP ON\n"
                + "    " + literal(step.localAvailabilityGroup()) + " WITH (AVAILABILITY_MODE = " + Keywords.of(step.mode()) + "),\n"
                + "    " + literal(step.managedInstanceAvailabilityGroup()) + " WITH (AVAILABILITY_MODE = "
                + Keywords.of(step.mode()) + ");");
    }

    static List<String> failover(FailoverOnSqlServer step) {
        boolean planned = step.type() == FailoverType.PLANNED;
        // Guarded so a rerun is a no-op: a planned FAILOVER runs on the current primary (afterwards this side is
        // secondary); a forced one runs on the secondary (a rerun would fail with 41122, already primary).
        return List.of("USE master;\nIF " + (planned ? "EXISTS (" : "NOT EXISTS (") + localPrimary(step.linkName()) + ")\n"
                + "    ALTER AVAILABILITY GROUP " + identifier(step.linkName()) + " "
                + (planned ? "FAILOVER" : "FORCE_FAILOVER_ALLOW_DATA_LOSS") + ";");
    }

    /** A query returning a row when this server holds the primary replica of the (distributed) group. */
    private static String localPrimary(String group) {
        return "SELECT 1 FROM sys.dm_hadr_availability_replica_states WHERE is_local = 1 AND role_desc = N'PRIMARY'"
                + " AND group_id = (SELECT group_id FROM sys.availability_groups WHERE name = " + literal(group) + ")";
    }

    static List<String> demote(DemoteSqlServer step) {
        return List.of("USE master;\nIF EXISTS (" + localPrimary(step.linkName()) + ")\n"
                + "    ALTER AVAILABILITY GROUP " + identifier(step.linkName()) + " SET (ROLE = SECONDARY);");
    }

    static List<String> drop(DropAvailabilityGroup step) {
        return List.of("USE master;\n"
                + "IF EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = " + literal(step.name()) + ")\n"
                + "    DROP AVAILABILITY GROUP " + identifier(step.name()) + ";");
    }

    static List<String> backupLog(BackupLog step) {
        if (!step.tailLog()) {
            // docs/LINK-FACTS.md section 2.9: a log backup while seeding truncates the log early (errors 1408/1412, the link must be
            // recreated). The script reaches this step without waiting, so it stops here until the remote
            // replica of the database is synchronizing; rerunning the (guarded) script later continues here.
            String db = literal(step.target().value());
            return List.of("IF NOT EXISTS (SELECT 1 FROM sys.dm_hadr_database_replica_states\n"
                    + "               WHERE database_id = DB_ID(" + db + ") AND is_local = 0\n"
                    + "                 AND synchronization_state_desc IN (N'SYNCHRONIZING', N'SYNCHRONIZED'))\n"
                    + "    THROW 50000, " + literal("milink: seeding of " + step.target().value()
                            + " has not finished; the first log backup must wait (errors 1408/1412). Run the script again later.")
                    + ", 1;\n"
                    + "BACKUP LOG " + identifier(step.target().value()) + " TO DISK = " + literal(step.path()) + ";");
        }
        // Guarded: the tail-log backup leaves the database RESTORING; a rerun must not back it up again.
        return List.of("IF EXISTS (SELECT 1 FROM sys.databases WHERE name = " + literal(step.target().value())
                + " AND state_desc = N'ONLINE')\n"
                + "    BACKUP LOG " + identifier(step.target().value()) + " TO DISK = " + literal(step.path())
                + " WITH NORECOVERY;");
    }
}
