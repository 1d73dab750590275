package dev.milink.testkit.sql.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The user tables of a simulated server's databases ({@code db.dbo.table}), under the catalog's lock: what the
 * workload writes and replication copies. Writing a row advances the database's log, like a commit.
 */
public final class HadrCatalogTables {

    private final HadrCatalog catalog;

    HadrCatalogTables(HadrCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param database owning database
     * @param name table name in schema {@code dbo}
     * @return the user table {@code db.dbo.name}, if any
     */
    public Optional<UserTable> table(String database, String name) {
        return catalog.atomically(() -> Optional.ofNullable(catalog.tables.get(database + "." + name)));
    }

    /**
     * Creates or replaces a user table.
     *
     * @param table the table; it replaces any table of the same database and name
     */
    public void putTable(UserTable table) {
        catalog.atomically(() -> catalog.tables.put(table.database() + "." + table.name(), table));
    }

    /**
     * Appends a row and advances the database's end-of-log LSN by one log block.
     *
     * @param database owning database
     * @param table an existing table of that database
     * @param row the new row, one value per column
     * @return the new end-of-log LSN
     */
    public BigDecimal appendRow(String database, String table, List<Object> row) {
        return catalog.atomically(() -> {
            UserTable t = table(database, table).orElseThrow(() -> new IllegalArgumentException("no table"));
            putTable(t.withRow(row));
            DatabaseInfo db = catalog.updateDatabase(database,
                    d -> d.withCommit(d.endOfLogLsn().add(BigDecimal.valueOf(100_000)), catalog.now()));
            catalog.fire(HadrEvent.Type.DATA_WRITTEN, database, db.endOfLogLsn().toPlainString());
            return db.endOfLogLsn();
        });
    }
}
