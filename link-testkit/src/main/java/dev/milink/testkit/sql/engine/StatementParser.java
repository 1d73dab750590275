package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlResult;
import dev.milink.testkit.sql.engine.Ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses a batch into statements: control flow, variables, SELECT, INSERT, EXEC, DBCC; DDL is delegated. */
final class StatementParser {

    private static final Set<String> UNSUPPORTED = Set.of("UPDATE", "DELETE", "MERGE", "TRUNCATE", "GRANT",
            "REVOKE", "DENY", "RESTORE", "WAITFOR", "WHILE", "RETURN", "ROLLBACK", "SAVE", "OPEN", "CLOSE", "FETCH",
            "DEALLOCATE", "KILL", "CHECKPOINT", "RECONFIGURE", "SHUTDOWN", "GOTO", "BREAK", "CONTINUE", "WITH",
            "ELSE", "END", "RECEIVE", "SEND", "MOVE", "ENABLE", "DISABLE", "BULK", "REVERT", "READTEXT");

    private final Cursor in;
    private final ExprParser exprs;
    private final DdlParser ddl;

    StatementParser(List<Token> tokens) {
        this.in = new Cursor(tokens);
        this.exprs = new ExprParser(in);
        this.ddl = new DdlParser(in, exprs);
    }

    List<Statement> batch() throws SqlError {
        List<Statement> out = new ArrayList<>();
        while (true) {
            while (in.acceptSymbol(";") || in.acceptWord("GO")) {
                // separators
            }
            if (in.atEnd()) {
                return out;
            }
            out.add(statement());
        }
    }

    Statement statement() throws SqlError {
        Token t = in.peek();
        if (t.kind() != Token.Kind.WORD) {
            throw Errors.syntax(t);
        }
        String word = t.text().toUpperCase(Locale.ROOT);
        switch (word) {
            case "SELECT":
                Ast.Select select = exprs.select();
                return ctx -> ctx.add(toRows(new SelectExecutor(ctx).run(select)));
            case "USE":
                in.next();
                String db = in.identifier();
                return ctx -> use(ctx, db);
            case "SET":
                return set();
            case "PRINT":
                in.next();
                Expr message = exprs.expr();
                return ctx -> ctx.add(new SqlResult.Info(0, 1, 0,
                        Values.text(new Evaluator(ctx).eval(message, Evaluator.EMPTY))));
            case "THROW":
                return throwStatement();
            case "RAISERROR":
                return raiserror();
            case "DECLARE":
                return declare();
            case "BEGIN":
                return block();
            case "COMMIT":
                in.next();
                if (!in.acceptWord("TRAN")) {
                    in.acceptWord("TRANSACTION");
                }
                return ctx -> { };
            case "IF":
                return ifStatement();
            case "INSERT":
                return ddl.insert();
            case "EXEC", "EXECUTE":
                in.next();
                return exec();
            case "DBCC":
                in.next();
                return ddl.dbcc();
            case "CREATE", "ALTER", "DROP", "BACKUP":
                return ddl.parse();
            default:
                if (UNSUPPORTED.contains(word) || Keywords.isReserved(word)) {
                    throw Errors.syntax(t);
                }
                return exec();
        }
    }

    static SqlResult.Rows toRows(Relation r) {
        return new SqlResult.Rows(r.columns(), r.rows());
    }

    private static void use(ExecContext ctx, String db) throws SqlError {
        String name = ctx.catalog().database(db).map(d -> d.name()).orElseThrow(() -> Errors.error(911,
                "Database '" + db + "' does not exist. Make sure that the name is entered correctly."));
        ctx.session().setDatabase(name);
        ctx.add(new SqlResult.Info(5701, 1, 0, "Changed database context to '" + name + "'."));
    }

    private Statement set() throws SqlError {
        in.next();
        if (in.peek().kind() == Token.Kind.VARIABLE) {
            String name = in.next().text();
            in.expectSymbol("=");
            Expr value = exprs.expr();
            return ctx -> ctx.assign(name, new Evaluator(ctx).eval(value, Evaluator.EMPTY));
        }
        boolean nocount = in.atWord("NOCOUNT");
        List<String> words = new ArrayList<>();
        while (!in.atEnd() && !in.atSymbol(";") && !startsStatement(in.peek()) || words.isEmpty()) {
            if (in.atEnd()) {
                throw Errors.syntax(in.peek());
            }
            words.add(in.next().text().toUpperCase(Locale.ROOT));
        }
        boolean on = words.contains("ON");
        return ctx -> {
            if (nocount) {
                ctx.session().setNocount(on);
            }
        };
    }

    private static boolean startsStatement(Token t) {
        return t.kind() == Token.Kind.WORD && Set.of("SELECT", "SET", "USE", "IF", "BEGIN", "DECLARE", "PRINT",
                "INSERT", "EXEC", "EXECUTE", "CREATE", "ALTER", "DROP", "BACKUP", "DBCC", "THROW", "RAISERROR",
                "END", "ELSE", "GO").contains(t.text().toUpperCase(Locale.ROOT));
    }

