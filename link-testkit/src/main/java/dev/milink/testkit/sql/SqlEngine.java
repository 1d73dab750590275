package dev.milink.testkit.sql;

/**
 * The SQL semantics behind a simulated server: the TDS layer ({@code dev.milink.testkit.tds}) decodes
 * packets and hands each login and each batch or RPC call to an engine; the engine owns all state.
 *
 * <p>Implementations must be thread safe: one session per connection, many connections at once.
 */
public interface SqlEngine {

    /**
     * Authenticates a LOGIN7 request and opens a session.
     *
     * @param login the decoded login (user, password, database, application name)
     * @return the new session
     * @throws SqlError to refuse the login (for example error 18456, severity 14, state 1)
     */
    SqlSession login(LoginRequest login) throws SqlError;
}
