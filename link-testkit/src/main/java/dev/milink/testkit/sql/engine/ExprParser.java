package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.engine.Ast.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recursive-descent parser for expressions and single-table SELECT statements. */
final class ExprParser {

    private final Cursor in;

    ExprParser(Cursor in) {
        this.in = in;
    }

    Ast.Select select() throws SqlError {
        in.expectWord("SELECT");
        Integer top = null;
        if (in.acceptWord("TOP")) {
            boolean paren = in.acceptSymbol("(");
            top = (int) in.integer();
            if (paren) {
                in.expectSymbol(")");
            }
        }
        List<Ast.Item> items = new ArrayList<>();
        do {
            items.add(item());
        } while (in.acceptSymbol(","));
        Ast.From from = null;
        if (in.acceptWord("FROM")) {
            List<String> name = in.multipartName();
            String alias = null;
            if (in.acceptWord("AS") || (in.peek().isIdentifier() && !isClauseWord(in.peek()))) {
                alias = in.identifier();
            }
            if (in.atWord("JOIN") || in.atWord("INNER") || in.atWord("LEFT") || in.atSymbol(",")) {
                throw Errors.error(102, 15, "Incorrect syntax near '" + in.peek().text()
                        + "'. (the simulated server supports single-table SELECTs only)");
            }
            from = new Ast.From(name, alias);
        }
        Expr where = in.acceptWord("WHERE") ? expr() : null;
        List<Expr> groupBy = new ArrayList<>();
        if (in.acceptWords("GROUP", "BY")) {
            do {
                groupBy.add(expr());
            } while (in.acceptSymbol(","));
        }
        List<Ast.Order> orderBy = new ArrayList<>();
        if (in.acceptWords("ORDER", "BY")) {
            do {
                Expr e = expr();
                boolean desc = in.acceptWord("DESC");
                if (!desc) {
                    in.acceptWord("ASC");
                }
                orderBy.add(new Ast.Order(e, desc));
            } while (in.acceptSymbol(","));
        }
        return new Ast.Select(top, items, from, where, groupBy, orderBy);
    }

    private static boolean isClauseWord(Token t) {
        return t.kind() == Token.Kind.WORD && (Keywords.isReserved(t.text()) || t.isWord("JOIN")
                || t.isWord("INNER") || t.isWord("LEFT") || t.isWord("CROSS") || t.isWord("ELSE"));
    }

    private Ast.Item item() throws SqlError {
        if (in.acceptSymbol("*")) {
            return new Ast.Item(new Ast.Star(null), null);
        }
        if (in.peek().isIdentifier() && in.peek(1).isSymbol(".") && in.peek(2).isSymbol("*")) {
            String q = in.identifier();
            in.next();
            in.next();
            return new Ast.Item(new Ast.Star(q), null);
        }
        if (in.peek().isIdentifier() && in.peek(1).isSymbol("=") && !Keywords.isReserved(in.peek().text())) {
            String alias = in.identifier();
            in.next();
            return new Ast.Item(expr(), alias);
        }
        Expr e = expr();
        String alias = null;
        if (in.acceptWord("AS")) {
            alias = in.nameOrString();
        } else if (in.peek().kind() == Token.Kind.STRING
                || (in.peek().isIdentifier() && !isClauseWord(in.peek()))) {
            alias = in.nameOrString();
        }
        return new Ast.Item(e, alias);
    }

    Expr expr() throws SqlError {
        Expr left = and();
        while (in.acceptWord("OR")) {
            left = new Ast.Binary("OR", left, and());
        }
        return left;
    }

    private Expr and() throws SqlError {
        Expr left = not();
        while (in.acceptWord("AND")) {
            left = new Ast.Binary("AND", left, not());
        }
        return left;
    }

    private Expr not() throws SqlError {
        if (in.acceptWord("NOT")) {
            return new Ast.Unary("NOT", not());
        }
        return predicate();
    }

