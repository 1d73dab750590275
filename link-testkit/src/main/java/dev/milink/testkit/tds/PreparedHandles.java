package dev.milink.testkit.tds;

import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statement handles of one connection (sp_prepare / sp_prepexec create them, sp_execute
 * uses them, sp_unprepare drops them). Only the connection's worker thread touches it.
 */
final class PreparedHandles {

    private final Map<Integer, String> statements = new HashMap<>();
    private int next = 1;

    /** @return a new handle for the statement text */
    int prepare(String sql) {
        int handle = next++;
        statements.put(handle, sql);
        return handle;
    }

    /** @return the statement text, or null for an unknown handle */
    String statement(int handle) {
        return statements.get(handle);
    }

    void unprepare(int handle) {
        statements.remove(handle);
    }

    int size() {
        return statements.size();
    }
}
