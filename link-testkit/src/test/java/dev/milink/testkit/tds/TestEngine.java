package dev.milink.testkit.tds;

import dev.milink.testkit.sql.CancelSignal;
import dev.milink.testkit.sql.LoginRequest;
import dev.milink.testkit.sql.SqlEngine;
import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlResult;
import dev.milink.testkit.sql.SqlResult.Column;
import dev.milink.testkit.sql.SqlResult.Rows;
import dev.milink.testkit.sql.SqlSession;
import dev.milink.testkit.sql.SqlType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny scripted engine for the TDS layer's own tests; statements are keywords, not real T-SQL. */
final class TestEngine implements SqlEngine {

    static final String USER = "sa";
    static final String PASSWORD = "Str0ng#Secret";

    static final LocalDateTime WHEN = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_700);
    static final OffsetDateTime WHEN_OFFSET = OffsetDateTime.of(2023, 12, 31, 23, 59, 59, 999_999_900,
            ZoneOffset.ofHoursMinutes(5, 30));
    static final UUID GUID = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    static final BigDecimal LSN = new BigDecimal("1234567890123456789012345");
    static final String LONG_TEXT = "x".repeat(5000) + "é";
    static final byte[] BLOB = bytes(9000);

    private static final Pattern FAIL = Pattern.compile("FAIL (\\d+)(?: (\\d+))?(?: (\\d+))?");
    private static final Pattern USE = Pattern.compile("(?i)use \\[?([^\\]]+)\\]?");

    final List<LoginRequest> logins = new CopyOnWriteArrayList<>();
    final List<List<Object>> parameters = new CopyOnWriteArrayList<>();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger cancelledStatements = new AtomicInteger();
    final AtomicInteger openSessions = new AtomicInteger();

    @Override
    public SqlSession login(LoginRequest login) throws SqlError {
        logins.add(login);
        if (!USER.equals(login.user()) || !PASSWORD.equals(login.password())) {
            throw new SqlError(18456, 1, 14, "Login failed for user '" + login.user() + "'.");
        }
        openSessions.incrementAndGet();
        return new Session(login.database().isEmpty() ? "master" : login.database());
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    static Rows allTypes() {
        List<Column> columns = new ArrayList<>();
        for (SqlType t : SqlType.values()) {
            columns.add(new Column(t.name().toLowerCase(Locale.ROOT), t));
        }
        List<Object> values = Arrays.asList(Integer.MIN_VALUE, Long.MAX_VALUE, -32768, 255, true, "héllo wörld",
                LONG_TEXT, new byte[] {1, 2, 3}, BLOB, LSN, 3.141592653589793, WHEN, WHEN_OFFSET, GUID);
        List<Object> nulls = Arrays.asList(new Object[columns.size()]);
        return new Rows(columns, List.of(values, nulls));
    }

    private final class Session implements SqlSession {

        private final String initialDatabase;
        private volatile String database;

        Session(String database) {
            this.initialDatabase = database;
            this.database = database;
        }

        @Override
        public String database() {
            return database;
        }

        @Override
        public List<SqlResult> execute(String sql, List<Object> params, CancelSignal cancel) {
            parameters.add(params);
            String s = sql.trim();
            String upper = s.toUpperCase(Locale.ROOT);
            Matcher fail = FAIL.matcher(s);
            Matcher use = USE.matcher(s);
            if (upper.equals("SELECT 1")) {
                return List.of(new Rows(List.of(new Column("", SqlType.INT)), List.of(List.of(1))));
            } else if (upper.equals("SELECT ALL_TYPES")) {
                return List.of(allTypes());
            } else if (upper.startsWith("ECHO")) {
                return List.of(echo(params));
            } else if (upper.startsWith("UPDATE")) {
                return List.of(new SqlResult.UpdateCount(3));
            } else if (upper.startsWith("CREATE")) {
                return List.of(new SqlResult.UpdateCount(-1));
            } else if (upper.equals("MULTI")) {
                Rows one = new Rows(List.of(new Column("a", SqlType.INT)), List.of(List.of(1), List.of(2)));
                Rows two = new Rows(List.of(new Column("b", SqlType.NVARCHAR)), List.of(List.of("z")));
                return List.of(one, new SqlResult.UpdateCount(2), two);
            } else if (upper.startsWith("PRINT ")) {
                return List.of(new SqlResult.Info(0, 1, 0, s.substring(6)),
                        new Rows(List.of(new Column("", SqlType.INT)), List.of(List.of(7))));
            } else if (fail.matches()) {
                int severity = fail.group(2) == null ? 16 : Integer.parseInt(fail.group(2));
                int state = fail.group(3) == null ? 1 : Integer.parseInt(fail.group(3));
                return List.of(new SqlResult.Error(Integer.parseInt(fail.group(1)), state, severity, "failure " + s));
            } else if (use.matches()) {
                database = use.group(1);
                return List.of();
            } else if (upper.equals("SELECT DB_NAME()")) {
                return List.of(new Rows(List.of(new Column("", SqlType.NVARCHAR)), List.of(List.of(database))));
            } else if (upper.equals("WAIT_FOR_CANCEL")) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!cancel.isCancelled() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                    sleepQuietly();
                }
                if (cancel.isCancelled()) {
                    cancelledStatements.incrementAndGet();
                }
                return List.of(new Rows(List.of(new Column("", SqlType.INT)), List.of(List.of(0))));
            } else if (upper.startsWith("SET ") || upper.startsWith("IF @@TRANCOUNT")) {
                return List.of();
            } else if (upper.startsWith("EXEC ")) {
                List<Object> row = new ArrayList<>();
                row.add(s);
                row.addAll(params);
                List<Column> columns = new ArrayList<>();
                columns.add(new Column("text", SqlType.NVARCHAR));
                for (Object p : params) {
                    columns.add(new Column("", typeOf(p)));
                }
                return List.of(new Rows(columns, List.of(row)));
            } else if (upper.equals("THROW")) {
                throw new IllegalStateException("engine bug");
            }
            return List.of(new SqlResult.Error(102, 1, 15, "Incorrect syntax near '" + s + "'."));
        }

        private Rows echo(List<Object> params) {
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                columns.add(new Column("p" + i, typeOf(params.get(i))));
            }
            return new Rows(columns, List.of(new ArrayList<>(params)));
        }

        @Override
        public void reset() {
            resets.incrementAndGet();
            database = initialDatabase;
        }

        @Override
        public void close() {
            openSessions.decrementAndGet();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static SqlType typeOf(Object v) {
        if (v instanceof Integer) {
            return SqlType.INT;
        } else if (v instanceof Long) {
            return SqlType.BIGINT;
        } else if (v instanceof Boolean) {
            return SqlType.BIT;
        } else if (v instanceof BigDecimal) {
            return SqlType.DECIMAL;
        } else if (v instanceof Double) {
            return SqlType.FLOAT;
        } else if (v instanceof byte[]) {
            return SqlType.VARBINARY;
        } else if (v instanceof LocalDateTime) {
            return SqlType.DATETIME2;
        } else if (v instanceof OffsetDateTime) {
            return SqlType.DATETIMEOFFSET;
        } else if (v instanceof UUID) {
            return SqlType.UNIQUEIDENTIFIER;
        }
        return SqlType.NVARCHAR;
    }
}
