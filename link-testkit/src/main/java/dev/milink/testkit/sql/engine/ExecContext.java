package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.CancelSignal;
import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlResult;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a running batch sees: its session, the server, its variables and the results produced so far. */
final class ExecContext {

    private final Session session;
    private final Map<String, Object> variables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<SqlResult> results = new ArrayList<>();
    private final CancelSignal cancel;

    ExecContext(Session session, List<Object> parameters, CancelSignal cancel) {
        this.session = session;
        this.cancel = cancel;
        this.parentResults = null;
        for (int i = 0; i < parameters.size(); i++) {
            variables.put("@P" + i, parameters.get(i));
        }
    }

    private ExecContext(ExecContext parent, Map<String, Object> parameters) {
        this.session = parent.session;
        this.cancel = parent.cancel;
        this.variables.putAll(parameters);
        this.parentResults = parent;
    }

    private ExecContext parentResults;

    /** @return a scope for dynamic SQL: same session and result stream, its own variables */
    ExecContext child(Map<String, Object> parameters) {
        return new ExecContext(this, parameters);
    }

    Session session() {
        return session;
    }

    HadrCatalog catalog() {
        return session.server().catalog();
    }

    ServerConfig config() {
        return session.server().config();
    }

    boolean cancelled() {
        return cancel.isCancelled();
    }

    void add(SqlResult result) {
        if (parentResults != null) {
            parentResults.add(result);
        } else {
            results.add(result);
        }
    }

    List<SqlResult> results() {
        return results;
    }

    /** Reports the end of a DDL statement (a DONE without a count). */
    void done() {
        add(new SqlResult.UpdateCount(-1));
    }

    void declare(String name, Object value) throws SqlError {
        if (variables.containsKey(name)) {
            throw Errors.error(134, 15, "The variable name '" + name
                    + "' has already been declared. Variable names must be unique within a query batch or stored procedure.");
        }
        variables.put(name, value);
    }

    void assign(String name, Object value) throws SqlError {
        variable(name);
        variables.put(name, value);
    }

    Object variable(String name) throws SqlError {
        if (!variables.containsKey(name)) {
            throw Errors.error(137, 15, "Must declare the scalar variable \"" + name + "\".");
        }
        return variables.get(name);
    }
}
