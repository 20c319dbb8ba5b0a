package dev.ferry.translate;

import java.util.List;

/** What a FROM clause reads: tables, table-valued functions, subqueries, and joins of them. */
public sealed interface SqlFrom extends SqlNode {

    /**
     * {@code [schema.]name [AS alias] [INDEXED BY index | NOT INDEXED]}; also the target of INSERT,
     * UPDATE and DELETE. Optional parts null.
     */
    record Table(SqlSpan span, SqlName schema, SqlName name, SqlName alias, SqlName indexedBy, boolean notIndexed)
            implements SqlFrom {
    }

    /** A table-valued function: {@code json_each(x) AS j}. */
    record TableFunction(SqlSpan span, SqlName schema, SqlName name, List<SqlExpr> args, SqlName alias)
            implements SqlFrom {
    }

    /** {@code (SELECT ...) [AS alias]}. */
    record Subquery(SqlSpan span, SqlSelect select, SqlName alias) implements SqlFrom {
    }

    /** A join in parentheses {@code (a JOIN b) [AS alias]}. */
    record Parens(SqlSpan span, SqlFrom inner, SqlName alias) implements SqlFrom {
    }

    /**
     * {@code left op right [ON on | USING (using)]}. {@code op} is {@code ,} for a comma, else the join
     * words in upper case ({@code LEFT JOIN}, {@code NATURAL LEFT OUTER JOIN}, {@code CROSS JOIN}).
     * {@code on} null and {@code using} empty when there is no constraint. Joins nest on the left.
     */
    record Join(SqlSpan span, SqlFrom left, String op, SqlFrom right, SqlExpr on, List<SqlName> using)
            implements SqlFrom {
    }
}
