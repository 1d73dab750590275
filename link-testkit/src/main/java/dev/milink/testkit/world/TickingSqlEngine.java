package dev.milink.testkit.world;

import dev.milink.testkit.sql.CancelSignal;
import dev.milink.testkit.sql.LoginRequest;
import dev.milink.testkit.sql.SqlEngine;
import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlResult;
import dev.milink.testkit.sql.SqlSession;
import java.util.List;

/**
 * Wraps a simulated server's engine so the world catches up with its clock before every statement: whatever
 * a client reads (seeding progress, replicated rows, LSNs) is current. The tick runs before the statement,
 * outside the catalog lock, so the lock order stays world lock, then catalog lock.
 */
final class TickingSqlEngine implements SqlEngine {

    private final SqlEngine delegate;
    private final Runnable tick;

    TickingSqlEngine(SqlEngine delegate, Runnable tick) {
        this.delegate = delegate;
        this.tick = tick;
    }

    @Override
    public SqlSession login(LoginRequest login) throws SqlError {
        SqlSession session = delegate.login(login);
        return new SqlSession() {
            @Override
            public String database() {
                return session.database();
            }

            @Override
            public List<SqlResult> execute(String sql, List<Object> parameters, CancelSignal cancel) {
                tick.run();
                return session.execute(sql, parameters, cancel);
            }

            @Override
            public void reset() {
                session.reset();
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
