package dev.milink.testkit.tds;

import dev.milink.testkit.sql.SqlResult;
import java.io.IOException;
import java.util.List;

/**
 * Writes an engine's results as the token stream the driver expects: each result set or update count
 * closes with a DONE (DONEINPROC inside an RPC) whose MORE bit says whether more follows, COUNT marks
 * real counts and CurCmd tells the driver whether it is an update count (UPDATE), a DDL statement
 * (reported as 0) or a SELECT.
 */
final class ResultWriter {

    /** Errors at or above this severity end the connection, as SQL Server does. */
    static final int FATAL_SEVERITY = 20;

    /**
     * What was written.
     *
     * @param anyError true when at least one ERROR token was written
     * @param fatal true when a severity 20+ error was written; the reply is complete and the connection must close
     */
    record Outcome(boolean anyError, boolean fatal) {
    }

    private ResultWriter() {
    }

    /**
     * @param inProc true inside an RPC: DONEINPROC tokens, and the caller writes the closing DONEPROC
     * @param moreAfter true when more tokens follow the last result (an RPC's DONEPROC, or the next call)
     */
    static Outcome write(TokenWriter tw, List<SqlResult> results, boolean inProc, boolean moreAfter)
            throws IOException {
        int token = inProc ? TdsProtocol.TOKEN_DONEINPROC : TdsProtocol.TOKEN_DONE;
        int n = results.size();
        if (n == 0) {
            if (!inProc) {
                tw.done(TdsProtocol.TOKEN_DONE, moreAfter ? TdsProtocol.DONE_MORE : TdsProtocol.DONE_FINAL,
                        TdsProtocol.CMD_NONE, 0);
            }
            return new Outcome(false, false);
        }
        boolean anyError = false;
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            int more = !last || moreAfter ? TdsProtocol.DONE_MORE : TdsProtocol.DONE_FINAL;
            SqlResult result = results.get(i);
            if (result instanceof SqlResult.Rows rows) {
                RowSetEncoder.write(tw.packets(), rows);
                tw.done(token, more | TdsProtocol.DONE_COUNT, TdsProtocol.CMD_SELECT, rows.rows().size());
            } else if (result instanceof SqlResult.UpdateCount count) {
                if (count.count() >= 0) {
                    tw.done(token, more | TdsProtocol.DONE_COUNT, TdsProtocol.CMD_UPDATE, count.count());
                } else {
                    tw.done(token, more, TdsProtocol.CMD_TABCREATE, 0);
                }
            } else if (result instanceof SqlResult.Info info) {
                tw.info(info.number(), info.state(), info.severity(), info.message());
                if (last && !inProc) {
                    tw.done(TdsProtocol.TOKEN_DONE, more, TdsProtocol.CMD_NONE, 0);
                }
            } else if (result instanceof SqlResult.Error error) {
                tw.error(error.number(), error.state(), error.severity(), error.message());
                anyError = true;
                if (error.severity() >= FATAL_SEVERITY) {
                    tw.done(TdsProtocol.TOKEN_DONE, TdsProtocol.DONE_ERROR, TdsProtocol.CMD_NONE, 0);
                    return new Outcome(true, true);
                }
                tw.done(token, more | TdsProtocol.DONE_ERROR, TdsProtocol.CMD_NONE, 0);
            }
        }
        return new Outcome(anyError, false);
    }
}
