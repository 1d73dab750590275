package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlType;
import dev.milink.testkit.sql.engine.Ast.Expr;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Evaluates expressions over one row (or one group of rows) with T-SQL three-valued logic. */
final class Evaluator {

    static final Set<String> AGGREGATES = Set.of("COUNT", "COUNT_BIG", "MAX", "MIN", "SUM", "AVG");

    /** Column values of the current row, and the rows of the current group when aggregating. */
    interface Scope {
        Object column(String qualifier, String name) throws SqlError;

        default List<Scope> group() {
            return null;
        }
    }

    static final Scope EMPTY = (q, n) -> {
        throw Errors.invalidColumn(n);
    };

    private final ExecContext ctx;

    Evaluator(ExecContext ctx) {
        this.ctx = ctx;
    }

    /** @return TRUE only (NULL and FALSE both reject) */
    boolean test(Expr e, Scope scope) throws SqlError {
        return Boolean.TRUE.equals(truth(eval(e, scope)));
    }

    private static Boolean truth(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        BigDecimal d = Values.decimal(v);
        return d != null && d.signum() != 0;
    }

    Object eval(Expr e, Scope scope) throws SqlError {
        if (e instanceof Ast.Literal l) {
            return l.value();
        }
        if (e instanceof Ast.ColumnRef c) {
            return scope.column(c.qualifier(), c.name());
        }
        if (e instanceof Ast.Variable v) {
            return variable(v.name());
        }
        if (e instanceof Ast.Unary u) {
            Object x = eval(u.operand(), scope);
            if ("NOT".equals(u.op())) {
                Boolean t = truth(x);
                return t == null ? null : !t;
            }
            return x == null ? null : arithmetic("-", 0, x);
        }
        if (e instanceof Ast.Binary b) {
            return binary(b, scope);
        }
        if (e instanceof Ast.Like l) {
            Object v = eval(l.value(), scope);
            Object p = eval(l.pattern(), scope);
            return v == null || p == null ? null : Values.like(Values.text(v), Values.text(p)) != l.negated();
        }
        if (e instanceof Ast.In in) {
            Object v = eval(in.value(), scope);
            if (v == null) {
                return null;
            }
            for (Expr item : in.list()) {
                Object x = eval(item, scope);
                if (x != null && Values.compare(v, x) == 0) {
                    return !in.negated();
                }
            }
            return in.negated();
        }
        if (e instanceof Ast.IsNull n) {
            return (eval(n.value(), scope) == null) != n.negated();
        }
        if (e instanceof Ast.Cast c) {
            return Values.convert(eval(c.value(), scope), Values.typeOfName(c.type()));
        }
        if (e instanceof Ast.Exists x) {
            return !new SelectExecutor(ctx).run(x.query()).rows().isEmpty();
        }
        if (e instanceof Ast.Subquery q) {
            Relation r = new SelectExecutor(ctx).run(q.query());
            if (r.rows().size() > 1) {
                throw Errors.error(512, "Subquery returned more than 1 value. This is not permitted when the subquery "
                        + "follows =, !=, <, <= , >, >= or when the subquery is used as an expression.");
            }
            return r.rows().isEmpty() ? null : r.rows().get(0).get(0);
        }
        if (e instanceof Ast.Call c) {
            return AGGREGATES.contains(c.name()) ? aggregate(c, scope) : Functions.call(ctx, this, c, scope);
        }
        throw Errors.error(102, 15, "Incorrect syntax near '*'.");
    }

    private Object binary(Ast.Binary b, Scope scope) throws SqlError {
        if ("AND".equals(b.op()) || "OR".equals(b.op())) {
            Boolean l = truth(eval(b.left(), scope));
            boolean and = "AND".equals(b.op());
            if (l != null && l != and) {
                return l;
            }
            Boolean r = truth(eval(b.right(), scope));
            if (l == null) {
                return r != null && r != and ? r : null;
            }
            return r;
        }
        Object l = eval(b.left(), scope);
        Object r = eval(b.right(), scope);
        if (l == null || r == null) {
            return null;
        }
        return switch (b.op()) {
            case "=" -> Values.compare(l, r) == 0;
            case "<>" -> Values.compare(l, r) != 0;
            case "<" -> Values.compare(l, r) < 0;
            case ">" -> Values.compare(l, r) > 0;
            case "<=" -> Values.compare(l, r) <= 0;
            case ">=" -> Values.compare(l, r) >= 0;
            default -> arithmetic(b.op(), l, r);
        };
    }

