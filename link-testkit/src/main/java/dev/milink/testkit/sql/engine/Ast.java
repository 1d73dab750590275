package dev.milink.testkit.sql.engine;

import java.util.List;

/** Expression and query syntax trees. */
final class Ast {

    private Ast() {
    }

    /** An expression. */
    sealed interface Expr permits Literal, ColumnRef, Variable, Call, Unary, Binary, Like, In, IsNull, Cast,
            Exists, Star, Subquery {
    }

    /** A constant (Integer, Long, BigDecimal, String, byte[], null). */
    record Literal(Object value) implements Expr {
    }

    /** {@code col} or {@code alias.col}. */
    record ColumnRef(String qualifier, String name) implements Expr {
    }

    /** {@code @v}, {@code @P0} or {@code @@VERSION}. */
    record Variable(String name) implements Expr {
    }

    /** A function call; {@code star} for COUNT(*). */
    record Call(String name, List<Expr> args, boolean star) implements Expr {
    }

    /** NOT, unary minus. */
    record Unary(String op, Expr operand) implements Expr {
    }

    /** AND, OR, comparisons, arithmetic. */
    record Binary(String op, Expr left, Expr right) implements Expr {
    }

    /** [NOT] LIKE. */
    record Like(Expr value, Expr pattern, boolean negated) implements Expr {
    }

    /** [NOT] IN (list). */
    record In(Expr value, List<Expr> list, boolean negated) implements Expr {
    }

    /** IS [NOT] NULL. */
    record IsNull(Expr value, boolean negated) implements Expr {
    }

    /** CAST(expr AS type). */
    record Cast(Expr value, String type) implements Expr {
    }

    /** [NOT] EXISTS (select). */
    record Exists(Select query) implements Expr {
    }

    /** A scalar subquery {@code (SELECT ...)}. */
    record Subquery(Select query) implements Expr {
    }

    /** {@code *} or {@code alias.*} in a select list. */
    record Star(String qualifier) implements Expr {
    }

    /** One select-list item. */
    record Item(Expr expr, String alias) {
    }

    /** ORDER BY item. */
    record Order(Expr expr, boolean descending) {
    }

    /** FROM source: the name parts and an optional alias. */
    record From(List<String> name, String alias) {
    }

    /** A single-table SELECT. */
    record Select(Integer top, List<Item> items, From from, Expr where, List<Expr> groupBy, List<Order> orderBy) {
    }
}