    private Expr predicate() throws SqlError {
        if (in.acceptWord("EXISTS")) {
            in.expectSymbol("(");
            Ast.Select s = select();
            in.expectSymbol(")");
            return new Ast.Exists(s);
        }
        Expr left = additive();
        boolean negated = in.acceptWord("NOT");
        if (in.acceptWord("LIKE")) {
            return new Ast.Like(left, additive(), negated);
        }
        if (in.acceptWord("IN")) {
            in.expectSymbol("(");
            List<Expr> list = new ArrayList<>();
            do {
                list.add(additive());
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
            return new Ast.In(left, list, negated);
        }
        if (negated) {
            throw Errors.syntax(in.peek());
        }
        if (in.acceptWord("IS")) {
            boolean not = in.acceptWord("NOT");
            in.expectWord("NULL");
            return new Ast.IsNull(left, not);
        }
        for (String op : new String[] {"=", "<>", "!=", "<=", ">=", "<", ">"}) {
            if (in.acceptSymbol(op)) {
                return new Ast.Binary("!=".equals(op) ? "<>" : op, left, additive());
            }
        }
        return left;
    }

    private Expr additive() throws SqlError {
        Expr left = multiplicative();
        while (in.atSymbol("+") || in.atSymbol("-")) {
            String op = in.next().text();
            left = new Ast.Binary(op, left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() throws SqlError {
        Expr left = unary();
        while (in.atSymbol("*") || in.atSymbol("/") || in.atSymbol("%")) {
            String op = in.next().text();
            left = new Ast.Binary(op, left, unary());
        }
        return left;
    }

    private Expr unary() throws SqlError {
        if (in.acceptSymbol("-")) {
            return new Ast.Unary("-", unary());
        }
        return primary();
    }

    private Expr primary() throws SqlError {
        Token t = in.peek();
        switch (t.kind()) {
            case NUMBER -> {
                in.next();
                return new Ast.Literal(number(t.text()));
            }
            case STRING -> {
                in.next();
                return new Ast.Literal(t.text());
            }
            case BINARY -> {
                return new Ast.Literal(in.binary());
            }
            case VARIABLE -> {
                in.next();
                return new Ast.Variable(t.text());
            }
            default -> {
                // handled below
            }
        }
        if (in.atSymbol("(") && in.peek(1).isWord("SELECT")) {
            in.next();
            Ast.Select sub = select();
            in.expectSymbol(")");
            return new Ast.Subquery(sub);
        }
        if (in.acceptSymbol("(")) {
            Expr e = expr();
            in.expectSymbol(")");
            return e;
        }
        if (in.acceptWord("NULL")) {
            return new Ast.Literal(null);
        }
        if (t.isWord("CAST") && in.peek(1).isSymbol("(")) {
            in.next();
            in.next();
            Expr value = expr();
            in.expectWord("AS");
            String type = typeName();
            in.expectSymbol(")");
            return new Ast.Cast(value, type);
        }
        if (t.kind() == Token.Kind.WORD && in.peek(1).isSymbol("(") && !Keywords.isReserved(t.text())) {
            in.next();
            in.next();
            String name = t.text().toUpperCase(Locale.ROOT);
            if (in.acceptSymbol("*")) {
                in.expectSymbol(")");
                return new Ast.Call(name, List.of(), true);
            }
            List<Expr> args = new ArrayList<>();
            if (!in.atSymbol(")")) {
                do {
                    args.add(expr());
                } while (in.acceptSymbol(","));
            }
            in.expectSymbol(")");
            return new Ast.Call(name, args, false);
        }
        if (t.isIdentifier()) {
            String first = in.identifier();
            if (in.atSymbol(".") && in.peek(1).isIdentifier()) {
                in.next();
                return new Ast.ColumnRef(first, in.identifier());
            }
            return new Ast.ColumnRef(null, first);
        }
        throw Errors.syntax(t);
    }

    /** @return a type name such as {@code INT}, {@code NVARCHAR(MAX)} or {@code DECIMAL(25,0)}, upper case */
    String typeName() throws SqlError {
        StringBuilder sb = new StringBuilder(in.word());
        if (in.acceptSymbol("(")) {
            sb.append('(');
            while (!in.acceptSymbol(")")) {
                Token t = in.next();
                if (t.kind() == Token.Kind.EOF) {
                    throw Errors.syntax(t);
                }
                sb.append(t.text().toUpperCase(Locale.ROOT));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    static Object number(String text) {
        if (text.contains(".")) {
            return new BigDecimal(text);
        }
        BigDecimal d = new BigDecimal(text);
        if (d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            return d.intValueExact();
        }
        if (d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return d.longValueExact();
        }
        return d;
    }
}
