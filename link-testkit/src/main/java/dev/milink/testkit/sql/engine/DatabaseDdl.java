package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlResult;
import dev.milink.testkit.sql.catalog.BackupInfo;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import dev.milink.testkit.sql.catalog.UserTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** CREATE DATABASE / TABLE, ALTER DATABASE SET, BACKUP, and the INSERT workload. */
final class DatabaseDdl {

    private DatabaseDdl() {
    }

    static void createDatabase(ExecContext ctx, String name) throws SqlError {
        HadrCatalog c = ctx.catalog();
        if (c.database(name).isPresent()) {
            throw Errors.error(1801, "Database '" + name + "' already exists. Choose a different database name.");
        }
        c.addDatabase(name, "FULL", ctx.config().collation(), 1, 16L << 20);
        ctx.done();
    }

    private static DatabaseInfo alterable(ExecContext ctx, String db) throws SqlError {
        return ctx.catalog().database(db).orElseThrow(() -> Errors.error(5011, 14, "User does not have permission "
                + "to alter database '" + db + "', the database does not exist, or the database is not in a state "
                + "that allows access checks."));
    }

    static void setRecovery(ExecContext ctx, String db, String model) throws SqlError {
        DatabaseInfo d = alterable(ctx, db);
        if (!List.of("FULL", "SIMPLE", "BULK_LOGGED").contains(model)) {
            throw Errors.error(102, 15, "Incorrect syntax near '" + model + "'.");
        }
        if (!"FULL".equals(model) && ctx.catalog().groups().agOfDatabase(d.name()).isPresent()) {
            throw Errors.error(1468, "The operation cannot be performed on database \"" + d.name() + "\" because it "
                    + "is involved in a database mirroring session or an availability group. Some operations are not "
                    + "allowed on a database that is participating in a database mirroring session or in an "
                    + "availability group.");
        }
        ctx.catalog().updateDatabase(d.name(), x -> x.withRecoveryModel(model));
        ctx.done();
    }

    static void setOption(ExecContext ctx, String db, List<String> words) throws SqlError {
        DatabaseInfo d = alterable(ctx, db);
        if (words.contains("ENABLE_BROKER") || words.contains("NEW_BROKER")) {
            ctx.catalog().updateDatabase(d.name(), x -> x.withBroker(true));
        } else if (words.contains("DISABLE_BROKER")) {
            ctx.catalog().updateDatabase(d.name(), x -> x.withBroker(false));
        }
        ctx.done();
    }

    static void backup(ExecContext ctx, Specs.Backup spec) throws SqlError {
        HadrCatalog c = ctx.catalog();
        DatabaseInfo d = c.database(spec.database()).orElseThrow(() -> Errors.error(911, "Database '"
                + spec.database() + "' does not exist. Make sure that the name is entered correctly."));
        boolean copyOnly = spec.options().contains("COPY_ONLY");
        String type = spec.log() ? "L" : spec.options().contains("DIFFERENTIAL") ? "I" : "D";
        List<BackupInfo> history = c.backups().stream()
                .filter(b -> b.databaseName().equalsIgnoreCase(d.name())).toList();
        if (spec.log()) {
            if ("SIMPLE".equals(d.recoveryModel())) {
                throw Errors.error(4208, "The statement BACKUP LOG is not allowed while the recovery model is SIMPLE. "
                        + "Use BACKUP DATABASE or change the recovery model using ALTER DATABASE.");
            }
            if (history.stream().noneMatch(b -> "D".equals(b.type()))) {
                throw Errors.error(4214, "BACKUP LOG cannot be performed because there is no current database backup.");
            }
        } else if ("I".equals(type) && history.stream().noneMatch(b -> "D".equals(b.type()) && !b.copyOnly())) {
            throw Errors.error(3035, "Cannot perform a differential backup for database \"" + d.name()
                    + "\", because a current database backup does not exist.");
        }
        BigDecimal first = spec.log() ? history.stream().filter(b -> "L".equals(b.type()) || "D".equals(b.type()))
                .reduce((a, b) -> b).map(BackupInfo::lastLsn).orElse(d.endOfLogLsn()) : d.endOfLogLsn();
        boolean duringSeeding = spec.log() && c.groups().seedingRunning(d.name());
        c.recordBackup(new BackupInfo(d.name(), type, copyOnly, c.now(), c.now(), first, d.endOfLogLsn(),
                String.join(";", spec.disks()), duringSeeding));
        if (spec.log() && spec.options().contains("NORECOVERY")) {
            c.updateDatabase(d.name(), x -> x.withState("RESTORING"));
        }
        int pages = (int) Math.max(2, d.sizeBytes() / 8192);
        ctx.add(new SqlResult.Info(3014, 1, 0, (spec.log() ? "BACKUP LOG" : "BACKUP DATABASE")
                + " successfully processed " + pages + " pages in 0.010 seconds (100.000 MB/sec)."));
    }

