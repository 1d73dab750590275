package dev.milink.testkit.tds;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;

/** Data sources for the real driver pointed at a {@link TdsServer}. */
final class TdsTestSupport {

    private TdsTestSupport() {
    }

    static SQLServerDataSource dataSource(TdsServer server, boolean encrypt) {
        SQLServerDataSource ds = new SQLServerDataSource();
        ds.setServerName("127.0.0.1");
        ds.setPortNumber(server.port());
        ds.setUser(TestEngine.USER);
        ds.setPassword(TestEngine.PASSWORD);
        ds.setDatabaseName("appdb");
        ds.setApplicationName("tds-tests");
        ds.setLoginTimeout(5);
        ds.setEncrypt(encrypt ? "true" : "false");
        ds.setTrustServerCertificate(encrypt);
        return ds;
    }

    static SQLServerDataSource dataSource(TdsServer server) {
        return dataSource(server, false);
    }

    static TdsServer start(TestEngine engine) {
        return TdsServer.builder().engine(engine).port(0).build().start();
    }

    static TdsServer startTls(TestEngine engine) {
        return TdsServer.builder().engine(engine).encryption(TdsEncryption.TLS_IN_PRELOGIN).build().start();
    }
}
