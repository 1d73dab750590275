package dev.milink.jdbc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.DatabaseName;
import dev.milink.Link;
import dev.milink.LinkDefinition;
import dev.milink.ManagedInstance;
import dev.milink.Secret;
import dev.milink.SqlServerInstance;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.state.SqlServerState;
import dev.milink.step.SqlServerStep;
import dev.milink.jdbc.JdbcSqlServerPort;
import dev.milink.jdbc.SqlServerConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * The SQL Server side steps against a real SQL Server 2022 with HADR enabled. The Managed Instance is fake
 * (FQDN and certificate), so the link never connects, but every object must be created and re-applied
 * idempotently. Skipped where no Docker engine exists.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RealSqlServerIT {

    @Container
    static final MSSQLServerContainer SQL = new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-latest")
            .acceptLicense().withEnv("MSSQL_ENABLE_HADR", "1");

    @Test
    void observesAndAppliesTheSqlServerSideForReal() throws Exception {
        String serverName;
        try (Connection c = DriverManager.getConnection(SQL.getJdbcUrl(), SQL.getUsername(), SQL.getPassword());
                Statement s = c.createStatement()) {
            s.execute("IF DB_ID(N'SalesDb') IS NULL CREATE DATABASE [SalesDb]");
            s.execute("ALTER DATABASE [SalesDb] SET RECOVERY FULL");
            s.execute("BACKUP DATABASE [SalesDb] TO DISK = N'/var/opt/mssql/data/SalesDb.bak' WITH INIT");
            try (ResultSet rs = s.executeQuery("SELECT @@SERVERNAME")) {
                rs.next();
                serverName = rs.getString(1);
            }
        }
        LinkDefinition link = Link.from(SqlServerInstance.of(serverName, "TCP://127.0.0.1:5022")).database("SalesDb")
                .to(ManagedInstance.of("00000000-0000-0000-0000-000000000000", "rg-link", "sqlmi-prod-01")
                        .withFqdn(SimulatedSql.FQDN))
                .twoWayDR(true);
        SqlServerConnection settings = SqlServerConnection.builder().server(SQL.getHost(), SQL.getMappedPort(1433))
                .sqlLogin(SQL.getUsername(), Secret.of(SQL.getPassword())).encryption(true, true);
        try (JdbcSqlServerPort port = JdbcSqlServerPort.connect(settings)) {
            SqlServerState before = port.observe(List.of(DatabaseName.of("SalesDb")));
            assertThat(before.server().hadrEnabled()).isTrue();
            assertThat(before.server().sysadmin()).isTrue();
            assertThat(before.databases()).singleElement().satisfies(d -> {
                assertThat(d.recoveryModel()).isEqualTo("FULL");
                assertThat(d.hasFullBackup()).isTrue();
                assertThat(d.logFileCount()).isEqualTo(1);
            });
            StepInputs inputs = SimulatedSql.inputs();
            for (int pass = 0; pass < 2; pass++) {
                for (SqlServerStep step : SimulatedSteps.of(link.plan())) {
                    StepResult result = port.apply(step, inputs);
                    if (result.produced().get(dev.milink.step.RunValue.SQL_SERVER_CERTIFICATE).isPresent()) {
                        inputs = inputs.withSqlServerCertificate(result.produced().get(dev.milink.step.RunValue.SQL_SERVER_CERTIFICATE).get());
                    }
                }
            }
            SqlServerState after = port.observe(List.of(DatabaseName.of("SalesDb")));
            assertThat(after.server().masterKeyPresent()).isTrue();
            assertThat(after.certificates()).extracting(c -> c.name()).contains("Cert_" + serverName + "_endpoint",
                    SimulatedSql.FQDN);
            assertThat(after.mirroringEndpoint()).hasValueSatisfying(e -> assertThat(e.suitsLink()).isTrue());
            assertThat(after.databases().get(0).availabilityGroup()).contains("AG_SalesDb");
            assertThat(after.availabilityGroups()).extracting(g -> g.name()).contains("AG_SalesDb", "DAG_SalesDb");
        }
    }
}
