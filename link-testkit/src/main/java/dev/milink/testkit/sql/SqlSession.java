package dev.milink.testkit.sql;

import java.util.List;

/**
 * One client connection's view of a simulated server: current database, prepared handles belong to
 * the TDS layer, everything else (variables, the catalog) to the engine.
 */
public interface SqlSession extends AutoCloseable {

    /**
     * The current database name, sent to the client in ENVCHANGE type 1 after login and after {@code USE}.
     *
     * @return the current database name
     */
    String database();

    /**
     * Runs one SQL batch (a SQL_BATCH packet, or the statement text of an {@code sp_executesql} /
     * {@code sp_prepexec} / {@code sp_execute} RPC call with its parameters bound to {@code @P0..@Pn}).
     *
     * @param sql the batch text exactly as the client sent it
     * @param parameters the RPC parameter values in order ({@code @P0} first); empty for SQL_BATCH.
     *        Values are Java objects: String, Integer, Long, Boolean, BigDecimal, Double, byte[],
     *        java.time.LocalDateTime, java.time.OffsetDateTime, or null
     * @param cancel polled by long-running statements so an ATTENTION can stop them
     * @return the results in the order the client must see them; an {@link SqlResult.Error} with severity
     *         16 or more ends the batch (nothing after it is returned)
     */
    List<SqlResult> execute(String sql, List<Object> parameters, CancelSignal cancel);

    /** Resets session state when the client reuses a pooled connection (TDS RESETCONNECTION bit). */
    void reset();

    @Override
    void close();
}
