package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.CancelSignal;
import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlResult;
import dev.milink.testkit.sql.SqlSession;
import java.util.List;
import java.util.Objects;

/** One connection: current database, SET options; runs batches statement by statement. */
final class Session implements SqlSession {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Session.class);

    private final Server server;
    private final LoginAccount login;
    private final String initialDatabase;
    private final int spid;
    private volatile String database;
    private volatile boolean nocount;

    Session(Server server, LoginAccount login, String database, int spid) {
        this.server = server;
        this.login = login;
        this.initialDatabase = database;
        this.database = database;
        this.spid = spid;
    }

    Server server() {
        return server;
    }

    LoginAccount login() {
        return login;
    }

    int spid() {
        return spid;
    }

    boolean nocount() {
        return nocount;
    }

    void setNocount(boolean on) {
        nocount = on;
    }

    void setDatabase(String name) {
        database = name;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public List<SqlResult> execute(String sql, List<Object> parameters, CancelSignal cancel) {
        ExecContext ctx = new ExecContext(this, parameters == null ? List.of() : parameters,
                Objects.requireNonNullElse(cancel, CancelSignal.NEVER));
        List<Statement> statements;
        try {
            statements = new StatementParser(Lexer.tokenize(sql)).batch();
        } catch (SqlError e) {
            return List.of(e.toResult());
        }
        for (Statement s : statements) {
            if (ctx.cancelled()) {
                break;
            }
            try {
                server.catalog().atomically(() -> {
                    try {
                        s.run(ctx);
                        return null;
                    } catch (SqlError e) {
                        throw new Abort(e);
                    }
                });
            } catch (Abort a) {
                ctx.add(a.error.toResult());
                if (a.error.severity() >= 16) {
                    break;
                }
            } catch (RuntimeException e) {
                LOG.error("simulated server bug while running a statement (batch text withheld: it may hold secrets)", e);
                ctx.add(new SqlResult.Error(8630, 1, 17, "Internal Query Processor Error: the simulated server "
                        + "failed: " + e));
                break;
            }
        }
        return List.copyOf(ctx.results());
    }

    @Override
    public void reset() {
        database = initialDatabase;
        nocount = false;
    }

    @Override
    public void close() {
        // nothing held per session
    }

    /** Carries a statement error out of the catalog lock. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SqlError error;

        Abort(SqlError error) {
            super(error.getMessage(), error, false, false);
            this.error = error;
        }
    }
}