    private Statement throwStatement() throws SqlError {
        in.next();
        Expr number = exprs.expr();
        in.expectSymbol(",");
        Expr message = exprs.expr();
        in.expectSymbol(",");
        Expr state = exprs.expr();
        return ctx -> {
            Evaluator ev = new Evaluator(ctx);
            int n = ((Number) Values.convert(ev.eval(number, Evaluator.EMPTY), dev.milink.testkit.sql.SqlType.INT))
                    .intValue();
            if (n < 50000) {
                throw Errors.error(35100, "Error number " + n + " in the THROW statement is outside the valid range. "
                        + "Specify an error number in the valid range of 50000 to 2147483647.");
            }
            int st = ((Number) Values.convert(ev.eval(state, Evaluator.EMPTY), dev.milink.testkit.sql.SqlType.INT))
                    .intValue();
            throw new SqlError(n, st, 16, Values.text(ev.eval(message, Evaluator.EMPTY)));
        };
    }

    private Statement raiserror() throws SqlError {
        in.next();
        in.expectSymbol("(");
        Expr message = exprs.expr();
        in.expectSymbol(",");
        Expr severity = exprs.expr();
        in.expectSymbol(",");
        Expr state = exprs.expr();
        List<Expr> args = new ArrayList<>();
        while (in.acceptSymbol(",")) {
            args.add(exprs.expr());
        }
        in.expectSymbol(")");
        if (in.acceptWord("WITH")) {
            do {
                in.word();
            } while (in.acceptSymbol(","));
        }
        return ctx -> {
            Evaluator ev = new Evaluator(ctx);
            Object m = ev.eval(message, Evaluator.EMPTY);
            int sev = ((Number) Values.convert(ev.eval(severity, Evaluator.EMPTY), dev.milink.testkit.sql.SqlType.INT))
                    .intValue();
            int st = ((Number) Values.convert(ev.eval(state, Evaluator.EMPTY), dev.milink.testkit.sql.SqlType.INT))
                    .intValue();
            String text = Values.text(m);
            for (Expr a : args) {
                text = text.replaceFirst("%[sdi]", java.util.regex.Matcher.quoteReplacement(
                        Values.text(ev.eval(a, Evaluator.EMPTY))));
            }
            int number = m instanceof Number n ? n.intValue() : 50000;
            if (sev <= 10) {
                ctx.add(new SqlResult.Info(number, st, sev, text));
            } else {
                throw new SqlError(number, st, sev, text);
            }
        };
    }

    private Statement declare() throws SqlError {
        in.next();
        List<Statement> parts = new ArrayList<>();
        do {
            Token var = in.next();
            if (var.kind() != Token.Kind.VARIABLE || var.text().startsWith("@@")) {
                throw Errors.syntax(var);
            }
            in.acceptWord("AS");
            String type = exprs.typeName();
            Expr init = in.acceptSymbol("=") ? exprs.expr() : null;
            parts.add(ctx -> {
                dev.milink.testkit.sql.SqlType t = Values.typeOfName(type);
                Object v = init == null ? null : Values.convert(new Evaluator(ctx).eval(init, Evaluator.EMPTY), t);
                ctx.declare(var.text(), v);
            });
        } while (in.acceptSymbol(","));
        return ctx -> {
            for (Statement s : parts) {
                s.run(ctx);
            }
        };
    }

    private Statement block() throws SqlError {
        in.next();
        if (in.acceptWord("TRAN") || in.acceptWord("TRANSACTION")) {
            return ctx -> { };
        }
        List<Statement> body = new ArrayList<>();
        while (!in.atWord("END")) {
            if (in.acceptSymbol(";")) {
                continue;
            }
            if (in.atEnd()) {
                throw Errors.syntax(in.peek());
            }
            body.add(statement());
        }
        in.next();
        return ctx -> {
            for (Statement s : body) {
                s.run(ctx);
            }
        };
    }

    private Statement ifStatement() throws SqlError {
        in.next();
        Expr condition = exprs.expr();
        Statement then = statement();
        in.acceptSymbol(";");
        Statement otherwise = in.acceptWord("ELSE") ? statement() : null;
        return ctx -> {
            if (new Evaluator(ctx).test(condition, Evaluator.EMPTY)) {
                then.run(ctx);
            } else if (otherwise != null) {
                otherwise.run(ctx);
            }
        };
    }

    private Statement exec() throws SqlError {
        if (in.acceptSymbol("(")) {
            Expr text = exprs.expr();
            in.expectSymbol(")");
            return ctx -> Procedures.dynamic(ctx, Values.text(new Evaluator(ctx).eval(text, Evaluator.EMPTY)),
                    java.util.Map.of());
        }
        String proc = String.join(".", in.multipartName());
        List<Expr> args = new ArrayList<>();
        if (!in.atEnd() && !in.atSymbol(";") && !startsStatement(in.peek())) {
            do {
                if (in.peek().kind() == Token.Kind.VARIABLE && in.peek(1).isSymbol("=")) {
                    in.next();
                    in.next();
                }
                args.add(exprs.expr());
            } while (in.acceptSymbol(","));
        }
        return ctx -> Procedures.call(ctx, proc, args);
    }
}
