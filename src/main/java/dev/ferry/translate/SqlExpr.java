package dev.ferry.translate;

import java.util.List;

/**
 * An expression, every form of SQLite's expression syntax. Operators and literals keep their text
 * as written ({@code ==} stays {@code ==}, {@code 0x1F} stays {@code 0x1F}); keyword operators are
 * kept in upper case with single spaces ({@code IS NOT DISTINCT FROM}). Optional parts are null.
 */
public sealed interface SqlExpr extends SqlNode {

    /** A literal; {@code text} exactly as written, quotes included. */
    record Literal(SqlSpan span, Kind kind, String text) implements SqlExpr {

        public enum Kind {
            INTEGER, REAL, STRING, BLOB, NULL, TRUE, FALSE, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP
        }

        /** A string literal's content (quotes removed, doubled quotes undone); a blob's hex digits. */
        public String value() {
            return switch (kind) {
                case STRING -> text.substring(1, text.length() - 1).replace("''", "'");
                case BLOB -> text.substring(2, text.length() - 1);
                default -> text;
            };
        }
    }

    /** A bind parameter: {@code ?}, {@code ?1}, {@code :name}, {@code @name}, {@code $name}. */
    record Param(SqlSpan span, String text) implements SqlExpr {
    }

    /** A column: {@code col}, {@code t.col}, {@code schema.t.col}; absent qualifiers are null. */
    record Column(SqlSpan span, SqlName schema, SqlName table, SqlName column) implements SqlExpr {
    }

    /** {@code -x}, {@code +x}, {@code ~x}, {@code NOT x}. */
    record Unary(SqlSpan span, String op, SqlExpr operand) implements SqlExpr {
    }

    /**
     * Arithmetic, comparison, {@code ||}, {@code ->}, {@code ->>}, bit operators, {@code AND}, {@code OR},
     * {@code IS}, {@code IS NOT}, {@code IS [NOT] DISTINCT FROM}.
     */
    record Binary(SqlSpan span, String op, SqlExpr left, SqlExpr right) implements SqlExpr {
    }

    /** {@code x [NOT] LIKE|GLOB|MATCH|REGEXP pattern [ESCAPE e]}; {@code op} in upper case. */
    record Like(SqlSpan span, SqlExpr left, boolean not, String op, SqlExpr pattern, SqlExpr escape) implements SqlExpr {
    }

    /** {@code x [NOT] BETWEEN low AND high}. */
    record Between(SqlSpan span, SqlExpr value, boolean not, SqlExpr low, SqlExpr high) implements SqlExpr {
    }

    /** {@code x [NOT] IN (a, b, ...)}; the list may be empty, as SQLite allows. */
    record InList(SqlSpan span, SqlExpr left, boolean not, List<SqlExpr> items) implements SqlExpr {
    }

    /** {@code x [NOT] IN (SELECT ...)}. */
    record InSelect(SqlSpan span, SqlExpr left, boolean not, SqlSelect select) implements SqlExpr {
    }

    /** {@code x [NOT] IN [schema.]table} or a table-valued function {@code IN f(args)}; args null for a table. */
    record InTable(SqlSpan span, SqlExpr left, boolean not, SqlName schema, SqlName table, List<SqlExpr> args)
            implements SqlExpr {
    }

    /** The postfix null tests: {@code op} is {@code ISNULL}, {@code NOTNULL} or {@code NOT NULL}. */
    record NullTest(SqlSpan span, SqlExpr operand, String op) implements SqlExpr {
    }

    /** {@code x COLLATE name}. */
    record Collate(SqlSpan span, SqlExpr expr, SqlName collation) implements SqlExpr {
    }

    /** {@code CAST(x AS type)}. */
    record Cast(SqlSpan span, SqlExpr expr, SqlClause.TypeName type) implements SqlExpr {
    }

    /** {@code CASE [operand] WHEN .. THEN .. ... [ELSE ..] END}. */
    record Case(SqlSpan span, SqlExpr operand, List<SqlClause.When> whens, SqlExpr otherwise) implements SqlExpr {
    }

    /** {@code EXISTS (SELECT ...)}; {@code NOT EXISTS} is a {@link Unary} NOT around it. */
    record Exists(SqlSpan span, SqlSelect select) implements SqlExpr {
    }

    /** A scalar subquery {@code (SELECT ...)}. */
    record Subquery(SqlSpan span, SqlSelect select) implements SqlExpr {
    }

    /** An expression in parentheses, kept so a reprint reads as the author wrote it. */
    record Paren(SqlSpan span, SqlExpr expr) implements SqlExpr {
    }

    /** A row value {@code (a, b, ...)} of two or more. */
    record RowValue(SqlSpan span, List<SqlExpr> items) implements SqlExpr {
    }

    /**
     * A function call. {@code star} for {@code count(*)}; {@code orderBy} the aggregate's own ORDER BY
     * ({@code group_concat(x, ',' ORDER BY y)}), empty when absent; {@code filter} and {@code over} null
     * when absent.
     */
    record Function(SqlSpan span, SqlName name, boolean distinct, boolean star, List<SqlExpr> args,
            List<SqlClause.Ordering> orderBy, SqlExpr filter, SqlClause.Over over) implements SqlExpr {
    }

    /** {@code RAISE(IGNORE)} or {@code RAISE(ROLLBACK|ABORT|FAIL, message)}; message null for IGNORE. */
    record Raise(SqlSpan span, String action, SqlExpr message) implements SqlExpr {
    }
}
