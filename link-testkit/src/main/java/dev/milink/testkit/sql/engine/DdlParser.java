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
            return endpoint(verb);
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

    private Statement endpoint(String verb) throws SqlError {
        String name = in.identifier();
        if ("DROP".equals(verb)) {
            return ctx -> EndpointDdl.drop(ctx, name);
        }
        if (in.acceptWord("AUTHORIZATION")) {
            in.identifier();
        }
        String state = null;
        if (in.acceptWord("STATE")) {
            in.expectSymbol("=");
            state = in.word();
        }
        Integer port = null;
        String ip = null;
        if (in.acceptWord("AS")) {
            in.expectWord("TCP");
            in.expectSymbol("(");
            do {
                String key = in.word();
                in.expectSymbol("=");
                if ("LISTENER_PORT".equals(key)) {
                    port = (int) in.integer();
                } else if ("LISTENER_IP".equals(key)) {
                    ip = in.acceptWord("ALL") ? "ALL" : ipAddress();
                } else {
                    throw Errors.syntax(in.peek());
                }
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
        }
        Specs.Endpoint spec = mirroring(name, state, port, ip);
        return "CREATE".equals(verb) ? ctx -> EndpointDdl.create(ctx, spec) : ctx -> EndpointDdl.alter(ctx, spec);
    }

    private String ipAddress() throws SqlError {
        in.expectSymbol("(");
        StringBuilder sb = new StringBuilder();
        while (!in.acceptSymbol(")")) {
            sb.append(in.next().text());
        }
        return sb.toString();
    }

    private Specs.Endpoint mirroring(String name, String state, Integer port, String ip) throws SqlError {
        if (!in.acceptWord("FOR")) {
            return new Specs.Endpoint(name, state, port, ip, false, null, null, null, null, null);
        }
        String type = in.word();
        if (!"DATABASE_MIRRORING".equals(type) && !"DATA_MIRRORING".equals(type)) {
            throw Errors.error(102, 15, "Incorrect syntax near '" + type
                    + "'. (the simulated server supports DATABASE_MIRRORING endpoints only)");
        }
        String role = null;
        String auth = null;
        String cert = null;
        String encryption = null;
        String algorithm = null;
        in.expectSymbol("(");
        do {
            String key = in.word();
            in.expectSymbol("=");
            switch (key) {
                case "ROLE" -> role = in.word();
                case "AUTHENTICATION" -> {
                    List<String> parts = new ArrayList<>();
                    while (!in.atSymbol(",") && !in.atSymbol(")")) {
                        String w = in.word();
                        if ("CERTIFICATE".equals(w)) {
                            cert = in.identifier();
                            parts.add("CERTIFICATE");
                        } else if (!"WINDOWS".equals(w)) {
                            parts.add(w);
                        } else if (in.atSymbol(",") || in.atSymbol(")") || in.atWord("CERTIFICATE")) {
                            parts.add("NEGOTIATE");
                        }
                    }
                    auth = String.join(", ", parts);
                }
                case "ENCRYPTION" -> {
                    encryption = in.word();
                    if (in.acceptWord("ALGORITHM")) {
                        algorithm = in.word();
                        if (in.peek().kind() == Token.Kind.WORD && !in.atSymbol(",")) {
                            algorithm = algorithm + ", " + in.word();
                        }
                    } else {
                        algorithm = "DISABLED".equals(encryption) ? "NONE" : "AES";
                    }
                }
                default -> throw Errors.syntax(in.peek());
            }
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
        return new Specs.Endpoint(name, state, port, ip, true, role, auth, cert, encryption, algorithm);
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
