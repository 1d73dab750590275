package dev.milink.jdbc.sim;

import dev.milink.Link;
import dev.milink.LinkDefinition;
import dev.milink.ManagedInstance;
import dev.milink.Secret;
import dev.milink.SecretSource;
import dev.milink.SqlServerInstance;
import dev.milink.port.StepInputs;
import dev.milink.testkit.sql.SimulatedSqlServer;
import dev.milink.testkit.tds.TdsEncryption;
import dev.milink.testkit.tds.TdsServer;
import dev.milink.testkit.tls.TestCertificates;
import dev.milink.jdbc.JdbcSqlServerPort;
import dev.milink.jdbc.SqlServerConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * A simulated SQL Server behind a real TDS listener on loopback, and a {@link JdbcSqlServerPort} that talks to
 * it through the real mssql-jdbc driver. One per test; close it.
 */
final class SimulatedSql implements AutoCloseable {

    static final String LOGIN_PASSWORD = "Sa-L0gin-pw!";
    static final String MASTER_KEY_PASSWORD = "Mk-S3cret-pw!zq";
    static final String FQDN = "sqlmi-prod-01.abc123.database.windows.net";
    static final TestCertificates.Minted MI_CERTIFICATE = TestCertificates.endpoint(FQDN,
            Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(365, ChronoUnit.DAYS));

    final SimulatedSqlServer sql;
    final TdsServer tds;
    final JdbcSqlServerPort port;

    private SimulatedSql(SimulatedSqlServer sql, TdsServer tds, JdbcSqlServerPort port) {
        this.sql = sql;
        this.tds = tds;
        this.port = port;
    }

    static SimulatedSql start() {
        return start(b -> { }, TdsEncryption.OFF, false);
    }

    static SimulatedSql start(Consumer<SimulatedSqlServer.Builder> custom) {
        return start(custom, TdsEncryption.OFF, false);
    }

    static SimulatedSql start(Consumer<SimulatedSqlServer.Builder> custom, TdsEncryption encryption, boolean encrypt) {
        SimulatedSqlServer.Builder builder = SimulatedSqlServer.builder().serverName("SQLBOX01")
                .productVersion("16.0.4135.4").edition("Enterprise Edition (64-bit)").hadrEnabled(true)
                .collation("SQL_Latin1_General_CP1_CI_AS").login("sa", LOGIN_PASSWORD, true)
                .database("SalesDb", d -> d.recoveryFull().fullBackup().logFiles(1));
        custom.accept(builder);
        SimulatedSqlServer sql = builder.build();
        TdsServer tds = TdsServer.builder().engine(sql.engine()).port(0).encryption(encryption).build().start();
        JdbcSqlServerPort port = JdbcSqlServerPort.connect(connection(tds, encrypt)).withQueryTimeout(20);
        return new SimulatedSql(sql, tds, port);
    }

    static SqlServerConnection connection(TdsServer tds, boolean encrypt) {
        return SqlServerConnection.builder().server("127.0.0.1", tds.port()).sqlLogin("sa", Secret.of(LOGIN_PASSWORD))
                .encryption(encrypt, encrypt).loginTimeoutSeconds(10);
    }

    static LinkDefinition salesDb() {
        return Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022")).database("SalesDb")
                .to(ManagedInstance.of("00000000-0000-0000-0000-000000000000", "rg-link", "sqlmi-prod-01")
                        .withFqdn(FQDN))
                .twoWayDR(true);
    }

    static LinkDefinition managedInstancePrimary() {
        return Link.from(ManagedInstance.of("00000000-0000-0000-0000-000000000000", "rg-link", "sqlmi-prod-01")
                        .withFqdn(FQDN))
                .database("SalesDb").to(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022"));
    }

    static StepInputs inputs() {
        return StepInputs.of(SecretSource.ofMasterKeyPassword(Secret.of(MASTER_KEY_PASSWORD)))
                .withManagedInstanceFqdn(FQDN).withManagedInstanceCertificate(MI_CERTIFICATE.encoded());
    }

    @Override
    public void close() {
        port.close();
        tds.close();
    }
}
