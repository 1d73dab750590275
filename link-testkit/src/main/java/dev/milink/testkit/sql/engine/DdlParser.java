package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.engine.Ast.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses CREATE / ALTER / DROP / BACKUP, INSERT and DBCC into handler calls. */
final class DdlParser {

    private final Cursor in;
    private final ExprParser exprs;
    private final AgParser ag;

    DdlParser(Cursor in, ExprParser exprs) {
        this.in = in;
        this.exprs = exprs;
        this.ag = new AgParser(in, this);
    }

    Statement parse() throws SqlError {
        String verb = in.word();
        if ("BACKUP".equals(verb)) {
            return backup();
        }
        if (in.acceptWords("MASTER", "KEY")) {
            return masterKey(verb);
        }
        if (in.acceptWord("CERTIFICATE")) {
            return certificate(verb);
        }
        if (in.acceptWord("ENDPOINT")) {
            return new EndpointParser(in).parse(verb);
        }
        if (in.acceptWords("AVAILABILITY", "GROUP")) {
            return ag.parse(verb);
        }
        if (in.acceptWord("DATABASE")) {
            String db = in.identifier();
            if ("CREATE".equals(verb)) {
                return ctx -> DatabaseDdl.createDatabase(ctx, db);
            }
            if ("ALTER".equals(verb)) {
                return alterDatabase(db);
            }
        }
        if ("CREATE".equals(verb) && in.acceptWord("TABLE")) {
            return createTable();
        }
        throw Errors.syntax(in.peek());
    }

    private Statement masterKey(String verb) throws SqlError {
        if ("CREATE".equals(verb)) {
            in.expectWord("ENCRYPTION", "BY", "PASSWORD");
            in.expectSymbol("=");
            in.string();
            return SecurityDdl::createMasterKey;
        }
        if ("DROP".equals(verb)) {
            return SecurityDdl::dropMasterKey;
        }
        throw Errors.syntax(in.peek());
    }

    private Statement certificate(String verb) throws SqlError {
        String name = in.identifier();
        if ("DROP".equals(verb)) {
            return ctx -> SecurityDdl.dropCertificate(ctx, name);
        }
        if (!"CREATE".equals(verb)) {
            throw Errors.syntax(in.peek());
        }
        if (in.acceptWord("AUTHORIZATION")) {
            in.identifier();
        }
        if (in.acceptWord("FROM")) {
            if (in.acceptWord("BINARY")) {
                in.expectSymbol("=");
                byte[] der = in.binary();
                return ctx -> SecurityDdl.createCertificate(ctx, new Specs.Certificate(name, null, null, null, der, null));
            }
            in.expectWord("FILE");
            in.expectSymbol("=");
            String file = in.string();
            return ctx -> SecurityDdl.createCertificate(ctx, new Specs.Certificate(name, null, null, null, null, file));
        }
        in.expectWord("WITH");
        Map<String, String> options = new LinkedHashMap<>();
        do {
            String key = in.word();
            in.expectSymbol("=");
            options.put(key, in.string());
        } while (in.acceptSymbol(","));
        if (!options.containsKey("SUBJECT")) {
            throw Errors.syntax(in.peek());
        }
        Specs.Certificate spec = new Specs.Certificate(name, options.get("SUBJECT"), options.get("START_DATE"),
                options.get("EXPIRY_DATE"), null, null);
        return ctx -> SecurityDdl.createCertificate(ctx, spec);
    }

    private Statement alterDatabase(String db) throws SqlError {
        in.expectWord("SET");
        if (in.acceptWord("RECOVERY")) {
            String model = in.word();
            skipWithOptions();
            return ctx -> DatabaseDdl.setRecovery(ctx, db, model);
        }
        List<String> words = new ArrayList<>();
        while (!in.atEnd() && !in.atSymbol(";")) {
            words.add(in.next().text().toUpperCase(Locale.ROOT));
        }
        return ctx -> DatabaseDdl.setOption(ctx, db, words);
    }

    private void skipWithOptions() throws SqlError {
        if (in.acceptWord("WITH")) {
            in.word();
        }
    }

