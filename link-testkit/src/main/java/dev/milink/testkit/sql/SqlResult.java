package dev.milink.testkit.sql;

import java.util.List;

/** One item of a batch's response, in the order the client reads them. */
public sealed interface SqlResult {

    /**
     * A result set. Row values are Java objects matching the column type (see {@link SqlType}); null is SQL NULL.
     *
     * @param columns the column definitions
     * @param rows the rows, each with one value per column
     */
    record Rows(List<Column> columns, List<List<Object>> rows) implements SqlResult {
        /**
         * Copies the columns and every row, so a result cannot change after it is produced.
         *
         * @param columns the column definitions
         * @param rows the rows, each with one value per column
         */
        public Rows {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        }
    }

    /**
     * A statement that changed rows or ran DDL (DONE token with a count; DDL reports no count).
     *
     * @param count rows affected, or -1 when the statement reports no count
     */
    record UpdateCount(long count) implements SqlResult {
    }

    /**
     * An informational message (INFO token, severity 0-10), for example PRINT output.
     *
     * @param number the message number
     * @param state the state
     * @param severity the severity, at most 10
     * @param message the text
     */
    record Info(int number, int state, int severity, String message) implements SqlResult {
    }

    /**
     * An error (ERROR token). Severity 20 or more makes the TDS layer close the connection afterwards.
     *
     * @param number the SQL Server error number
     * @param state the state
     * @param severity the severity (class)
     * @param message the text
     */
    record Error(int number, int state, int severity, String message) implements SqlResult {
    }

    /**
     * A column of a result set.
     *
     * @param name the column name (may be empty)
     * @param type the wire type
     */
    record Column(String name, SqlType type) {
    }
}
