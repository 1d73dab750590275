package dev.milink.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamicSqlTest extends SqlTestSupport {

    @BeforeEach
    void setUp() throws SqlError {
        open(standard().build());
    }

    @Test
    void dynamicCertificateCreationAsTheDocsBuildIt() {
        ok("CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'p'");
        String batch = "DECLARE @name nvarchar(max) = N'Cert_' + @@SERVERNAME + N'_endpoint';\n"
                + "DECLARE @sql nvarchar(max) = N'IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'''"
                + " + @name + N''') CREATE CERTIFICATE ' + QUOTENAME(@name) + N' WITH SUBJECT = N''Certificate for '"
                + " + @name + N''', EXPIRY_DATE = ''03/30/2027''';\nEXEC (@sql);";
        ok(batch);
        ok(batch);
        assertThat(server.catalog().certificates()).hasSize(1);
        assertThat(scalar("SELECT subject FROM sys.certificates WHERE name = N'Cert_SQLBOX01_endpoint'"))
                .isEqualTo("Certificate for Cert_SQLBOX01_endpoint");
    }

    @Test
    void quotenameAndSpExecutesql() {
        assertThat(scalar("SELECT QUOTENAME(N'a]b')")).isEqualTo("[a]]b]");
        assertThat(scalar("SELECT QUOTENAME(N'it''s', '''')")).isEqualTo("'it''s'");
        SqlResult.Rows r = rows("EXEC sp_executesql N'SELECT @x + 1 AS y', N'@x int', 41");
        assertThat(r.rows().get(0)).containsExactly(42);
        assertThat(errorNumber("DECLARE @name int = 1; EXEC (N'SELECT @name')")).isEqualTo(137);
    }
}