    private Statement backup() throws SqlError {
        boolean log = in.acceptWord("LOG");
        if (!log) {
            in.expectWord("DATABASE");
        }
        String db = in.identifier();
        in.expectWord("TO");
        List<String> disks = new ArrayList<>();
        do {
            String kind = in.word();
            if (!"DISK".equals(kind) && !"URL".equals(kind)) {
                throw Errors.syntax(in.peek());
            }
            in.expectSymbol("=");
            disks.add(in.string());
        } while (in.acceptSymbol(","));
        List<String> options = new ArrayList<>();
        if (in.acceptWord("WITH")) {
            do {
                options.add(in.word());
                if (in.acceptSymbol("=")) {
                    in.next();
                }
            } while (in.acceptSymbol(","));
        }
        Specs.Backup spec = new Specs.Backup(db, log, disks, options);
        return ctx -> DatabaseDdl.backup(ctx, spec);
    }

    Statement insert() throws SqlError {
        in.expectWord("INSERT");
        in.acceptWord("INTO");
        List<String> table = in.multipartName();
        List<String> columns = new ArrayList<>();
        if (in.acceptSymbol("(")) {
            do {
                columns.add(in.identifier());
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
        }
        in.expectWord("VALUES");
        List<List<Expr>> rows = new ArrayList<>();
        do {
            in.expectSymbol("(");
            List<Expr> row = new ArrayList<>();
            do {
                row.add(exprs.expr());
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
            rows.add(row);
        } while (in.acceptSymbol(","));
        Specs.Insert spec = new Specs.Insert(table, columns, rows);
        return ctx -> DatabaseDdl.insert(ctx, spec);
    }

    private Statement createTable() throws SqlError {
        List<String> name = in.multipartName();
        in.expectSymbol("(");
        List<String> columns = new ArrayList<>();
        int depth = 1;
        boolean expectName = true;
        while (depth > 0) {
            Token t = in.next();
            if (t.kind() == Token.Kind.EOF) {
                throw Errors.syntax(t);
            }
            if (expectName && depth == 1) {
                if (!t.isIdentifier()) {
                    throw Errors.syntax(t);
                }
                if (!t.isWord("CONSTRAINT") && !t.isWord("PRIMARY")) {
                    columns.add(t.text());
                }
                expectName = false;
            } else if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (t.isSymbol(",") && depth == 1) {
                expectName = true;
            }
        }
        return ctx -> DatabaseDdl.createTable(ctx, name, columns);
    }

    Statement dbcc() throws SqlError {
        String command = in.word();
        List<Long> args = new ArrayList<>();
        String word = null;
        if (in.acceptSymbol("(")) {
            if (in.peek().kind() == Token.Kind.WORD) {
                word = in.word();
            } else if (!in.atSymbol(")")) {
                do {
                    args.add(in.integer());
                } while (in.acceptSymbol(","));
            }
            in.expectSymbol(")");
        }
        boolean quiet = false;
        if (in.acceptWord("WITH")) {
            do {
                quiet |= "NO_INFOMSGS".equals(in.word());
            } while (in.acceptSymbol(","));
        }
        String option = word;
        boolean noInfo = quiet;
        return ctx -> Dbcc.run(ctx, command, args, option, noInfo);
    }

    /** Parses {@code (KEY = value, KEY, KEY = value)}; values are strings, numbers or words; nested groups skipped. */
    Map<String, String> options() throws SqlError {
        Map<String, String> out = new LinkedHashMap<>();
        in.expectSymbol("(");
        do {
            String key = in.word();
            String value = "";
            if (in.atSymbol("(")) {
                in.skipParenthesised();
            } else if (in.acceptSymbol("=")) {
                Token t = in.next();
                if (t.kind() == Token.Kind.EOF || t.kind() == Token.Kind.SYMBOL) {
                    throw Errors.syntax(t);
                }
                value = t.kind() == Token.Kind.WORD ? t.text().toUpperCase(Locale.ROOT) : t.text();
            }
            out.put(key, value);
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
        return out;
    }
}
