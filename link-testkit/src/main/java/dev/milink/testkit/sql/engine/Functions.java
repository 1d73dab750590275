package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.Flavor;
import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlType;
import dev.milink.testkit.sql.catalog.CertificateInfo;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import dev.milink.testkit.sql.engine.Ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scalar built-in functions: SERVERPROPERTY, CERT_ID, CERTENCODED, DB_ID, IS_SRVROLEMEMBER, dates, strings. */
final class Functions {

    private Functions() {
    }

    static Object call(ExecContext ctx, Evaluator ev, Ast.Call c, Evaluator.Scope scope) throws SqlError {
        List<Object> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(ev.eval(a, scope));
        }
        switch (c.name()) {
            case "SERVERPROPERTY":
                return serverProperty(ctx, text(args, 0, c));
            case "IS_SRVROLEMEMBER":
                String role = text(args, 0, c);
                return role == null ? null : "sysadmin".equalsIgnoreCase(role) ? (ctx.session().login().sysadmin() ? 1 : 0)
                        : "public".equalsIgnoreCase(role) ? 1 : 0;
            case "CERT_ID":
                String name = text(args, 0, c);
                return name == null ? null
                        : ctx.catalog().certificate(name).map(CertificateInfo::certificateId).orElse(null);
            case "CERTENCODED":
                Object id = arg(args, 0, c);
                return id == null ? null : ctx.catalog().certificateById(((Number) Values.convert(id, SqlType.INT))
                        .intValue()).map(CertificateInfo::der).orElse(null);
            case "DB_ID":
                String db = args.isEmpty() ? ctx.session().database() : text(args, 0, c);
                return db == null ? null : ctx.catalog().database(db).map(DatabaseInfo::databaseId).orElse(null);
            case "DB_NAME":
                return args.isEmpty() ? ctx.session().database() : ctx.catalog()
                        .databaseById(((Number) Values.convert(arg(args, 0, c), SqlType.INT)).intValue())
                        .map(DatabaseInfo::name).orElse(null);
            case "SYSUTCDATETIME", "GETUTCDATE", "GETDATE", "SYSDATETIME":
                return ctx.catalog().now();
            case "ISNULL", "COALESCE":
                return args.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
            case "QUOTENAME":
                String raw = text(args, 0, c);
                String q = args.size() > 1 ? text(args, 1, c) : "[";
                if (raw == null) {
                    return null;
                }
                return "'".equals(q) ? "'" + raw.replace("'", "''") + "'"
                        : "\"".equals(q) ? "\"" + raw.replace("\"", "\"\"") + "\""
                        : "[" + raw.replace("]", "]]") + "]";
            case "UPPER":
                return text(args, 0, c) == null ? null : text(args, 0, c).toUpperCase(Locale.ROOT);
            case "LOWER":
                return text(args, 0, c) == null ? null : text(args, 0, c).toLowerCase(Locale.ROOT);
            case "LEN":
                return text(args, 0, c) == null ? null : text(args, 0, c).stripTrailing().length();
            case "SUSER_SNAME", "SUSER_NAME", "ORIGINAL_LOGIN":
                return ctx.session().login().name();
            default:
                throw Errors.error(195, 15, "'" + c.name() + "' is not a recognized built-in function name.");
        }
    }

    private static Object arg(List<Object> args, int i, Ast.Call c) throws SqlError {
        if (args.size() <= i) {
            throw Errors.error(174, 15, "The " + c.name().toLowerCase(Locale.ROOT)
                    + " function requires " + (i + 1) + " argument(s).");
        }
        return args.get(i);
    }

    private static String text(List<Object> args, int i, Ast.Call c) throws SqlError {
        Object v = arg(args, i, c);
        return v == null ? null : Values.text(v);
    }

    static Object serverProperty(ExecContext ctx, String property) {
        ServerConfig cfg = ctx.config();
        boolean mi = cfg.flavor() == Flavor.MANAGED_INSTANCE;
        if (property == null) {
            return null;
        }
        return switch (property.toLowerCase(Locale.ROOT)) {
            case "productversion" -> mi ? "12.0.2000.8" : cfg.productVersion();
            case "productlevel" -> mi ? "RTM" : cfg.productLevel();
            case "productupdatelevel" -> mi ? null : cfg.productUpdateLevel();
            case "productmajorversion" -> mi ? "12" : cfg.productVersion().split("\\.")[0];
            case "edition" -> mi ? "SQL Azure" : cfg.edition();
            case "engineedition" -> cfg.engineEdition();
            case "ishadrenabled" -> ctx.catalog().hadrEnabled() ? 1 : 0;
            case "collation" -> cfg.collation();
            case "servername" -> cfg.serverName();
            case "machinename" -> cfg.serverName().split("\\\\")[0];
            case "instancename" -> cfg.serverName().contains("\\") ? cfg.serverName().split("\\\\")[1] : null;
            case "isclustered" -> 0;
            default -> null;
        };
    }

    static SqlType serverPropertyType(Ast.Call c) {
        if (!c.args().isEmpty() && c.args().get(0) instanceof Ast.Literal l && l.value() instanceof String s) {
            String p = s.toLowerCase(Locale.ROOT);
            if (p.equals("engineedition") || p.equals("ishadrenabled") || p.equals("isclustered")) {
                return SqlType.INT;
            }
        }
        return SqlType.NVARCHAR;
    }
}
