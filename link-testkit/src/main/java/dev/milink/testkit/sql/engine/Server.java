package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.LoginRequest;
import dev.milink.testkit.sql.SqlEngine;
import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlSession;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link SqlEngine} of a simulated server: authenticates logins and opens sessions over one catalog. */
public final class Server implements SqlEngine {

    private final ServerConfig config;
    private final HadrCatalog catalog;
    private final AtomicInteger nextSpid = new AtomicInteger(51);

    /**
     * @param config the server's identity and logins
     * @param catalog its state
     */
    public Server(ServerConfig config, HadrCatalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    ServerConfig config() {
        return config;
    }

    HadrCatalog catalog() {
        return catalog;
    }

    @Override
    public SqlSession login(LoginRequest login) throws SqlError {
        LoginAccount account = config.logins().stream()
                .filter(a -> a.name().equalsIgnoreCase(login.user()) && a.password().equals(login.password()))
                .findFirst()
                .orElseThrow(() -> new SqlError(18456, 1, 14, "Login failed for user '" + login.user() + "'."));
        String db = login.database() == null || login.database().isEmpty() ? "master" : login.database();
        String actual = catalog.database(db).map(d -> d.name())
                .orElseThrow(() -> new SqlError(4060, 1, 11, "Cannot open database \"" + db
                        + "\" requested by the login. The login failed."));
        return new Session(this, account, actual, nextSpid.getAndIncrement());
    }
}
