package dev.milink.testkit.world;

import dev.milink.testkit.arm.RawArm;

import com.azure.core.http.HttpMethod;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.sql.fluent.models.EndpointCertificateInner;
import com.azure.resourcemanager.sql.fluent.models.ServerTrustCertificateInner;
import dev.milink.testkit.tls.TestCertificates;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The Managed Instance link set up by hand, as the docs describe it (docs/LINK-FACTS.md sections 2 and 3): T-SQL through the real
 * driver, trust certificates through the typed SDK client, the DAG through raw ARM at 2025-01-01. The milink
 * runner is deliberately not used: these tests check the world, not the SDK.
 */
final class LinkSteps {

    static final String DB = "SalesDb";
    static final String AG = "AG_SalesDb";
    static final String MI_AG = "AG_SalesDb_MI";
    static final String DAG = "DAG1_SalesDb";
    static final String SQL_ENDPOINT = "TCP://10.0.0.4:5022";
    static final String SQL_CERT = "Cert_SQLBOX01_endpoint";
    /** A stand-in for DigiCert Global Root G2: the world only checks that an issuer is registered. */
    static final byte[] ROOT = TestCertificates.endpoint("DigiCert Global Root G2 (test double)",
            Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z")).encoded();

    private final LinkedWorld world;
    private final SqlServerManager mgr;
    final RawArm arm;

    LinkSteps(LinkedWorld world) {
        this.world = world;
        this.mgr = world.sqlServerManager();
        this.arm = new RawArm(mgr, world.armEndpoint());
    }

    String base() {
        return "/subscriptions/" + world.subscriptionId() + "/resourceGroups/" + world.resourceGroup()
                + "/providers/Microsoft.Sql/managedInstances/" + world.managedInstanceName();
    }

    String dagPath() {
        return base() + "/distributedAvailabilityGroups/" + DAG;
    }

    /** Master key and SQL Server endpoint certificate; returns its public key read with CERTENCODED. */
    byte[] sqlCertificate() {
        sql(world.sqlServerDataSource(), "USE master;\nIF NOT EXISTS (SELECT * FROM sys.symmetric_keys WHERE symmetric_key_id = 101)\n"
                + "    CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'Str0ng!MasterKey';",
                "CREATE CERTIFICATE [" + SQL_CERT + "] WITH SUBJECT = 'Certificate for " + SQL_CERT + "', EXPIRY_DATE = '03/30/2027'");
        return (byte[]) scalar(world.sqlServerDataSource(),
                "SELECT CERTENCODED(CERT_ID(N'" + SQL_CERT + "')) AS SQLServerPublicKey");
    }

    /** Uploads the SQL Server certificate to the instance through the typed client. */
    void uploadTrust(byte[] publicKey) {
        mgr.serviceClient().getServerTrustCertificates().createOrUpdate(world.resourceGroup(), world.managedInstanceName(),
                SQL_CERT, new ServerTrustCertificateInner().withPublicBlob("0x" + HexFormat.of().formatHex(publicKey)));
    }

    /** Imports the instance's endpoint certificate under {@code name} plus the Azure root issuer. */
    void importMiCertificate(String name) {
        EndpointCertificateInner cert = mgr.serviceClient().getEndpointCertificates().get(world.resourceGroup(),
                world.managedInstanceName(), "DATABASE_MIRRORING");
        sql(world.sqlServerDataSource(), "USE master; CREATE CERTIFICATE [" + name + "] FROM BINARY = " + cert.publicBlob(),
                "IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'DigiCertPKI')\nBEGIN\n"
                        + "    CREATE CERTIFICATE [DigiCertPKI] FROM BINARY = 0x" + HexFormat.of().formatHex(ROOT) + ";\n"
                        + "    DECLARE @id int = CERT_ID(N'DigiCertPKI');\n"
                        + "    EXEC sp_certificate_add_issuer @id, N'*.database.windows.net';\nEND");
    }

    void endpoint() {
        sql(world.sqlServerDataSource(), "CREATE ENDPOINT database_mirroring_endpoint STATE = STARTED AS TCP (LISTENER_PORT = 5022, "
                + "LISTENER_IP = ALL) FOR DATABASE_MIRRORING (ROLE = ALL, AUTHENTICATION = CERTIFICATE [" + SQL_CERT + "], "
                + "ENCRYPTION = REQUIRED ALGORITHM AES)");
    }

    /** AG and DAG with SQL Server as initial primary (docs/LINK-FACTS.md sections 2.7, 2.8). */
    void sqlPrimaryGroups() {
        sql(world.sqlServerDataSource(), "CREATE AVAILABILITY GROUP [" + AG + "] WITH (CLUSTER_TYPE = NONE) FOR DATABASE [" + DB
                + "] REPLICA ON N'SQLBOX01' WITH (ENDPOINT_URL = N'" + SQL_ENDPOINT + "', AVAILABILITY_MODE = SYNCHRONOUS_COMMIT, "
                + "FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC)", dag(""));
    }

    /** Empty AG with GRANT CREATE ANY DATABASE, and the DAG naming the database (docs/LINK-FACTS.md section 3). */
    void miPrimaryGroups() {
        sql(world.sqlServerDataSource(), "CREATE AVAILABILITY GROUP [" + AG + "] WITH (CLUSTER_TYPE = NONE) FOR REPLICA ON "
                + "N'SQLBOX01' WITH (ENDPOINT_URL = N'" + SQL_ENDPOINT + "', FAILOVER_MODE = MANUAL, "
                + "AVAILABILITY_MODE = SYNCHRONOUS_COMMIT, SEEDING_MODE = AUTOMATIC)",
                "ALTER AVAILABILITY GROUP [" + AG + "] GRANT CREATE ANY DATABASE", dag(";Database=[" + DB + "]"));
    }

    private String dag(String suffix) {
        return "CREATE AVAILABILITY GROUP [" + DAG + "] WITH (DISTRIBUTED) AVAILABILITY GROUP ON N'" + AG + "' WITH ("
                + "LISTENER_URL = N'" + SQL_ENDPOINT + "', AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT, FAILOVER_MODE = MANUAL, "
                + "SEEDING_MODE = AUTOMATIC, SESSION_TIMEOUT = 20), N'" + MI_AG + "' WITH (LISTENER_URL = N'tcp://"
                + world.managedInstanceFqdn() + ":5022;Server=[" + world.managedInstanceName() + "]" + suffix
                + "', AVAILABILITY_MODE = ASYNCHRONOUS_COMMIT, FAILOVER_MODE = MANUAL, SEEDING_MODE = AUTOMATIC);";
    }

    /** ARM DAG PUT at 2025-01-01. */
    RawArm.Outcome createLink(String instanceRole) {
        return arm.lro(HttpMethod.PUT, arm.url(dagPath(), RawArm.API), "{\"properties\":{\"databases\":[{\"databaseName\":\""
                + DB + "\"}],\"partnerEndpoint\":\"" + SQL_ENDPOINT + "\",\"partnerAvailabilityGroupName\":\"" + AG
                + "\",\"instanceAvailabilityGroupName\":\"" + MI_AG + "\",\"instanceLinkRole\":\"" + instanceRole
                + "\",\"failoverMode\":\"Manual\",\"seedingMode\":\"Automatic\"}}");
    }

    RawArm.Outcome failover(String type) {
        return arm.lro(HttpMethod.POST, arm.url(dagPath() + "/failover", RawArm.API), "{\"failoverType\":\"" + type + "\"}");
    }

    RawArm.Outcome setRole(String role) {
        return arm.lro(HttpMethod.POST, arm.url(dagPath() + "/setRole", RawArm.API),
                "{\"instanceRole\":\"" + role + "\",\"roleChangeType\":\"Forced\"}");
    }

    RawArm.Outcome patchMode(String mode) {
        return arm.lro(HttpMethod.PATCH, arm.url(dagPath(), RawArm.API), "{\"properties\":{\"replicationMode\":\"" + mode + "\"}}");
    }

    RawArm.Outcome deleteLink() {
        return arm.lro(HttpMethod.DELETE, arm.url(dagPath(), RawArm.API), null);
    }

    /** @return the first database entry of the link as ARM returns it */
    @SuppressWarnings("unchecked")
    Map<String, Object> armDatabase() {
        Map<String, Object> link = RawArm.json(arm.call(HttpMethod.GET, arm.url(dagPath(), RawArm.API), null).getValue());
        Map<String, Object> p = (Map<String, Object>) link.get("properties");
        return ((List<Map<String, Object>>) p.get("databases")).get(0);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> armLinkProperties() {
        Map<String, Object> link = RawArm.json(arm.call(HttpMethod.GET, arm.url(dagPath(), RawArm.API), null).getValue());
        return (Map<String, Object>) link.get("properties");
    }

    /** The whole SQL-Server-primary setup up to and including the ARM PUT. */
    void createSqlPrimaryLink() {
        uploadTrust(sqlCertificate());
        importMiCertificate(world.managedInstanceFqdn());
        endpoint();
        sqlPrimaryGroups();
        createLink("Secondary");
    }

    static void sql(DataSource ds, String... batches) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String b : batches) {
                s.execute(b);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getErrorCode() + ": " + e.getMessage(), e);
        }
    }

    static Object scalar(DataSource ds, String query) {
        List<Map<String, Object>> rows = rows(ds, query);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    static List<Map<String, Object>> rows(DataSource ds, String query) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getErrorCode() + ": " + e.getMessage(), e);
        }
    }
}