    static void createTable(ExecContext ctx, List<String> name, List<String> columns) throws SqlError {
        String[] target = target(ctx, name);
        if (ctx.catalog().tables().table(target[0], target[1]).isPresent()) {
            throw Errors.error(2714, "There is already an object named '" + target[1] + "' in the database.");
        }
        ctx.catalog().tables().putTable(new UserTable(target[0], target[1], columns, List.of()));
        ctx.done();
    }

    private static String[] target(ExecContext ctx, List<String> name) throws SqlError {
        String full = String.join(".", name);
        if (name.size() > 3 || (name.size() >= 2 && !"dbo".equalsIgnoreCase(name.get(name.size() - 2)))) {
            throw Errors.invalidObject(full);
        }
        String db = name.size() == 3 ? name.get(0) : ctx.session().database();
        DatabaseInfo d = ctx.catalog().database(db).orElseThrow(() -> Errors.invalidObject(full));
        return new String[] {d.name(), name.get(name.size() - 1)};
    }

    static void insert(ExecContext ctx, Specs.Insert spec) throws SqlError {
        HadrCatalog c = ctx.catalog();
        String[] target = target(ctx, spec.table());
        UserTable table = c.tables().table(target[0], target[1])
                .orElseThrow(() -> Errors.invalidObject(String.join(".", spec.table())));
        DatabaseInfo d = c.database(target[0]).orElseThrow();
        if (c.groups().isSecondary(d.name())) {
            throw Errors.error(3906, "Failed to update database \"" + d.name() + "\" because the database is read-only.");
        }
        if (!"ONLINE".equals(d.state())) {
            throw Errors.error(976, 14, "The target database, '" + d.name() + "', is participating in an availability "
                    + "group and is currently not accessible for queries.");
        }
        List<Integer> positions = new ArrayList<>();
        if (spec.columns().isEmpty()) {
            for (int i = 0; i < table.columns().size(); i++) {
                positions.add(i);
            }
        } else {
            for (String col : spec.columns()) {
                int i = table.columns().stream().map(String::toLowerCase).toList().indexOf(col.toLowerCase());
                if (i < 0) {
                    throw Errors.invalidColumn(col);
                }
                positions.add(i);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        Evaluator ev = new Evaluator(ctx);
        for (List<Ast.Expr> values : spec.rows()) {
            if (values.size() != positions.size()) {
                throw spec.columns().isEmpty()
                        ? Errors.error(213, "Column name or number of supplied values does not match table definition.")
                        : values.size() < positions.size()
                                ? Errors.error(109, "There are more columns in the INSERT statement than values "
                                        + "specified in the VALUES clause.")
                                : Errors.error(110, "There are fewer columns in the INSERT statement than values "
                                        + "specified in the VALUES clause.");
            }
            Object[] row = new Object[table.columns().size()];
            for (int i = 0; i < values.size(); i++) {
                row[positions.get(i)] = ev.eval(values.get(i), Evaluator.EMPTY);
            }
            rows.add(Arrays.asList(row));
        }
        for (List<Object> row : rows) {
            c.tables().appendRow(d.name(), table.name(), row);
        }
        if (!ctx.session().nocount()) {
            ctx.add(new SqlResult.UpdateCount(rows.size()));
        }
    }
}
