package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses CREATE / ALTER / DROP AVAILABILITY GROUP, plain and distributed. */
final class AgParser {

    private final Cursor in;
    private final DdlParser ddl;

    AgParser(Cursor in, DdlParser ddl) {
        this.in = in;
        this.ddl = ddl;
    }

    Statement parse(String verb) throws SqlError {
        String name = in.identifier();
        return switch (verb) {
            case "CREATE" -> create(name);
            case "ALTER" -> alter(name);
            case "DROP" -> ctx -> AgDdl.drop(ctx, name);
            default -> throw Errors.syntax(in.peek());
        };
    }

    private Statement create(String name) throws SqlError {
        Map<String, String> options = in.atWord("WITH") ? withOptions() : new LinkedHashMap<>();
        boolean distributed = options.containsKey("DISTRIBUTED");
        List<String> databases = new ArrayList<>();
        List<Specs.Member> members;
        if (distributed) {
            in.expectWord("AVAILABILITY", "GROUP", "ON");
            members = members();
        } else {
            in.expectWord("FOR");
            if (in.acceptWord("DATABASE")) {
                do {
                    databases.add(in.identifier());
                } while (in.acceptSymbol(","));
            }
            in.expectWord("REPLICA", "ON");
            members = members();
        }
        Specs.Group spec = new Specs.Group(name, options, distributed, databases, members);
        return distributed ? ctx -> AgDdl.createDistributed(ctx, spec) : ctx -> AgDdl.create(ctx, spec);
    }

    private Map<String, String> withOptions() throws SqlError {
        in.expectWord("WITH");
        return ddl.options();
    }

    private List<Specs.Member> members() throws SqlError {
        List<Specs.Member> members = new ArrayList<>();
        do {
            String member = in.nameOrString();
            members.add(new Specs.Member(member, withOptions()));
        } while (in.acceptSymbol(","));
        return members;
    }

    private Statement alter(String name) throws SqlError {
        if (in.acceptWords("GRANT", "CREATE", "ANY", "DATABASE")) {
            return ctx -> AgDdl.grantCreateAnyDatabase(ctx, name);
        }
        if (in.acceptWords("DENY", "CREATE", "ANY", "DATABASE")) {
            return ctx -> AgDdl.requireGroup(ctx, name, "alter");
        }
        if (in.acceptWords("MODIFY", "AVAILABILITY", "GROUP", "ON")) {
            List<Specs.Member> members = members();
            return ctx -> AgDdl.modifyMembers(ctx, name, members);
        }
        if (in.acceptWords("MODIFY", "REPLICA", "ON")) {
            List<Specs.Member> members = members();
            return ctx -> AgDdl.modifyMembers(ctx, name, members);
        }
        if (in.acceptWord("FAILOVER")) {
            return ctx -> AgDdl.failover(ctx, name);
        }
        if (in.acceptWord("FORCE_FAILOVER_ALLOW_DATA_LOSS")) {
            return ctx -> AgDdl.forceFailover(ctx, name);
        }
        if (in.acceptWord("SET")) {
            Map<String, String> options = ddl.options();
            String role = options.get("ROLE");
            if (role == null) {
                throw Errors.syntax(in.peek());
            }
            return ctx -> AgDdl.setRole(ctx, name, role);
        }
        if (in.acceptWords("ADD", "DATABASE")) {
            String db = in.identifier();
            return ctx -> AgDdl.addDatabase(ctx, name, db);
        }
        if (in.acceptWords("REMOVE", "DATABASE")) {
            String db = in.identifier();
            return ctx -> AgDdl.removeDatabase(ctx, name, db);
        }
        throw Errors.syntax(in.peek());
    }
}