    private static Object arithmetic(String op, Object l, Object r) throws SqlError {
        if ("+".equals(op) && (l instanceof String || r instanceof String)) {
            return Values.text(l) + Values.text(r);
        }
        BigDecimal a = Values.decimal(l);
        BigDecimal b = Values.decimal(r);
        if (a == null || b == null) {
            throw Errors.error(402, "The data types are incompatible in the " + op + " operator.");
        }
        if (("/".equals(op) || "%".equals(op)) && b.signum() == 0) {
            throw Errors.error(8134, "Divide by zero error encountered.");
        }
        BigDecimal v = switch (op) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b);
            case "/" -> l instanceof BigDecimal || r instanceof BigDecimal
                    ? a.divide(b, 6, java.math.RoundingMode.HALF_UP) : a.divideToIntegralValue(b);
            default -> a.remainder(b);
        };
        if (l instanceof BigDecimal || r instanceof BigDecimal) {
            return v;
        }
        return l instanceof Long || r instanceof Long ? (Object) v.longValue() : (Object) v.intValue();
    }

    private Object aggregate(Ast.Call c, Scope scope) throws SqlError {
        List<Scope> rows = scope.group();
        if (rows == null) {
            throw Errors.error(8120, "Column is invalid in the select list because it is not contained in either an "
                    + "aggregate function or the GROUP BY clause.");
        }
        if (c.star()) {
            return "COUNT_BIG".equals(c.name()) ? (Object) (long) rows.size() : (Object) rows.size();
        }
        Object best = null;
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (Scope row : rows) {
            Object v = eval(c.args().get(0), row);
            if (v == null) {
                continue;
            }
            count++;
            if (Values.decimal(v) != null) {
                sum = sum.add(Values.decimal(v));
            }
            if (best == null || ("MAX".equals(c.name()) ? Values.compare(v, best) > 0 : Values.compare(v, best) < 0)) {
                best = v;
            }
        }
        return switch (c.name()) {
            case "COUNT" -> (int) count;
            case "COUNT_BIG" -> count;
            case "SUM" -> count == 0 ? null : sum;
            case "AVG" -> count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 6, java.math.RoundingMode.HALF_UP);
            default -> best;
        };
    }

    Object variable(String name) throws SqlError {
        String upper = name.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "@@VERSION" -> ctx.config().versionString();
            case "@@SERVERNAME" -> ctx.config().serverName();
            case "@@SPID" -> ctx.session().spid();
            case "@@TRANCOUNT", "@@ERROR" -> 0;
            case "@@ROWCOUNT" -> 0;
            default -> ctx.variable(name);
        };
    }

    /** @return the static type of an expression, or null when only the value can tell */
    SqlType typeOf(Expr e, java.util.function.Function<Ast.ColumnRef, SqlType> columns) throws SqlError {
        if (e instanceof Ast.ColumnRef c) {
            return columns.apply(c);
        }
        if (e instanceof Ast.Cast c) {
            return Values.typeOfName(c.type());
        }
        if (e instanceof Ast.Variable v) {
            String n = v.name().toUpperCase(Locale.ROOT);
            return "@@SPID".equals(n) ? SqlType.SMALLINT : n.startsWith("@@") ? SqlType.NVARCHAR : null;
        }
        if (e instanceof Ast.Call c) {
            return switch (c.name()) {
                case "COUNT" -> SqlType.INT;
                case "COUNT_BIG" -> SqlType.BIGINT;
                case "MAX", "MIN", "SUM", "ISNULL", "COALESCE" -> c.args().isEmpty() ? null : typeOf(c.args().get(0), columns);
                case "CERTENCODED" -> SqlType.VARBINARY_MAX;
                case "CERT_ID", "DB_ID", "IS_SRVROLEMEMBER", "LEN" -> SqlType.INT;
                case "SYSUTCDATETIME", "GETUTCDATE", "GETDATE", "SYSDATETIME" -> SqlType.DATETIME2;
                case "SERVERPROPERTY" -> Functions.serverPropertyType(c);
                default -> SqlType.NVARCHAR;
            };
        }
        return null;
    }
}
