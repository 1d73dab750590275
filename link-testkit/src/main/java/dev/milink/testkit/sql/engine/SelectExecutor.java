package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.SqlResult.Column;
import dev.milink.testkit.sql.SqlType;
import dev.milink.testkit.sql.engine.Ast.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs a single-table SELECT: FROM, WHERE, GROUP BY / aggregates, projection, ORDER BY, TOP. */
final class SelectExecutor {

    private final ExecContext ctx;
    private final Evaluator ev;

    SelectExecutor(ExecContext ctx) {
        this.ctx = ctx;
        this.ev = new Evaluator(ctx);
    }

    Relation run(Ast.Select s) throws SqlError {
        Relation src = s.from() == null ? new Relation("", List.of(), List.of(List.of()))
                : Relations.resolve(ctx, s.from().name());
        String alias = s.from() == null ? null : s.from().alias() != null ? s.from().alias() : src.name();
        List<Evaluator.Scope> rows = new ArrayList<>();
        for (List<Object> row : src.rows()) {
            Evaluator.Scope scope = (q, n) -> value(src, alias, row, q, n);
            if (s.where() == null || ev.test(s.where(), scope)) {
                rows.add(scope);
            }
        }
        boolean aggregate = !s.groupBy().isEmpty() || s.items().stream().anyMatch(i -> hasAggregate(i.expr()));
        List<Evaluator.Scope> units = aggregate ? group(rows, s.groupBy()) : rows;
        List<Ast.Item> items = expand(s.items(), src, alias);
        List<Object[]> out = new ArrayList<>();
        for (Evaluator.Scope unit : units) {
            Object[] values = new Object[items.size() + s.orderBy().size()];
            for (int i = 0; i < items.size(); i++) {
                values[i] = ev.eval(items.get(i).expr(), unit);
            }
            for (int k = 0; k < s.orderBy().size(); k++) {
                values[items.size() + k] = orderKey(s.orderBy().get(k).expr(), items, values, unit);
            }
            out.add(values);
        }
        if (!s.orderBy().isEmpty()) {
            out.sort(comparator(s.orderBy(), items.size()));
        }
        List<List<Object>> result = new ArrayList<>();
        for (Object[] v : out) {
            if (s.top() != null && result.size() >= s.top()) {
                break;
            }
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                row.add(v[i]);
            }
            result.add(row);
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            columns.add(new Column(columnName(items.get(i)), type(items.get(i).expr(), src, result, i)));
        }
        return new Relation(src.name(), columns, result);
    }

    private static Object value(Relation src, String alias, List<Object> row, String q, String n) throws SqlError {
        if (q != null && !q.equalsIgnoreCase(alias) && !q.equalsIgnoreCase(src.name())) {
            throw Errors.error(4104, "The multi-part identifier \"" + q + "." + n + "\" could not be bound.");
        }
        int i = src.indexOf(n);
        if (i < 0) {
            throw Errors.invalidColumn(n);
        }
        return row.get(i);
    }

    private static boolean hasAggregate(Expr e) {
        if (e instanceof Ast.Call c) {
            return Evaluator.AGGREGATES.contains(c.name()) || c.args().stream().anyMatch(SelectExecutor::hasAggregate);
        }
        if (e instanceof Ast.Cast c) {
            return hasAggregate(c.value());
        }
        if (e instanceof Ast.Binary b) {
            return hasAggregate(b.left()) || hasAggregate(b.right());
        }
        return e instanceof Ast.Unary u && hasAggregate(u.operand());
    }

    private List<Evaluator.Scope> group(List<Evaluator.Scope> rows, List<Expr> keys) throws SqlError {
        Map<List<Object>, List<Evaluator.Scope>> groups = new LinkedHashMap<>();
        for (Evaluator.Scope row : rows) {
            List<Object> key = new ArrayList<>();
            for (Expr k : keys) {
                key.add(normal(ev.eval(k, row)));
            }
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(row);
        }
        if (groups.isEmpty() && keys.isEmpty()) {
            groups.put(List.of(), List.of());
        }
        List<Evaluator.Scope> out = new ArrayList<>();
        for (List<Evaluator.Scope> members : groups.values()) {
            out.add(new Evaluator.Scope() {
                @Override
                public Object column(String q, String n) throws SqlError {
                    return members.isEmpty() ? null : members.get(0).column(q, n);
                }

                @Override
                public List<Evaluator.Scope> group() {
                    return members;
                }
            });
        }
        return out;
    }

    private static Object normal(Object v) {
        if (v instanceof String s) {
            return s.toUpperCase(Locale.ROOT);
        }
        BigDecimal d = Values.decimal(v);
        return d != null ? d.stripTrailingZeros() : v;
    }

    private static List<Ast.Item> expand(List<Ast.Item> items, Relation src, String alias) throws SqlError {
        List<Ast.Item> out = new ArrayList<>();
        for (Ast.Item item : items) {
            if (item.expr() instanceof Ast.Star star) {
                if (star.qualifier() != null && !star.qualifier().equalsIgnoreCase(alias)) {
                    throw Errors.error(107, "The column prefix '" + star.qualifier()
                            + "' does not match with a table name or alias name used in the query.");
                }
                for (Column c : src.columns()) {
                    out.add(new Ast.Item(new Ast.ColumnRef(null, c.name()), null));
                }
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private Object orderKey(Expr e, List<Ast.Item> items, Object[] values, Evaluator.Scope unit) throws SqlError {
        if (e instanceof Ast.Literal l && l.value() instanceof Integer ordinal) {
            if (ordinal < 1 || ordinal > items.size()) {
                throw Errors.error(108, "The ORDER BY position number " + ordinal
                        + " is out of range of the number of items in the select list.");
            }
            return values[ordinal - 1];
        }
        if (e instanceof Ast.ColumnRef c && c.qualifier() == null) {
            for (int i = 0; i < items.size(); i++) {
                if (c.name().equalsIgnoreCase(items.get(i).alias())) {
                    return values[i];
                }
            }
        }
        return ev.eval(e, unit);
    }

    private static Comparator<Object[]> comparator(List<Ast.Order> order, int offset) {
        return (a, b) -> {
            for (int k = 0; k < order.size(); k++) {
                Object x = a[offset + k];
                Object y = b[offset + k];
                int c = Values.sortCompare(x, y);
                if (c != 0) {
                    return order.get(k).descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    private static String columnName(Ast.Item item) {
        if (item.alias() != null) {
            return item.alias();
        }
        return item.expr() instanceof Ast.ColumnRef c ? c.name() : "";
    }

    private SqlType type(Expr e, Relation src, List<List<Object>> rows, int index) throws SqlError {
        SqlType t = ev.typeOf(e, c -> {
            int i = src.indexOf(c.name());
            return i < 0 ? null : src.columns().get(i).type();
        });
        if (t != null) {
            return t;
        }
        for (List<Object> row : rows) {
            if (row.get(index) != null) {
                return Values.typeOfValue(row.get(index));
            }
        }
        return SqlType.INT;
    }
}
