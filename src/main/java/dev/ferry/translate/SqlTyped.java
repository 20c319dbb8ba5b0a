package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;

/**
 * One translated expression with what the rewriter knows about it: its PostgreSQL text, how tightly
 * that text binds ({@code prec}, so a parent adds parentheses only where PostgreSQL would read it
 * otherwise), its PostgreSQL type (null: unknown), its SQLite affinity (I, T, R, N as SQLite names
 * them, or 0 for none: literals and most expressions have none), the column it is when it is exactly
 * one, a literal's value, and for a date function's text the same moment as a timestamp ({@code alt},
 * {@code temporal} T, D or H), so a comparison with a date column can use the moment instead; temporal J
 * marks a value read out of JSON, which SQLite compares as the number or text the JSON holds.
 *
 * @param lit     what kind of literal it is, or NONE
 * @param raw     a literal's value: the number as SQLite reads it, a string's content, "1"/"0" for TRUE/FALSE
 * @param notNull whether it can never be NULL (decides NULLS ordering)
 */
record SqlTyped(String sql, int prec, PgType.Kind type, char affinity, ColumnPlan column, Lit lit, String raw,
        String alt, char temporal, boolean notNull) {

    enum Lit { NONE, NUMBER, STRING, BOOL, NULL }

    /** PostgreSQL's precedence levels, lowest first; ATOM binds tightest (a name, a call, a literal, a parenthesis). */
    static final int OR = 1, AND = 2, NOT = 3, IS = 4, COMPARE = 5, LIKE = 6, OTHER = 7, ADD = 8, MUL = 9, UNARY = 10,
            ATOM = 100;

    static SqlTyped of(String sql, int prec, PgType.Kind type) {
        return new SqlTyped(sql, prec, type, (char) 0, null, Lit.NONE, null, null, ' ', false);
    }

    static SqlTyped atom(String sql, PgType.Kind type) {
        return of(sql, ATOM, type);
    }

    static SqlTyped column(String sql, ColumnPlan c, boolean notNull) {
        return new SqlTyped(sql, ATOM, c.type().kind(), c.source().affinity(), c, Lit.NONE, null, null, ' ',
                notNull || c.source().notNull());
    }

    SqlTyped sql(String s, int p) {
        return new SqlTyped(s, p, type, affinity, column, lit, raw, alt, temporal, notNull);
    }

    SqlTyped type(PgType.Kind t) {
        return new SqlTyped(sql, prec, t, affinity, null, Lit.NONE, null, alt, temporal, notNull);
    }

    SqlTyped notNull(boolean n) {
        return new SqlTyped(sql, prec, type, affinity, column, lit, raw, alt, temporal, n);
    }

    /** The SQL, in parentheses when it binds less tightly than {@code min}. */
    String at(int min) {
        return prec < min ? "(" + sql + ")" : sql;
    }

    boolean isText() {
        return type == PgType.Kind.TEXT || type == PgType.Kind.VARCHAR;
    }

    boolean isInteger() {
        return type == PgType.Kind.BIGINT || type == PgType.Kind.INTEGER || type == PgType.Kind.SMALLINT;
    }

    boolean isNumber() {
        return isInteger() || type == PgType.Kind.DOUBLE || type == PgType.Kind.NUMERIC;
    }

    boolean isBoolean() {
        return type == PgType.Kind.BOOLEAN;
    }

    boolean numericAffinity() {
        return affinity == 'I' || affinity == 'R' || affinity == 'N';
    }
}
