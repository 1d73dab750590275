package dev.milink.testkit.tds;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlResult;
import dev.milink.testkit.sql.SqlSession;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the requests of one logged-in connection: SQL_BATCH and RPC go through faults, latency and the
 * engine; replies are written with {@link ResultWriter}. Runs on the connection's worker thread only.
 */
final class RequestHandler {

    /** What the connection does after a request. */
    enum Next {
        CONTINUE,
        /** The reply is complete; close the connection (fatal error). */
        CLOSE,
        /** Close at once without sending what was buffered (injected fault). */
        DROP
    }

    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);
    private static final Pattern UNPREPARE_BATCH = Pattern.compile(
            "(?is)\\s*(?:EXEC(?:UTE)?\\s+sp_unprepare\\s+\\d+\\s*;?\\s*)+");
    private static final Pattern HANDLE = Pattern.compile("\\d+");

    private final TdsServer server;
    private final long connectionId;
    private final SqlSession session;
    private final CancelState cancel;
    private final TokenWriter tw;
    private final PreparedHandles handles = new PreparedHandles();
    private String announcedDatabase;
    /** Set when a cancelled call already ended the reply message. */
    private boolean replyEnded;

    private record Execution(List<SqlResult> results, boolean cancelled) {
    }

    /** Thrown through the handler when a fault drops the connection. */
    private static final class DropSignal extends Exception {
        private static final long serialVersionUID = 1L;

        DropSignal() {
            super("fault: drop connection", null, false, false);
        }
    }

    RequestHandler(TdsServer server, long connectionId, SqlSession session, CancelState cancel, TokenWriter tw) {
        this.server = server;
        this.connectionId = connectionId;
        this.session = session;
        this.cancel = cancel;
        this.tw = tw;
        this.announcedDatabase = session.database();
    }

    Next handle(TdsMessage message) throws IOException {
        try {
            if (message.type() == TdsProtocol.SQL_BATCH || message.type() == TdsProtocol.RPC) {
                server.journal().roundTrip();
            }
            if (message.resetConnection()) {
                session.reset();
                tw.resetAck();
                announceDatabase();
            }
            return switch (message.type()) {
                case TdsProtocol.SQL_BATCH -> batch(message);
                case TdsProtocol.RPC -> rpc(message);
                default -> protocolError("unsupported TDS message type " + message.type());
            };
        } catch (MalformedRequestException e) {
            LOG.debug("connection {}: undecodable request", connectionId, e);
            return protocolError(e.getMessage());
        } catch (DropSignal e) {
            return Next.DROP;
        }
    }

    private Next protocolError(String detail) throws IOException {
        tw.error(4002, 1, 16, "The incoming tabular data stream (TDS) protocol stream is incorrect: " + detail);
        tw.done(TdsProtocol.TOKEN_DONE, TdsProtocol.DONE_ERROR, TdsProtocol.CMD_NONE, 0);
        tw.packets().endMessage();
        return Next.CONTINUE;
    }

    private Next batch(TdsMessage message) throws IOException, DropSignal {
        String sql = RpcDecoder.batchText(message.payload());
        server.journal().record(connectionId, StatementJournal.Kind.SQL_BATCH, sql, null, 0);
        if (UNPREPARE_BATCH.matcher(sql).matches()) {
            // The driver batches discarded handles as "EXEC sp_unprepare n;..."; they belong to this layer.
            Matcher m = HANDLE.matcher(sql);
            while (m.find()) {
                handles.unprepare(Integer.parseInt(m.group()));
            }
            tw.done(TdsProtocol.TOKEN_DONE, TdsProtocol.DONE_FINAL, TdsProtocol.CMD_NONE, 0);
            tw.packets().endMessage();
            return Next.CONTINUE;
        }
        Execution ex = execute(sql, List.of());
        if (ex.cancelled()) {
            return finishCancelled();
        }
        announceDatabase();
        ResultWriter.Outcome outcome = ResultWriter.write(tw, ex.results(), false, false);
        tw.packets().endMessage();
        return outcome.fatal() ? Next.CLOSE : Next.CONTINUE;
    }

    private Next rpc(TdsMessage message) throws IOException, DropSignal {
        List<RpcDecoder.RpcCall> calls = RpcDecoder.calls(message.payload());
        replyEnded = false;
        for (int i = 0; i < calls.size(); i++) {
            Next next = call(calls.get(i), i == calls.size() - 1);
            if (next != Next.CONTINUE || replyEnded) {
                return next;
            }
        }
        tw.packets().endMessage();
        return Next.CONTINUE;
    }

    private Next call(RpcDecoder.RpcCall call, boolean last) throws IOException, DropSignal {
        String sql;
        List<Object> values;
        Integer newHandle = null;
        boolean run = true;
        switch (call.procId()) {
            case TdsProtocol.PROC_EXECUTESQL -> {
                sql = text(call.value(0));
                values = call.values(2);
            }
            case TdsProtocol.PROC_PREPEXEC, TdsProtocol.PROC_PREPARE -> {
                sql = text(call.value(2));
                values = call.procId() == TdsProtocol.PROC_PREPEXEC ? call.values(3) : List.of();
                newHandle = handles.prepare(sql);
                run = call.procId() == TdsProtocol.PROC_PREPEXEC;
            }
            case TdsProtocol.PROC_EXECUTE -> {
                int handle = handleOf(call);
                sql = handles.statement(handle);
                values = call.values(1);
                if (sql == null) {
                    record(call, "", values.size());
                    return writeProc(new Execution(List.of(new SqlResult.Error(8179, 4, 16,
                            "Could not find prepared statement with handle " + handle + ".")), false), null, last);
                }
            }
            case TdsProtocol.PROC_UNPREPARE -> {
                handles.unprepare(handleOf(call));
                sql = "";
                values = List.of();
                run = false;
            }
            case -1 -> {
                sql = execText(call);
                values = call.values(0);
            }
            default -> {
                record(call, "", call.params().size());
                return writeProc(new Execution(List.of(new SqlResult.Error(2812, 62, 16,
                        "Could not find stored procedure '" + call.procName() + "'.")), false), null, last);
            }
        }
        record(call, sql, values.size());
        Execution ex = run ? execute(sql, values) : new Execution(List.of(), false);
        return writeProc(ex, newHandle, last);
    }

    private Next writeProc(Execution ex, Integer newHandle, boolean last) throws IOException {
        if (ex.cancelled()) {
            return finishCancelled();
        }
        announceDatabase();
        ResultWriter.Outcome outcome = ResultWriter.write(tw, ex.results(), true, true);
        if (outcome.fatal()) {
            tw.packets().endMessage();
            return Next.CLOSE;
        }
        // RETURNSTATUS must precede the handle: the driver reads the handle while handling the status.
        tw.returnStatus(outcome.anyError() ? 1 : 0);
        if (newHandle != null) {
            tw.returnIntValue(0, "", newHandle);
        }
        int status = (last ? TdsProtocol.DONE_FINAL : TdsProtocol.DONE_MORE)
                | (outcome.anyError() ? TdsProtocol.DONE_ERROR : 0);
        tw.done(TdsProtocol.TOKEN_DONEPROC, status, TdsProtocol.CMD_EXECUTE, 0);
        return Next.CONTINUE;
    }

    /** Ends an interrupted reply; the attention acknowledgement follows as its own message. */
    private Next finishCancelled() throws IOException {
        tw.done(TdsProtocol.TOKEN_DONE, TdsProtocol.DONE_FINAL, TdsProtocol.CMD_NONE, 0);
        tw.packets().endMessage();
        replyEnded = true;
        return Next.CONTINUE;
    }

    private Execution execute(String sql, List<Object> params) throws DropSignal {
        SqlFault fault = server.faults().claimStatement(sql);
        if (fault != null) {
            switch (fault.action()) {
                case ERROR -> {
                    SqlError e = fault.error();
                    return new Execution(List.of(e.toResult()), false);
                }
                case DROP_CONNECTION -> throw new DropSignal();
                case DELAY -> pause(fault.delay());
                case HANG_UNTIL_CANCELLED -> {
                    try {
                        cancel.awaitCancelled();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new DropSignal();
                    }
                    return new Execution(List.of(), true);
                }
                default -> throw new IllegalStateException("unknown fault action " + fault.action());
            }
        }
        pause(server.latency());
        List<SqlResult> results;
        try {
            results = Objects.requireNonNull(session.execute(sql, params, cancel), "engine returned null");
        } catch (RuntimeException e) {
            LOG.warn("connection {}: engine failed on a statement", connectionId, e);
            results = List.of(new SqlResult.Error(50000, 1, 16, "Simulated engine failure: " + e));
        }
        return new Execution(results, cancel.isCancelled());
    }

    private void pause(Duration duration) throws DropSignal {
        if (duration.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted() || cancel.isClosed()) {
                Thread.currentThread().interrupt();
                throw new DropSignal();
            }
        }
    }

    private void announceDatabase() throws IOException {
        String now = session.database();
        if (now != null && !now.equals(announcedDatabase)) {
            tw.envChange(TdsProtocol.ENV_DATABASE, now, announcedDatabase == null ? "" : announcedDatabase);
            tw.info(5701, 2, 0, "Changed database context to '" + now + "'.");
            announcedDatabase = now;
        }
    }

    private void record(RpcDecoder.RpcCall call, String sql, int parameterCount) {
        server.journal().record(connectionId, StatementJournal.Kind.RPC, sql, call.procName(), parameterCount);
    }

    private static int handleOf(RpcDecoder.RpcCall call) {
        if (!(call.value(0) instanceof Number n)) {
            throw new MalformedRequestException(call.procName() + " without an int handle");
        }
        return n.intValue();
    }

    private static String text(Object value) {
        if (!(value instanceof String s)) {
            throw new MalformedRequestException("expected statement text, got " + value);
        }
        return s;
    }

    /** A call by procedure name becomes {@code EXEC name @a = @P0, @P1} with the values bound positionally. */
    private static String execText(RpcDecoder.RpcCall call) {
        StringBuilder sb = new StringBuilder("EXEC ").append(call.procName());
        for (int i = 0; i < call.params().size(); i++) {
            String name = call.params().get(i).name();
            sb.append(i == 0 ? " " : ", ");
            if (!name.isEmpty()) {
                sb.append(name).append(" = ");
            }
            sb.append("@P").append(i);
            if (call.params().get(i).output()) {
                sb.append(" OUTPUT");
            }
        }
        return sb.toString();
    }
}
