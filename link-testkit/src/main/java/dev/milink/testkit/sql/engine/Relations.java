package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlResult.Column;
import dev.milink.testkit.sql.SqlType;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import dev.milink.testkit.sql.catalog.UserTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Resolves a FROM name ({@code sys.x}, {@code master.sys.x}, {@code msdb.dbo.backupset}, {@code db.dbo.t}). */
final class Relations {

    private Relations() {
    }

    static Relation resolve(ExecContext ctx, List<String> parts) throws SqlError {
        String full = String.join(".", parts);
        if (parts.size() > 3) {
            throw Errors.invalidObject(full);
        }
        String name = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : "dbo";
        String db = parts.size() == 3 ? parts.get(0) : ctx.session().database();
        DatabaseInfo database = ctx.catalog().database(db).orElseThrow(() -> Errors.invalidObject(full));
        if ("sys".equalsIgnoreCase(schema)) {
            Relation r = SystemViews.view(ctx, database, name.toLowerCase(Locale.ROOT));
            if (r == null) {
                r = HadrViews.view(ctx, name.toLowerCase(Locale.ROOT));
            }
            if (r == null) {
                throw Errors.invalidObject(full);
            }
            return r;
        }
        if ("msdb".equalsIgnoreCase(database.name()) && "backupset".equalsIgnoreCase(name)) {
            return SystemViews.backupset(ctx);
        }
        if (!"dbo".equalsIgnoreCase(schema)) {
            throw Errors.invalidObject(full);
        }
        UserTable table = ctx.catalog().tables().table(database.name(), name).orElseThrow(() -> Errors.invalidObject(full));
        if ("RESTORING".equals(database.state())) {
            throw Errors.error(927, 14, "Database '" + database.name()
                    + "' cannot be opened. It is in the middle of a restore.");
        }
        return userTable(table);
    }

    static Relation userTable(UserTable table) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            SqlType type = SqlType.NVARCHAR;
            for (List<Object> row : table.rows()) {
                if (row.get(i) != null) {
                    type = Values.typeOfValue(row.get(i));
                    break;
                }
            }
            columns.add(new Column(table.columns().get(i), type));
        }
        return new Relation(table.name(), columns, new ArrayList<>(table.rows()));
    }
}
