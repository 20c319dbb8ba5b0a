package dev.ferry.translate;

import java.util.List;

/**
 * A SELECT: {@code [WITH ...] body [ORDER BY ...] [LIMIT ...]}, where the body is one select core,
 * a VALUES list, or compound selects. Optional parts are null; absent lists are empty.
 */
public record SqlSelect(SqlSpan span, SqlClause.With with, Body body, List<SqlClause.Ordering> orderBy,
        SqlClause.Limit limit) implements SqlStatement {

    /** What a SELECT returns rows from, before its ORDER BY and LIMIT. */
    public sealed interface Body extends SqlNode {
    }

    /**
     * {@code SELECT [DISTINCT|ALL] columns [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...] [WINDOW ...]};
     * {@code quantifier} null, DISTINCT or ALL.
     */
    public record Core(SqlSpan span, String quantifier, List<SqlClause.ResultColumn> columns, SqlFrom from,
            SqlExpr where, List<SqlExpr> groupBy, SqlExpr having, List<SqlClause.NamedWindow> windows) implements Body {
    }

    /** {@code VALUES (..), (..)}. */
    public record Values(SqlSpan span, List<List<SqlExpr>> rows) implements Body {
    }

    /**
     * {@code left op right}, {@code op} one of UNION, UNION ALL, INTERSECT, EXCEPT. SQLite gives them
     * one precedence, left to right, so a chain nests on the left.
     */
    public record Compound(SqlSpan span, Body left, String op, Body right) implements Body {
    }
}
