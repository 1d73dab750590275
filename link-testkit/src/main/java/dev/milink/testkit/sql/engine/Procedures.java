package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlType;
import dev.milink.testkit.sql.catalog.CertificateInfo;
import dev.milink.testkit.sql.catalog.EndpointInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** System stored procedures: sp_certificate_add_issuer, sp_get_endpoint_certificate; others are 2812. */
final class Procedures {

    private Procedures() {
    }

    /** Runs dynamic SQL ({@code EXEC (@sql)}, {@code sp_executesql}) in its own variable scope. */
    static void dynamic(ExecContext ctx, String sql, Map<String, Object> parameters) throws SqlError {
        ExecContext child = ctx.child(parameters);
        for (Statement s : new StatementParser(Lexer.tokenize(sql)).batch()) {
            s.run(child);
        }
    }

    private static void executeSql(ExecContext ctx, List<Object> args) throws SqlError {
        if (args.isEmpty() || args.get(0) == null) {
            throw Errors.error(214, "Procedure expects parameter '@statement' of type 'ntext/nchar/nvarchar'.");
        }
        Map<String, Object> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (args.size() > 1 && args.get(1) != null) {
            Matcher m = Pattern.compile("(@[\\w@#$]+)").matcher(Values.text(args.get(1)));
            int i = 2;
            while (m.find()) {
                params.put(m.group(1), i < args.size() ? args.get(i) : null);
                i++;
            }
        }
        dynamic(ctx, Values.text(args.get(0)), params);
    }

    static void call(ExecContext ctx, String name, List<Ast.Expr> argExprs) throws SqlError {
        String proc = name.toLowerCase(Locale.ROOT).replaceFirst("^(master\\.)?(dbo\\.|sys\\.)?", "");
        List<Object> args = new ArrayList<>();
        Evaluator ev = new Evaluator(ctx);
        for (Ast.Expr e : argExprs) {
            args.add(ev.eval(e, Evaluator.EMPTY));
        }
        switch (proc) {
            case "sp_certificate_add_issuer" -> {
                SecurityDdl.addIssuer(ctx, args.isEmpty() ? null : args.get(0), args.size() < 2 ? null : args.get(1));
                ctx.done();
            }
            case "sp_get_endpoint_certificate" -> {
                Object type = args.isEmpty() ? null : args.get(0);
                Relation.Builder b = new Relation.Builder("endpoint_certificate")
                        .col("EndpointCertificatePublicKey", SqlType.VARBINARY_MAX);
                byte[] der = null;
                if (type != null && ((Number) Values.convert(type, SqlType.INT)).intValue() == 4) {
                    der = ctx.catalog().endpoints().stream().map(EndpointInfo::certificateId)
                            .filter(java.util.Objects::nonNull).findFirst()
                            .flatMap(id -> ctx.catalog().certificateById(id)).map(CertificateInfo::der).orElse(null);
                }
                b.row((Object) der);
                ctx.add(StatementParser.toRows(b.build()));
            }
            case "sp_executesql" -> executeSql(ctx, args);
            default -> throw Errors.error(2812, "Could not find stored procedure '" + name + "'.");
        }
    }
}
