package dev.milink.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Shared helpers: a standard server, and shortcuts to run batches and pick results. */
abstract class SqlTestSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    static final String PASSWORD = "S3cret!pw";

    SimulatedSqlServer server;
    SqlSession session;

    static SimulatedSqlServer.Builder standard() {
        return SimulatedSqlServer.builder().serverName("SQLBOX01").productVersion("16.0.4175.1")
                .edition("Enterprise Edition (64-bit)").flavor(Flavor.SQL_SERVER).hadrEnabled(true)
                .collation("SQL_Latin1_General_CP1_CI_AS").login("sa", PASSWORD, true)
                .login("reader", "Reader#1", false).traceFlags(1800, 9567).clock(CLOCK)
                .database("SalesDb", d -> d.recoveryFull().fullBackup().logFiles(1).sizeBytes(512L << 20)
                        .table("Orders", List.of("id", "item"), List.of(List.of(1, "apple"), List.of(2, "pear"))))
                .database("SimpleDb", d -> d.table("T", List.of("id")));
    }

    void open(SimulatedSqlServer s) throws SqlError {
        server = s;
        session = s.engine().login(new LoginRequest("sa", PASSWORD, "", "test", "host"));
    }

    List<SqlResult> run(String sql, Object... params) {
        return session.execute(sql, Arrays.asList(params), CancelSignal.NEVER);
    }

    /** Runs and asserts no error came back. */
    List<SqlResult> ok(String sql, Object... params) {
        List<SqlResult> results = run(sql, params);
        assertThat(results).as(sql).noneMatch(r -> r instanceof SqlResult.Error);
        return results;
    }

    SqlResult.Rows rows(String sql, Object... params) {
        return ok(sql, params).stream().filter(r -> r instanceof SqlResult.Rows).map(r -> (SqlResult.Rows) r)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no result set for " + sql));
    }

    Object scalar(String sql, Object... params) {
        SqlResult.Rows r = rows(sql, params);
        assertThat(r.rows()).as(sql).hasSize(1);
        return r.rows().get(0).get(0);
    }

    SqlResult.Error error(String sql, Object... params) {
        List<SqlResult> results = run(sql, params);
        return results.stream().filter(r -> r instanceof SqlResult.Error).map(r -> (SqlResult.Error) r).findFirst()
                .orElseThrow(() -> new AssertionError("expected an error from " + sql + " but got " + results));
    }

    int errorNumber(String sql, Object... params) {
        return error(sql, params).number();
    }
}
