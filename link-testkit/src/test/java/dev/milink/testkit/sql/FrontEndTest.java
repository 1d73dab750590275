package dev.milink.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrontEndTest extends SqlTestSupport {

    @BeforeEach
    void setUp() throws SqlError {
        open(standard().build());
    }

    @Test
    void commentsBracketsLiteralsAndSeveralStatements() {
        List<SqlResult> results = ok("-- leading comment\nSELECT 1 AS [a]]b] /* block /* nested */ */; "
                + "select N'it''s' as s, 0x0A0b AS bin\nSELECT 2");
        List<SqlResult.Rows> sets = results.stream().filter(r -> r instanceof SqlResult.Rows)
                .map(r -> (SqlResult.Rows) r).toList();
        assertThat(sets).hasSize(3);
        assertThat(sets.get(0).columns().get(0).name()).isEqualTo("a]b");
        assertThat(sets.get(0).columns().get(0).type()).isEqualTo(SqlType.INT);
        assertThat(sets.get(1).rows().get(0).get(0)).isEqualTo("it's");
        assertThat((byte[]) sets.get(1).rows().get(0).get(1)).containsExactly(0x0A, 0x0B);
        assertThat(sets.get(2).rows().get(0)).containsExactly(2);
    }

    @Test
    void parametersAndVariables() {
        assertThat(scalar("SELECT @P0 + 1", 41)).isEqualTo(42);
        assertThat(scalar("DECLARE @v nvarchar(max) = N'x' + @P0; SELECT @v", "y")).isEqualTo("xy");
        assertThat(scalar("DECLARE @i int = 5; SET @i = @i * 2; SELECT @i AS doubled")).isEqualTo(10);
        assertThat(errorNumber("SELECT @nope")).isEqualTo(137);
    }

    @Test
    void useChangesDatabaseAndUnknownDatabaseFails() {
        ok("USE [SalesDb]");
        assertThat(session.database()).isEqualTo("SalesDb");
        assertThat(scalar("SELECT COUNT(*) FROM Orders")).isEqualTo(2);
        assertThat(errorNumber("USE NoSuchDb")).isEqualTo(911);
        assertThat(session.database()).isEqualTo("SalesDb");
        session.reset();
        assertThat(session.database()).isEqualTo("master");
    }

    @Test
    void setPrintThrowRaiserror() {
        List<SqlResult> r = ok("SET NOCOUNT ON; SET XACT_ABORT ON; SET TRANSACTION ISOLATION LEVEL READ COMMITTED; "
                + "PRINT N'hello ' + N'world'");
        assertThat(r).containsExactly(new SqlResult.Info(0, 1, 0, "hello world"));
        SqlResult.Error e = error("THROW 50001, N'custom failure', 3; SELECT 1");
        assertThat(e).isEqualTo(new SqlResult.Error(50001, 3, 16, "custom failure"));
        assertThat(run("THROW 50001, N'x', 1; SELECT 1")).hasSize(1);
        assertThat(error("RAISERROR(N'bad %s', 16, 1, N'thing')").message()).isEqualTo("bad thing");
        assertThat(error("RAISERROR(N'bad', 16, 1)").number()).isEqualTo(50000);
        assertThat(ok("RAISERROR(N'note', 10, 1)")).containsExactly(new SqlResult.Info(50000, 1, 10, "note"));
    }

    @Test
    void ifElseAndBlocks() {
        assertThat(scalar("IF 1 = 2 SELECT 'a' ELSE SELECT 'b'")).isEqualTo("b");
        assertThat(scalar("IF NOT EXISTS (SELECT 1 FROM sys.databases WHERE name = N'SalesDb') SELECT 'missing' "
                + "ELSE BEGIN PRINT 'p'; SELECT 'found' END")).isEqualTo("found");
        assertThat(scalar("IF EXISTS (SELECT * FROM sys.databases WHERE name LIKE N'Sales%') SELECT 1")).isEqualTo(1);
        assertThat(scalar("IF (SELECT COUNT(*) FROM SalesDb.dbo.Orders) >= 2 SELECT 'many'")).isEqualTo("many");
    }

    @Test
    void whereOperatorsGroupOrder() {
        SqlResult.Rows r = rows("SELECT d.name, database_id FROM master.sys.databases AS d "
                + "WHERE (d.database_id > 4 OR name = 'master') AND NOT name IN (N'SimpleDb') AND name IS NOT NULL "
                + "ORDER BY database_id DESC");
        assertThat(r.rows()).extracting(row -> row.get(0)).containsExactly("SalesDb", "master");
        assertThat(r.columns()).extracting(SqlResult.Column::type).containsExactly(SqlType.NVARCHAR, SqlType.INT);
        SqlResult.Rows g = rows("SELECT recovery_model_desc, COUNT(*) AS n FROM sys.databases GROUP BY "
                + "recovery_model_desc ORDER BY n DESC, recovery_model_desc");
        assertThat(g.rows()).containsExactly(List.of("FULL", 4), List.of("SIMPLE", 2));
        assertThat(scalar("SELECT MAX(id) FROM SalesDb.dbo.Orders")).isEqualTo(2);
        assertThat(scalar("SELECT COUNT(*) FROM sys.databases WHERE name LIKE 'm_ster' OR name <> name")).isEqualTo(1);
        assertThat(rows("SELECT 1 WHERE 1 = 0").rows()).isEmpty();
        assertThat(scalar("SELECT 1 WHERE N'a' = N'A'")).isEqualTo(1);
        assertThat(scalar("SELECT TOP 1 name FROM sys.databases ORDER BY 1")).isEqualTo("master");
        assertThat(scalar("SELECT CAST(42 AS bigint)")).isEqualTo(42L);
        assertThat(scalar("SELECT CAST('12' AS decimal(25,0))")).isEqualTo(new BigDecimal("12"));
    }

    @Test
    void unknownStatementsFailLoudly() {
        SqlResult.Error e = error("sp_frobnicate 1");
        assertThat(e.number()).isEqualTo(2812);
        assertThat(errorNumber("EXEC dbo.sp_who_knows")).isEqualTo(2812);
        assertThat(errorNumber("SELEKT 1")).isEqualTo(2812);
        assertThat(errorNumber("SELEKT 1 FROM x")).isEqualTo(156);
        assertThat(errorNumber("SELECT FROM")).isIn(102, 156);
        assertThat(errorNumber("UPDATE t SET a = 1")).isIn(102, 156);
        assertThat(errorNumber("SELECT 'unterminated")).isEqualTo(105);
        assertThat(errorNumber("SELECT * FROM sys.no_such_view")).isEqualTo(208);
        assertThat(errorNumber("SELECT nope FROM sys.databases")).isEqualTo(207);
        assertThat(errorNumber("SELECT NOSUCHFUNC(1)")).isEqualTo(195);
        assertThat(errorNumber("SELECT a.name FROM sys.databases d JOIN sys.master_files f ON 1 = 1")).isEqualTo(102);
    }

    @Test
    void loginChecksPasswordAndDatabase() {
        assertThatThrownBy(() -> server.engine().login(new LoginRequest("sa", "wrong", "", "app", "h")))
                .isInstanceOfSatisfying(SqlError.class, e -> {
                    assertThat(e.number()).isEqualTo(18456);
                    assertThat(e.severity()).isEqualTo(14);
                    assertThat(e.getMessage()).doesNotContain("wrong");
                });
        assertThatThrownBy(() -> server.engine().login(new LoginRequest("sa", PASSWORD, "Nope", "app", "h")))
                .isInstanceOfSatisfying(SqlError.class, e -> assertThat(e.number()).isEqualTo(4060));
    }

    @Test
    void sysadminCheckAndIdentityFunctions() throws SqlError {
        assertThat(scalar("SELECT IS_SRVROLEMEMBER(N'sysadmin')")).isEqualTo(1);
        SqlSession reader = server.engine().login(new LoginRequest("reader", "Reader#1", "SalesDb", "app", "h"));
        List<SqlResult> r = reader.execute("SELECT IS_SRVROLEMEMBER('sysadmin') AS s, DB_ID(), @@SPID", List.of(),
                CancelSignal.NEVER);
        SqlResult.Rows rows = (SqlResult.Rows) r.get(0);
        assertThat(rows.rows().get(0).get(0)).isEqualTo(0);
        assertThat(rows.rows().get(0).get(1)).isEqualTo(5);
        assertThat(rows.columns().get(2).type()).isEqualTo(SqlType.SMALLINT);
        assertThat(reader.execute("DBCC TRACEON(1222, -1)", List.of(), CancelSignal.NEVER).get(0))
                .isInstanceOfSatisfying(SqlResult.Error.class, e -> assertThat(e.number()).isEqualTo(2571));
    }

    @Test
    void cancelStopsBeforeNextStatement() {
        List<SqlResult> r = session.execute("SELECT 1; SELECT 2", List.of(), () -> true);
        assertThat(r).isEmpty();
    }
}
