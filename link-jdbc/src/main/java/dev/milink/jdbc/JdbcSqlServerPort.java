package dev.milink.jdbc;

import dev.milink.DatabaseName;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.port.SqlServerPort;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.state.SqlServerState;
import dev.milink.step.RunValue;
import dev.milink.step.RunValues;
import dev.milink.step.SqlServerStep;
import dev.milink.tsql.TsqlScript;
import dev.milink.tsql.internal.ObservationQueries;
import dev.milink.jdbc.internal.ObservationReader;
import dev.milink.jdbc.internal.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SqlServerPort} over JDBC. It runs exactly {@link TsqlScript#statements(SqlServerStep, StepInputs)}
 * (never SQL of its own for steps) and reads state with the one observation batch, so each call costs one
 * round trip. Connections are pooled so links in parallel do not wait on each other.
 */
public final class JdbcSqlServerPort implements SqlServerPort {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSqlServerPort.class);
    private static final int MAX_IDLE = 8;

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    private JdbcSqlServerPort(DataSource dataSource, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    /**
     * @param dataSource a data source for SQL Server (a sysadmin login)
     * @return the port
     */
    public static JdbcSqlServerPort of(DataSource dataSource) {
        return new JdbcSqlServerPort(Objects.requireNonNull(dataSource, "dataSource"), 120);
    }

    /**
     * @param connection connection settings
     * @return the port
     */
    public static JdbcSqlServerPort connect(SqlServerConnection connection) {
        return of(connection.toDataSource());
    }

    /**
     * @param seconds the timeout of each batch (default 120)
     * @return a port with that timeout sharing this one's data source
     */
    public JdbcSqlServerPort withQueryTimeout(int seconds) {
        return new JdbcSqlServerPort(dataSource, seconds);
    }

    @Override
    public SqlServerState observe(Collection<DatabaseName> databases) {
        String batch = ObservationQueries.batch(databases);
        Connection connection = borrow("observing SQL Server");
        boolean healthy = false;
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            Map<String, List<Map<String, Object>>> rows = new HashMap<>();
            boolean isResultSet = statement.execute(batch);
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = statement.getResultSet()) {
                        collect(rs, rows);
                    }
                } else if (statement.getUpdateCount() == -1) {
                    break;
                }
                isResultSet = statement.getMoreResults();
            }
            healthy = true;
            return ObservationReader.read(new Rows(rows));
        } catch (SQLException e) {
            throw SqlErrorMapping.general("observing SQL Server", e);
        } finally {
            release(connection, healthy);
        }
    }

    @Override
    public StepResult apply(SqlServerStep step, StepInputs inputs) {
        List<String> batches = TsqlScript.statements(step, inputs);
        Connection connection = borrow("running step " + step.id());
        boolean healthy = false;
        RunValues produced = RunValues.none();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            for (int i = 0; i < batches.size(); i++) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("step {}: {}", step.id(), shown(step, inputs, i));
                }
                try {
                    produced = produced.plus(runBatch(statement, batches.get(i), step.produces()));
                } catch (SQLException e) {
                    healthy = !SqlErrorMapping.isTransient(e);
                    throw SqlErrorMapping.forStep(step.id(), shown(step, inputs, i), e);
                }
            }
            healthy = true;
        } catch (SQLException e) {
            throw SqlErrorMapping.forStep(step.id(), String.join("\n", TsqlScript.displayStatements(step, inputs)), e);
        } finally {
            release(connection, healthy);
        }
        // What the statements returned of the step's products; the runner checks that none is missing.
        return new StepResult(true, produced, step.summary());
    }

    /** The batch with secrets masked, rendered only when a log line or an error needs it. */
    private static String shown(SqlServerStep step, StepInputs inputs, int batch) {
        return TsqlScript.displayStatements(step, inputs).get(batch);
    }

    /**
     * Runs one batch and reads the values the step produces: result columns named like the value (the script prints
     * the same columns), whatever statement returns them.
     */
    private static RunValues runBatch(Statement statement, String batch, Set<RunValue<?>> products) throws SQLException {
        RunValues found = RunValues.none();
        boolean isResultSet = statement.execute(batch);
        while (true) {
            if (isResultSet) {
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                            found = read(found, products, rs.getMetaData().getColumnLabel(column), rs.getObject(column));
                        }
                    }
                }
            } else if (statement.getUpdateCount() == -1) {
                break;
            }
            isResultSet = statement.getMoreResults();
        }
        return found;
    }

    private static RunValues read(RunValues found, Set<RunValue<?>> products, String label, Object raw) {
        for (RunValue<?> product : products) {
            if (product.name().equalsIgnoreCase(label) && found.get(product).isEmpty()) {
                found = with(found, product, raw);
            }
        }
        return found;
    }

    private static <T> RunValues with(RunValues found, RunValue<T> key, Object raw) {
        return key.cast(raw).map(v -> found.with(key, v)).orElse(found);
    }

    private static void collect(ResultSet rs, Map<String, List<Map<String, Object>>> rows) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        String first = meta.getColumnLabel(1).toLowerCase(Locale.ROOT);
        boolean tagged = "q".equals(first);
        // DBCC results carry no tag column: recognise them by their first column.
        String fixedTag = "traceflag".equals(first) ? ObservationQueries.TRACE_STATUS
                : "database name".equals(first) ? ObservationQueries.LOG_SPACE : null;
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= columns; c++) {
                row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), rs.getObject(c));
            }
            String tag = tagged ? String.valueOf(row.get("q")) : fixedTag;
            if (tag != null) {
                rows.computeIfAbsent(tag, k -> new ArrayList<>()).add(row);
            }
        }
    }

    private Connection borrow(String what) {
        synchronized (idle) {
            if (closed) {
                throw new LinkException(LinkErrorCode.INTERNAL, "The SQL Server port is closed.", "create a new port");
            }
            Connection pooled = idle.pollFirst();
            if (pooled != null) {
                return pooled;
            }
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrorMapping.general("connecting to SQL Server for " + what, e);
        }
    }

    private void release(Connection connection, boolean healthy) {
        synchronized (idle) {
            if (healthy && !closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a SQL Server connection failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        List<Connection> toClose;
        synchronized (idle) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(JdbcSqlServerPort::closeQuietly);
    }

    @Override
    public String toString() {
        return "JdbcSqlServerPort[" + dataSource.getClass().getSimpleName() + "]";
    }
}
