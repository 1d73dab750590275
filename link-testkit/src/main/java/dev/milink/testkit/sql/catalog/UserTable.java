package dev.milink.testkit.sql.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A user table ({@code db.dbo.name}) holding rows in memory; values may be null.
 *
 * @param database the owning database
 * @param name the table name
 * @param columns the column names, in order
 * @param rows the rows, one value per column
 */
public record UserTable(String database, String name, List<String> columns, List<List<Object>> rows) {

    /**
     * Copies the columns and every row, so the table only changes through {@link #withRow}.
     *
     * @param database the owning database
     * @param name the table name
     * @param columns the column names, in order
     * @param rows the rows, one value per column
     */
    public UserTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /**
     * @param row the new row, one value per column
     * @return a copy with one more row
     */
    public UserTable withRow(List<Object> row) {
        List<List<Object>> more = new ArrayList<>(rows);
        more.add(row);
        return new UserTable(database, name, columns, more);
    }
}
