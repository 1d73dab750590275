package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlResult;
import dev.milink.testkit.sql.SqlType;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import java.math.BigDecimal;
import java.util.List;

/** DBCC TRACESTATUS / TRACEON / TRACEOFF / SQLPERF(LOGSPACE). */
final class Dbcc {

    private Dbcc() {
    }

    static void run(ExecContext ctx, String command, List<Long> args, String option, boolean quiet) throws SqlError {
        switch (command) {
            case "TRACESTATUS" -> traceStatus(ctx, args);
            case "TRACEON", "TRACEOFF" -> {
                if (!ctx.session().login().sysadmin()) {
                    throw Errors.error(2571, 14, "User '" + ctx.session().login().name()
                            + "' does not have permission to run DBCC " + command + ".");
                }
                for (long flag : args) {
                    if (flag == -1) {
                        continue;
                    }
                    if ("TRACEON".equals(command)) {
                        ctx.catalog().enableTraceFlag((int) flag);
                    } else {
                        ctx.catalog().disableTraceFlag((int) flag);
                    }
                }
            }
            case "SQLPERF" -> {
                if (!"LOGSPACE".equals(option)) {
                    throw Errors.error(2526, "Incorrect DBCC statement. Check the documentation for the correct DBCC "
                            + "syntax and options.");
                }
                logSpace(ctx);
            }
            default -> throw Errors.error(2526, "Incorrect DBCC statement. Check the documentation for the correct "
                    + "DBCC syntax and options.");
        }
        if (!quiet) {
            ctx.add(new SqlResult.Info(2528, 1, 0, "DBCC execution completed. If DBCC printed error messages, "
                    + "contact your system administrator."));
        }
    }

    private static void traceStatus(ExecContext ctx, List<Long> args) {
        Relation.Builder b = new Relation.Builder("tracestatus").col("TraceFlag", SqlType.INT)
                .col("Status", SqlType.INT).col("Global", SqlType.INT).col("Session", SqlType.INT);
        var flags = ctx.catalog().traceFlags();
        List<Long> asked = args.stream().filter(a -> a != -1).toList();
        if (asked.isEmpty()) {
            flags.stream().sorted().forEach(f -> b.row(f, 1, 1, 0));
        } else {
            for (long f : asked) {
                boolean on = flags.contains((int) f);
                b.row((int) f, on ? 1 : 0, on ? 1 : 0, 0);
            }
        }
        ctx.add(StatementParser.toRows(b.build()));
    }

    private static void logSpace(ExecContext ctx) {
        Relation.Builder b = new Relation.Builder("logspace").col("Database Name", SqlType.NVARCHAR)
                .col("Log Size (MB)", SqlType.FLOAT).col("Log Space Used (%)", SqlType.FLOAT)
                .col("Status", SqlType.INT);
        for (DatabaseInfo d : ctx.catalog().databases()) {
            double used = d.endOfLogLsn().subtract(DatabaseInfo.INITIAL_LSN).divide(BigDecimal.valueOf(100_000))
                    .doubleValue() * 0.05 + 1.5;
            b.row(d.name(), 8.0 * d.logFiles(), Math.min(100.0, used), 0);
        }
        ctx.add(StatementParser.toRows(b.build()));
    }
}
