package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import java.util.ArrayList;
import java.util.List;

/** Parses CREATE / ALTER / DROP ENDPOINT ... AS TCP (...) FOR DATABASE_MIRRORING (...). */
final class EndpointParser {

    private final Cursor in;

    EndpointParser(Cursor in) {
        this.in = in;
    }

    Statement parse(String verb) throws SqlError {
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
}
