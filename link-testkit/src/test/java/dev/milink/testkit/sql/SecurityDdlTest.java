package dev.milink.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.testkit.sql.catalog.CatalogSnapshot;
import dev.milink.testkit.tls.TestCertificates;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecurityDdlTest extends SqlTestSupport {

    @BeforeEach
    void setUp() throws SqlError {
        open(standard().build());
    }

    @Test
    void masterKeyOnceAndPasswordNeverKept() {
        assertThat(rows("SELECT * FROM sys.symmetric_keys WHERE symmetric_key_id = 101").rows()).isEmpty();
        ok("USE master; IF NOT EXISTS (SELECT * FROM sys.symmetric_keys WHERE symmetric_key_id = 101) "
                + "CREATE MASTER KEY ENCRYPTION BY PASSWORD = N'Very$ecret1';");
        assertThat(scalar("SELECT name FROM sys.symmetric_keys WHERE name LIKE '%DatabaseMasterKey%'"))
                .isEqualTo("##MS_DatabaseMasterKey##");
        SqlResult.Error again = error("CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'Very$ecret1'");
        assertThat(again.number()).isEqualTo(15578);
        assertThat(again.message()).doesNotContain("Very$ecret1");
        assertThat(server.catalog().snapshot().toString()).doesNotContain("Very$ecret1").doesNotContain(PASSWORD);
        assertThat(error("CREATE MASTER KEY ENCRYPTION BY PASSWORD 'Very$ecret1'").message()).doesNotContain("ecret1");
        assertThat(error("CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'Very$ecret1").message()).doesNotContain("ecret1");
    }

    @Test
    void certificateNeedsMasterKey() {
        assertThat(errorNumber("CREATE CERTIFICATE [c1] WITH SUBJECT = N'x'")).isEqualTo(15581);
    }

    @Test
    void certificateWithSubjectIsARealX509() throws Exception {
        ok("CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'p'; "
                + "CREATE CERTIFICATE [Cert_SQLBOX01_endpoint] WITH SUBJECT = N'Certificate for endpoint', "
                + "EXPIRY_DATE = '20271231'");
        SqlResult.Rows r = rows("SELECT name, subject, expiry_date, pvt_key_encryption_type, certificate_id "
                + "FROM sys.certificates WHERE pvt_key_encryption_type = 'MK'");
        assertThat(r.rows()).hasSize(1);
        assertThat(r.rows().get(0).get(2)).isEqualTo(LocalDateTime.of(2027, 12, 31, 0, 0));
        assertThat(r.columns().get(2).type()).isEqualTo(SqlType.DATETIME2);
        SqlResult.Rows key = rows("SELECT CERTENCODED(CERT_ID(N'Cert_SQLBOX01_endpoint')) AS SQLServerPublicKey");
        assertThat(key.columns().get(0)).isEqualTo(new SqlResult.Column("SQLServerPublicKey", SqlType.VARBINARY_MAX));
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream((byte[]) key.rows().get(0).get(0)));
        assertThat(x509.getSubjectX500Principal().getName()).contains("Certificate for endpoint");
        ok("CREATE CERTIFICATE c2 WITH SUBJECT = 'us date', EXPIRY_DATE = '03/30/2027'");
        assertThat(scalar("SELECT expiry_date FROM sys.certificates WHERE name = 'c2'"))
                .isEqualTo(LocalDateTime.of(2027, 3, 30, 0, 0));
        assertThat(errorNumber("CREATE CERTIFICATE c3 WITH SUBJECT = 's', EXPIRY_DATE = 'soon'")).isEqualTo(241);
        assertThat(errorNumber("CREATE CERTIFICATE [c2] WITH SUBJECT = 'dup'")).isEqualTo(15232);
    }

    @Test
    void importFromBinaryAndDrop() {
        byte[] der = TestCertificates.endpoint("mi-one.abc123.database.windows.net", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z")).encoded();
        String hex = "0x" + HexFormat.of().withUpperCase().formatHex(der);
        ok("USE master; CREATE CERTIFICATE [mi-one.abc123.database.windows.net] FROM BINARY = " + hex);
        SqlResult.Rows r = rows("SELECT pvt_key_encryption_type, subject, issuer_name FROM sys.certificates "
                + "WHERE name = N'mi-one.abc123.database.windows.net'");
        assertThat(r.rows().get(0).get(0)).isEqualTo("NA");
        assertThat(r.rows().get(0).get(1)).isEqualTo("mi-one.abc123.database.windows.net");
        assertThat(scalar("SELECT CERTENCODED(CERT_ID(N'mi-one.abc123.database.windows.net'))")).isEqualTo(der);
        assertThat(errorNumber("CREATE CERTIFICATE [other] FROM BINARY = " + hex)).isEqualTo(15232);
        assertThat(errorNumber("CREATE CERTIFICATE [junk] FROM BINARY = 0x308205A8DEADBEEF")).isEqualTo(15297);
        ok("DROP CERTIFICATE [mi-one.abc123.database.windows.net]");
        assertThat(scalar("SELECT CERT_ID(N'mi-one.abc123.database.windows.net')")).isNull();
        assertThat(errorNumber("DROP CERTIFICATE [mi-one.abc123.database.windows.net]")).isEqualTo(15151);
    }

    @Test
    void guardedCreateIsANoOpTheSecondTime() {
        ok("CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'p'");
        String guarded = "IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'x') "
                + "CREATE CERTIFICATE [x] WITH SUBJECT = N'y';";
        ok(guarded);
        CatalogSnapshot before = server.catalog().snapshot();
        assertThat(ok(guarded)).isEmpty();
        assertThat(server.catalog().snapshot()).isEqualTo(before);
        assertThat(before.certificates()).hasSize(1);
    }

    @Test
    void failedStatementLeavesCatalogUnchanged() {
        ok("CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'p'; CREATE CERTIFICATE [a] WITH SUBJECT = 'a'");
        CatalogSnapshot before = server.catalog().snapshot();
        assertThat(errorNumber("CREATE CERTIFICATE [a] WITH SUBJECT = 'again'")).isEqualTo(15232);
        assertThat(errorNumber("CREATE ENDPOINT ep STATE = STARTED AS TCP (LISTENER_PORT = 5022) FOR "
                + "DATABASE_MIRRORING (AUTHENTICATION = CERTIFICATE [missing])")).isEqualTo(15151);
        assertThat(server.catalog().snapshot()).isEqualTo(before);
    }

    @Test
    void hostileIdentifiersRoundTrip() {
        ok("CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'p'");
        String name = "we]ird 'name' \u00e9\u6f22\u5b57";
        String bracketed = "[" + name.replace("]", "]]") + "]";
        String literal = "N'" + name.replace("'", "''") + "'";
        ok("CREATE CERTIFICATE " + bracketed + " WITH SUBJECT = " + literal);
        assertThat(scalar("SELECT name FROM sys.certificates WHERE name = " + literal)).isEqualTo(name);
        assertThat(scalar("SELECT subject FROM sys.certificates WHERE name = @P0", name)).isEqualTo(name);
        assertThat(scalar("SELECT CERT_ID(@P0)", name)).isNotNull();
        ok("DROP CERTIFICATE " + bracketed);
        assertThat(server.catalog().certificates()).isEmpty();
    }

    @Test
    void trustedIssuers() {
        byte[] root = TestCertificates.endpoint("DigiCert Global Root G2", Instant.parse("2013-08-01T00:00:00Z"),
                Instant.parse("2038-01-15T00:00:00Z")).encoded();
        String batch = "IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'DigiCertPKI')\nBEGIN\n"
                + "  CREATE CERTIFICATE [DigiCertPKI] FROM BINARY = 0x" + HexFormat.of().formatHex(root) + ";\n"
                + "  DECLARE @id int = CERT_ID(N'DigiCertPKI');\n"
                + "  EXEC sp_certificate_add_issuer @id, N'*.database.windows.net';\nEND";
        ok(batch);
        assertThat(server.catalog().issuers()).hasSize(1);
        ok(batch);
        SqlResult.Error dup = error("DECLARE @id int = CERT_ID(N'DigiCertPKI'); "
                + "EXEC sp_certificate_add_issuer @id, N'*.database.windows.net'");
        assertThat(dup.message()).isEqualTo("The certificate 'DigiCertPKI' has been already added as a trusted issuer "
                + "for DNS name '*.database.windows.net'");
        assertThat(errorNumber("EXEC sp_certificate_add_issuer 9999, N'*.x'")).isEqualTo(15151);
    }
}
