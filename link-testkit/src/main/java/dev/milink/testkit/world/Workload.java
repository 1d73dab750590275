package dev.milink.testkit.world;

import dev.milink.testkit.sql.catalog.UserTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An application writing to one database of the world through the real JDBC driver: each transaction is one
 * INSERT (autocommit) on whichever side is the current primary, and is counted once the driver reports the
 * commit. A test compares {@link #committed()} with the rows on the new primary after a failover.
 *
 * <p>Not thread safe: one workload per writing thread.
 */
public final class Workload {

    private final LinkedWorld world;
    private final String database;
    private final String table;
    private final List<SQLException> failures = new ArrayList<>();
    private int committed;
    private long nextId = -1;

    Workload(LinkedWorld world, String database, String table) {
        this.world = world;
        this.database = database;
        this.table = table;
    }

    /**
     * Writes {@code transactions} rows, one transaction each, on the current primary. A failed statement is
     * recorded in {@link #failures()} and the run goes on.
     *
     * @param transactions how many
     * @return how many of them committed
     */
    public int run(int transactions) {
        DataSource ds = world.primaryDataSource(database);
        UserTable shape = ensureTable(ds);
        int before = committed;
        String sql = "INSERT INTO " + bracket(table) + " (" + String.join(", ", shape.columns().stream()
                .map(Workload::bracket).toList()) + ") VALUES (" + String.join(", ",
                        shape.columns().stream().map(c -> "?").toList()) + ")";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < transactions; i++) {
                long id = nextId++;
                ps.setLong(1, id);
                for (int col = 2; col <= shape.columns().size(); col++) {
                    ps.setString(col, "w-" + id);
                }
                try {
                    ps.executeUpdate();
                    committed++;
                } catch (SQLException e) {
                    failures.add(e);
                }
            }
        } catch (SQLException e) {
            failures.add(e);
        }
        return committed - before;
    }

    private UserTable ensureTable(DataSource ds) {
        Side side = world.links().primarySide(database);
        Optional<UserTable> existing = world.server(side).catalog().tables().table(database, table);
        if (existing.isEmpty()) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE " + bracket(table) + " (id BIGINT, payload NVARCHAR(100))");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create workload table " + table + " in " + database, e);
            }
            existing = world.server(side).catalog().tables().table(database, table);
        }
        UserTable t = existing.orElseThrow(() -> new IllegalStateException("table " + table + " did not appear"));
        if (nextId < 0) {
            nextId = 1_000_000L + t.rows().size();
        }
        return t;
    }

    private static String bracket(String name) {
        return "[" + name.replace("]", "]]") + "]";
    }

    /** @return transactions committed so far, over all runs */
    public int committed() {
        return committed;
    }

    /** @return statements that failed (for example 3906 on a secondary), over all runs */
    public List<SQLException> failures() {
        return List.copyOf(failures);
    }

    /** @return the database written to */
    public String database() {
        return database;
    }

    /** @return the table written to */
    public String table() {
        return table;
    }
}
