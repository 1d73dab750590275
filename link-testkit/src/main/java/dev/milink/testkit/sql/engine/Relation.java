package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlResult.Column;
import dev.milink.testkit.sql.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table value: a virtual view computed from the catalog, or a user table.
 *
 * @param name the table's own name (the default qualifier)
 * @param columns column definitions
 * @param rows rows (values may be null)
 */
record Relation(String name, List<Column> columns, List<List<Object>> rows) {

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /** Fluent builder for virtual views. */
    static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        Builder col(String column, SqlType type) {
            columns.add(new Column(column, type));
            return this;
        }

        Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalStateException(name + ": " + values.length + " values for " + columns.size()
                        + " columns");
            }
            rows.add(new ArrayList<>(Arrays.asList(values)));
            return this;
        }

        Relation build() {
            return new Relation(name, List.copyOf(columns), rows);
        }
    }
}
