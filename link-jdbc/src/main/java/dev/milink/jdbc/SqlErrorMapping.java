package dev.milink.jdbc;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.step.Side;
import dev.milink.step.StepId;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Turns SQL Server errors into {@link LinkException}s with a remediation hint for the error numbers the
 * link documentation names. Connection failures (SQLState class 08) and the transient numbers are marked
 * {@link LinkErrorCode#UNREACHABLE} so the runner retries them.
 */
public final class SqlErrorMapping {

    /** Error numbers that clear up by themselves: retry them. */
    public static final Set<Integer> TRANSIENT = Set.of(40613, 4060, 1205, 40197, 40501, 49918, 49919, 49920, 10928,
            10929, 233, 64, 10053, 10054, 10060, 18401);

    private static final Map<Integer, String> FIXES = Map.ofEntries(
            Map.entry(1475, "take a full backup without COPY_ONLY (BACKUP DATABASE [<db>] TO DISK = N'<path>') and retry"),
            Map.entry(18456, "check the login name and password (or the Entra identity) and that the login is enabled"),
            Map.entry(35220, "enable Always On availability groups in SQL Server Configuration Manager and restart the service"),
            Map.entry(35221, "enable Always On availability groups in SQL Server Configuration Manager and restart the service"),
            Map.entry(41973, "re-upload SQL Server's endpoint certificate to the Managed Instance (server trust certificate)"),
            Map.entry(41974, "re-import the Managed Instance's certificate into master, named exactly its FQDN, plus the Azure root CAs"),
            Map.entry(41962, "the link did not start within 5 minutes: check the network in both directions (port 5022 and 11000-11999)"),
            Map.entry(41976, "check the availability group names and parameters"),
            Map.entry(41986, "check names, parameters and the network between SQL Server and the Managed Instance"),
            Map.entry(47521, "make sure the availability group and the database are healthy on the primary"),
            Map.entry(41977, "check the link parameters; the target database did not respond"),
            Map.entry(1408, "log was truncated before seeding finished: drop and recreate the link, pause log backups while seeding"),
            Map.entry(1412, "log was truncated before seeding finished: drop and recreate the link, pause log backups while seeding"),
            Map.entry(15581, "create a database master key in master first"),
            Map.entry(2812, "a stored procedure is missing: sp_certificate_add_issuer needs the latest cumulative update"),
            Map.entry(229, "the login lacks a permission: connect as a sysadmin"),
            Map.entry(262, "the login lacks a permission: connect as a sysadmin"));

    private SqlErrorMapping() {
    }

    /**
     * @param step the step that failed
     * @param statement the failed statement, secrets already masked
     * @param e the driver's exception
     * @return the exception to throw
     */
    public static LinkExecutionException forStep(StepId step, String statement, SQLException e) {
        int number = e.getErrorCode();
        LinkErrorCode code = isTransient(e) ? LinkErrorCode.UNREACHABLE : LinkErrorCode.SQL_ERROR;
        String message = "SQL Server error " + number + " (SQLState " + e.getSQLState() + "): " + e.getMessage()
                + "\n  statement: " + abbreviate(statement);
        // Error number 0 means the driver raised it, not SQL Server: there is no number to report.
        return number == 0 ? LinkExecutionException.of(code, step, Side.SQL_SERVER, message, fix(e), e)
                : LinkExecutionException.sqlFailure(code, step, Side.SQL_SERVER, number, message, fix(e), e);
    }

    /**
     * @param what what was being done, for example {@code observing SQL Server}
     * @param e the driver's exception
     * @return the exception to throw
     */
    public static LinkException general(String what, SQLException e) {
        LinkErrorCode code = isTransient(e) ? LinkErrorCode.UNREACHABLE : LinkErrorCode.SQL_ERROR;
        return new LinkException(code, "SQL Server error " + e.getErrorCode() + " while " + what + " (SQLState "
                + e.getSQLState() + "): " + e.getMessage(), fix(e), e);
    }

    /**
     * @param e a driver exception
     * @return whether retrying may succeed (connection lost, throttled, deadlock victim, database starting)
     */
    public static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return TRANSIENT.contains(e.getErrorCode()) || (state != null && state.startsWith("08"));
    }

    private static String fix(SQLException e) {
        String known = FIXES.get(e.getErrorCode());
        if (known != null) {
            return known;
        }
        if (isTransient(e)) {
            return "the connection failed or the server was busy; milink retries this, check the server if it persists";
        }
        return "see the SQL Server error message; the statement is idempotent and can be rerun once fixed";
    }

    private static String abbreviate(String statement) {
        String flat = statement.replaceAll("0x[0-9A-Fa-f]{64,}", "0x...").replaceAll("\\s+", " ").trim();
        return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
    }
}
