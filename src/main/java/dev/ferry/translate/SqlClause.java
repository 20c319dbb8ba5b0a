package dev.ferry.translate;

import java.util.List;

/** The parts of statements and expressions that are not themselves expressions or statements. */
public sealed interface SqlClause extends SqlNode {

    /** {@code WITH [RECURSIVE] cte, ...}. */
    record With(SqlSpan span, boolean recursive, List<Cte> ctes) implements SqlClause {
    }

    /** {@code name [(cols)] AS [[NOT] MATERIALIZED] (select)}; {@code materialized} null when not said. */
    record Cte(SqlSpan span, SqlName name, List<SqlName> columns, String materialized, SqlSelect select)
            implements SqlClause {
    }

    /** A result column ({@code SELECT} list, {@code RETURNING}). */
    sealed interface ResultColumn extends SqlClause {
    }

    /** {@code *} or {@code table.*}; table null for a bare star. */
    record Star(SqlSpan span, SqlName table) implements ResultColumn {
    }

    /** {@code expr [AS alias]}; alias null when none. */
    record Output(SqlSpan span, SqlExpr expr, SqlName alias) implements ResultColumn {
    }

    /** An ORDER BY term (or an indexed column of an upsert target); direction and nulls null when unsaid. */
    record Ordering(SqlSpan span, SqlExpr expr, String direction, String nulls) implements SqlClause {
    }

    /** {@code LIMIT count [OFFSET offset]}; {@code LIMIT a, b} is read as offset a, count b. */
    record Limit(SqlSpan span, SqlExpr count, SqlExpr offset) implements SqlClause {
    }

    /** {@code col = expr} or {@code (a, b) = expr} in UPDATE and upsert SET lists. */
    record Assignment(SqlSpan span, List<SqlName> columns, SqlExpr value) implements SqlClause {
    }

    /**
     * {@code ON CONFLICT [(target) [WHERE targetWhere]] DO NOTHING | DO UPDATE SET ... [WHERE where]}.
     * An empty {@code set} means DO NOTHING.
     */
    record Upsert(SqlSpan span, List<Ordering> target, SqlExpr targetWhere, List<Assignment> set, SqlExpr where)
            implements SqlClause {

        public boolean doNothing() {
            return set.isEmpty();
        }
    }

    /** {@code WHEN condition THEN result} of a CASE. */
    record When(SqlSpan span, SqlExpr condition, SqlExpr result) implements SqlClause {
    }

    /**
     * A type name as CAST writes it: one or more words ({@code UNSIGNED BIG INT}) joined by single
     * spaces as written, and up to two signed numbers ({@code DECIMAL(10, 2)}).
     */
    record TypeName(SqlSpan span, String name, List<String> args) implements SqlClause {
    }

    /** {@code OVER name} (spec null) or {@code OVER (spec)} (name null). */
    record Over(SqlSpan span, SqlName name, Window spec) implements SqlClause {
    }

    /** A window definition: {@code [base] [PARTITION BY ...] [ORDER BY ...] [frame]}. */
    record Window(SqlSpan span, SqlName base, List<SqlExpr> partitionBy, List<Ordering> orderBy, Frame frame)
            implements SqlClause {
    }

    /** {@code WINDOW name AS (window)} of a SELECT. */
    record NamedWindow(SqlSpan span, SqlName name, Window window) implements SqlClause {
    }

    /**
     * A frame: {@code units} ROWS, RANGE or GROUPS; {@code end} null without BETWEEN; {@code exclude}
     * null or {@code NO OTHERS}, {@code CURRENT ROW}, {@code GROUP}, {@code TIES}.
     */
    record Frame(SqlSpan span, String units, Bound start, Bound end, String exclude) implements SqlClause {
    }

    /**
     * A frame bound: {@code kind} UNBOUNDED PRECEDING, CURRENT ROW, UNBOUNDED FOLLOWING, or PRECEDING /
     * FOLLOWING after {@code offset}.
     */
    record Bound(SqlSpan span, String kind, SqlExpr offset) implements SqlClause {
    }
}
