package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.postgres.Naming;
import dev.ferry.translate.SqlRewriter.Env;
import dev.ferry.translate.SqlTranslator.Untranslatable;
import dev.ferry.translate.SqlTyped.Lit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expressions other than function calls, typed: literals, operators, comparisons with SQLite's
 * affinity rules applied (a TEXT column against a number compares as text, a number column against
 * numeric text as numbers), truth values, LIKE and GLOB, CASE, CAST, subqueries.
 */
final class SqlOperators {

    private static final Set<String> COMPARE = Set.of("=", "==", "!=", "<>", "<", ">", "<=", ">=", "IS", "IS NOT",
            "IS DISTINCT FROM", "IS NOT DISTINCT FROM");

    private SqlOperators() {
    }

    static SqlTyped expr(SqlRewriter rw, SqlExpr e, Env env) {
        if (e instanceof SqlExpr.Literal l) {
            return literal(rw, l);
        }
        if (e instanceof SqlExpr.Param p) {
            if (rw.params == null) {
                throw new Untranslatable("it has a parameter (" + p.text() + "), which only a program can fill in");
            }
            return SqlTyped.atom("$" + rw.param(p.text()), null); // its type: PostgreSQL infers it from where it stands
        }
        if (e instanceof SqlExpr.Column c) {
            return rw.column(c, env);
        }
        if (e instanceof SqlExpr.Unary u) {
            return unary(rw, u, env);
        }
        if (e instanceof SqlExpr.Binary b) {
            return binary(rw, b, env);
        }
        if (e instanceof SqlExpr.Like l) {
            return like(rw, l, env);
        }
        if (e instanceof SqlExpr.Between b) {
            SqlTyped v = rw.expr(b.value(), env), low = rw.expr(b.low(), env), high = rw.expr(b.high(), env);
            v = SqlStoredText.against(rw, v, List.of(low, high));
            SqlTyped lo = compared(v, low)[1];
            SqlTyped hi = compared(v, high)[1];
            return SqlTyped.of(v.at(SqlTyped.OTHER) + (b.not() ? " NOT" : "") + " BETWEEN " + lo.at(SqlTyped.OTHER)
                    + " AND " + hi.at(SqlTyped.OTHER), SqlTyped.LIKE, PgType.Kind.BOOLEAN);
        }
        if (e instanceof SqlExpr.InList in) {
            SqlTyped v = rw.expr(in.left(), env);
            List<SqlTyped> typed = new ArrayList<>();
            for (SqlExpr item : in.items()) {
                typed.add(rw.expr(item, env));
            }
            v = SqlStoredText.against(rw, v, typed);
            List<String> items = new ArrayList<>();
            for (SqlTyped item : typed) {
                items.add(compared(v, item)[1].sql());
            }
            if (items.isEmpty()) { // SQLite allows x IN (): never true; PostgreSQL has no empty list
                return SqlTyped.atom(in.not() ? "TRUE" : "FALSE", PgType.Kind.BOOLEAN);
            }
            return SqlTyped.of(v.at(SqlTyped.OTHER) + (in.not() ? " NOT IN (" : " IN (") + String.join(", ", items) + ")",
                    SqlTyped.LIKE, PgType.Kind.BOOLEAN);
        }
        if (e instanceof SqlExpr.InSelect in) {
            SqlTyped v = rw.expr(in.left(), env);
            return SqlTyped.of(v.at(SqlTyped.OTHER) + (in.not() ? " NOT IN (" : " IN (")
                    + rw.subquery(in.select(), env).sql() + ")", SqlTyped.LIKE, PgType.Kind.BOOLEAN);
        }
        if (e instanceof SqlExpr.InTable in) {
            if (in.args() != null) {
                throw new Untranslatable("IN a table-valued function has no PostgreSQL translation Ferry knows");
            }
            SqlTyped v = rw.expr(in.left(), env);
            SqlScope.Relation r = rw.scope.relation(in.table().value());
            if (r != null) {
                rw.relations.add(r.source());
            }
            String t = Naming.quote(r == null ? rw.scope.name(in.table().value()) : r.target());
            return SqlTyped.of(v.at(SqlTyped.OTHER) + (in.not() ? " NOT IN (" : " IN (") + "SELECT * FROM " + t + ")",
                    SqlTyped.LIKE, PgType.Kind.BOOLEAN);
        }
        if (e instanceof SqlExpr.NullTest n) {
            return SqlTyped.of(rw.expr(n.operand(), env).at(SqlTyped.IS + 1)
                    + (n.op().equals("ISNULL") ? " IS NULL" : " IS NOT NULL"), SqlTyped.IS, PgType.Kind.BOOLEAN).notNull(true);
        }
        if (e instanceof SqlExpr.Collate c) {
            SqlTyped x = rw.expr(c.expr(), env);
            if (SqlNocase.folds(rw.scope, c)) {
                return SqlNocase.lower(x);
            }
            return x.sql(x.at(SqlTyped.ATOM) + " COLLATE " + collation(rw, c.collation().value()), SqlTyped.UNARY);
        }
        if (e instanceof SqlExpr.Cast c) {
            return cast(rw, c, env);
        }
        if (e instanceof SqlExpr.Case c) {
            return caseOf(rw, c, env);
        }
        if (e instanceof SqlExpr.Exists x) {
            return SqlTyped.atom("EXISTS (" + rw.subquery(x.select(), env).sql() + ")", PgType.Kind.BOOLEAN)
                    .notNull(true);
        }
        if (e instanceof SqlExpr.Subquery s) {
            SqlRewriter.Sel sel = rw.subquery(s.select(), env);
            SqlTyped first = sel.types().isEmpty() ? SqlTyped.atom("", null) : sel.types().get(0);
            // a scalar subquery has the affinity of its column, as in SQLite
            return new SqlTyped("(" + sel.sql() + ")", SqlTyped.ATOM, first.type(), first.affinity(), null, Lit.NONE, null,
                    null, ' ', false);
        }
        if (e instanceof SqlExpr.Paren p) {
            SqlTyped x = rw.expr(p.expr(), env);
            return x.sql("(" + x.sql() + ")", SqlTyped.ATOM);
        }
        if (e instanceof SqlExpr.RowValue r) {
            return SqlTyped.atom("(" + String.join(", ", r.items().stream().map(i -> rw.expr(i, env).sql())
                    .toList()) + ")", null);
        }
        if (e instanceof SqlExpr.Function f) {
            return SqlCalls.call(rw, f, env);
        }
        if (e instanceof SqlExpr.Raise r) {
            throw new Untranslatable("RAISE() only works inside a trigger");
        }
        throw new IllegalStateException("unknown node " + e);
    }

    private static SqlTyped literal(SqlRewriter rw, SqlExpr.Literal l) {
        return switch (l.kind()) {
            case INTEGER -> {
                String v = l.text();
                if (v.startsWith("0x") || v.startsWith("0X")) {
                    try {
                        v = Long.toString(Long.parseUnsignedLong(v.substring(2), 16));
                    } catch (NumberFormatException e) {
                        throw new Untranslatable("the number " + l.text() + " does not fit 64 bits");
                    }
                }
                yield SqlRewriter.literalNumber(v);
            }
            case REAL -> SqlRewriter.literalNumber(l.text());
            case STRING -> SqlRewriter.literalString(l.value());
            case BLOB -> SqlTyped.atom("'\\x" + l.value() + "'::bytea", PgType.Kind.BYTEA).notNull(true);
            case NULL -> new SqlTyped("NULL", SqlTyped.ATOM, null, (char) 0, null, Lit.NULL, null, null, ' ', false);
            case TRUE, FALSE -> new SqlTyped(l.kind().name(), SqlTyped.ATOM, PgType.Kind.BOOLEAN, (char) 0, null, Lit.BOOL,
                    l.kind() == SqlExpr.Literal.Kind.TRUE ? "1" : "0", null, ' ', true);
            case CURRENT_TIMESTAMP -> SqlTimes.now(rw, 'T');
            case CURRENT_DATE -> SqlTimes.now(rw, 'D');
            case CURRENT_TIME -> SqlTimes.now(rw, 'H');
        };
    }

    private static SqlTyped unary(SqlRewriter rw, SqlExpr.Unary u, Env env) {
        SqlTyped x = rw.expr(u.operand(), env);
        return switch (u.op()) {
            case "-" -> {
                if (x.lit() == Lit.NUMBER && !x.raw().startsWith("-")) {
                    yield SqlRewriter.literalNumber("-" + x.raw());
                }
                String s = x.at(SqlTyped.UNARY);
                yield new SqlTyped("-" + (s.startsWith("-") ? "(" + s + ")" : s), SqlTyped.UNARY, number(x).type(), (char) 0,
                        null, Lit.NONE, null, null, ' ', x.notNull());
            }
            case "+" -> new SqlTyped(x.sql(), x.prec(), x.type(), (char) 0, null, x.lit(), x.raw(), x.alt(), x.temporal(),
                    x.notNull()); // +x is x without its affinity, as SQLite documents
            case "~" -> SqlTyped.of("~" + integer(x).at(SqlTyped.UNARY), SqlTyped.UNARY, PgType.Kind.BIGINT);
            default -> SqlTyped.of("NOT " + truth(x).at(SqlTyped.NOT), SqlTyped.NOT, PgType.Kind.BOOLEAN);
        };
    }

    private static SqlTyped binary(SqlRewriter rw, SqlExpr.Binary b, Env env) {
        String op = b.op();
        if (op.equals("AND") || op.equals("OR")) {
            int p = op.equals("AND") ? SqlTyped.AND : SqlTyped.OR;
            SqlTyped l = truth(rw.expr(b.left(), env)), r = truth(rw.expr(b.right(), env));
            return SqlTyped.of(l.at(p) + " " + op + " " + r.at(p + 1), p, PgType.Kind.BOOLEAN);
        }
        SqlTyped l = rw.expr(b.left(), env), r = rw.expr(b.right(), env);
        if (COMPARE.contains(op)) { // SQLite's meaning, when chosen: a date column against text as the text it stored
            SqlTyped[] stored = SqlStoredText.sides(rw, l, r);
            l = stored[0];
            r = stored[1];
        }
        if (COMPARE.contains(op) && (SqlNocase.folds(rw.scope, b.left()) || SqlNocase.folds(rw.scope, b.right())
                || SqlNocase.lost(rw.scope, l) || SqlNocase.lost(rw.scope, r))) {
            // SQLite compares without case when either side says so; with no such collation here, both are folded
            return comparison(op, SqlNocase.folds(rw.scope, b.left()) ? l : SqlNocase.lower(l),
                    SqlNocase.folds(rw.scope, b.right()) ? r : SqlNocase.lower(r));
        }
        if (COMPARE.contains(op)) {
            return comparison(op, l, r);
        }
        return switch (op) {
            case "||" -> SqlTyped.of(text(l).at(SqlTyped.OTHER) + " || " + text(r).at(SqlTyped.OTHER + 1), SqlTyped.OTHER,
                    PgType.Kind.TEXT);
            case "+", "-", "*", "/", "%" -> arithmetic(op, l, r);
            case "&", "|", "<<", ">>" -> SqlTyped.of(integer(l).at(SqlTyped.OTHER) + " " + (op.equals("|") ? "|" : op) + " "
                    + integer(r).at(SqlTyped.OTHER + 1), SqlTyped.OTHER, PgType.Kind.BIGINT);
            case "->", "->>" -> SqlJson.arrow(op, l, r);
            default -> throw new Untranslatable("the operator " + op + " has no PostgreSQL translation Ferry knows");
        };
    }

    /** {@code l op r} with SQLite's affinity applied to the two sides first. */
    static SqlTyped comparison(String op, SqlTyped l, SqlTyped r) {
        String pg = switch (op) {
            case "==" -> "=";
            case "!=" -> "<>";
            case "IS" -> r.lit() == Lit.NULL ? "IS" : "IS NOT DISTINCT FROM";
            case "IS NOT" -> r.lit() == Lit.NULL ? "IS NOT" : "IS DISTINCT FROM";
            default -> op;
        };
        if (pg.equals("IS") || pg.equals("IS NOT")) {
            return SqlTyped.of(l.at(SqlTyped.IS + 1) + " " + pg + " NULL", SqlTyped.IS, PgType.Kind.BOOLEAN).notNull(true);
        }
        if (r.lit() == Lit.BOOL && (op.equals("IS") || op.equals("IS NOT"))) {
            // SQLite's x IS TRUE asks whether x is a true value (not 0), not whether it equals 1
            return SqlTyped.of(truth(l).at(SqlTyped.IS + 1) + " " + op + " " + r.sql(), SqlTyped.IS, PgType.Kind.BOOLEAN)
                    .notNull(true);
        }
        SqlTyped[] lr = compared(l, r);
        SqlTyped[] rl = compared(lr[1], lr[0]);
        int p = pg.startsWith("IS") ? SqlTyped.IS : SqlTyped.COMPARE;
        return SqlTyped.of(rl[1].at(p + 1) + " " + pg + " " + rl[0].at(p + 1), p, PgType.Kind.BOOLEAN)
                .notNull(pg.startsWith("IS"));
    }

    /**
     * The two sides of a comparison as SQLite compares them: {@code [a, b']}, b fitted to a. SQLite
     * gives a side without affinity the other's (a TEXT column against 0 compares with '0'; an
     * INTEGER column against '5' with 5); a boolean column compares with 0/1 as false/true; a date
     * function's text against a date column as the moment.
     */
    static SqlTyped[] compared(SqlTyped a, SqlTyped b) {
        char aa = a.affinity(), ba = b.affinity();
        boolean an = aa == 'I' || aa == 'R' || aa == 'N', bn = ba == 'I' || ba == 'R' || ba == 'N';
        if (an && !bn && (a.isNumber() || a.isBoolean())) {
            b = asNumber(a, b);
        } else if (aa == 'T' && ba == 0 && a.isText()) {
            b = asText(b);
        } else if (aa == 0 && ba == 0 && a.column() == null && b.column() == null && a.lit() != Lit.NULL
                && b.lit() != Lit.NULL && a.temporal() != 'J' && b.temporal() != 'J'
                && (a.isText() && (b.isNumber() || b.lit() == Lit.BOOL) || b.isText() && (a.isNumber() || a.lit() == Lit.BOOL))) {
            throw new Untranslatable("it compares a number with text, which SQLite does without converting either "
                    + "(a number is always less than text) and PostgreSQL cannot do");
        }
        if (b.temporal() == 'J' && (a.isNumber() || a.lit() == Lit.NUMBER)) {
            // a JSON value SQLite compares as the number it holds
            b = SqlTyped.of("(" + b.sql() + ")::numeric", SqlTyped.UNARY, PgType.Kind.NUMERIC);
        }
        return new SqlTyped[] {a, fit(a, b)};
    }

    /** SQLite's NUMERIC affinity applied to {@code b}, compared with number {@code a}. */
    private static SqlTyped asNumber(SqlTyped a, SqlTyped b) {
        if (b.lit() == Lit.STRING) {
            String v = b.raw().trim();
            if (v.matches("[+-]?\\d+")) {
                return SqlRewriter.literalNumber(new BigDecimal(v).toPlainString());
            }
            if (v.matches("[+-]?(\\d+\\.\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?\\d+[eE][+-]?\\d+")) {
                return SqlRewriter.literalNumber(v.startsWith("+") ? v.substring(1) : v);
            }
            throw new Untranslatable("it compares " + what(a) + " with the text " + b.sql() + ", which SQLite finds "
                    + "unequal to every number and PostgreSQL cannot compare");
        }
        if (b.isText()) {
            throw new Untranslatable("it compares " + what(a) + " with " + what(b) + "; SQLite converts text that looks "
                    + "like a number, PostgreSQL has no such comparison");
        }
        return b;
    }

    /** SQLite's TEXT affinity applied to {@code b}: a number becomes its text. */
    private static SqlTyped asText(SqlTyped b) {
        if (b.lit() == Lit.NUMBER) {
            return SqlRewriter.literalString(numberText(b.raw()));
        }
        if (b.lit() == Lit.BOOL) {
            return SqlRewriter.literalString(b.raw());
        }
        if (b.isInteger()) {
            return SqlTyped.of(b.at(SqlTyped.ATOM) + "::text", SqlTyped.UNARY, PgType.Kind.TEXT).notNull(b.notNull());
        }
        if (b.isBoolean()) {
            return SqlTyped.of(b.at(SqlTyped.ATOM) + "::int::text", SqlTyped.UNARY, PgType.Kind.TEXT).notNull(b.notNull());
        }
        if (b.isNumber()) {
            throw new Untranslatable("it compares a text column with a fractional number that SQLite compares as its "
                    + "text, which PostgreSQL writes differently");
        }
        return b;
    }

    /** How SQLite writes a number literal as text: integers as they are, reals with at least one decimal. */
    static String numberText(String raw) {
        if (raw.matches("-?\\d+")) {
            return new BigDecimal(raw).toPlainString();
        }
        BigDecimal d = new BigDecimal(raw);
        if (d.precision() > 15 || d.abs().compareTo(new BigDecimal("1e15")) >= 0
                || d.signum() != 0 && d.abs().compareTo(new BigDecimal("1e-4")) < 0) {
            throw new Untranslatable("the number " + raw + " as text is written differently by SQLite and PostgreSQL");
        }
        String s = d.stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    private static String what(SqlTyped t) {
        return t.column() != null ? "column " + t.column().source().name() : t.lit() == Lit.NONE ? "an expression" : t.sql();
    }

    /** {@code value} as it compares with (or is assigned to) {@code other}: 1/0 against a boolean, a date function's moment against a date. */
    static SqlTyped fit(SqlTyped other, SqlTyped value) {
        if (other.isBoolean() && value.lit() == Lit.NUMBER && (value.raw().equals("0") || value.raw().equals("1"))) {
            return SqlTyped.atom(value.raw().equals("1") ? "true" : "false", PgType.Kind.BOOLEAN).notNull(true);
        }
        if (other.isBoolean() && value.lit() == Lit.NONE && value.isInteger()) {
            throw new Untranslatable("it compares a column that became boolean with a number that may be neither 0 nor 1");
        }
        if (other.isInteger() && value.lit() == Lit.BOOL) {
            return SqlRewriter.literalNumber(value.raw());
        }
        if (value.alt() != null && other.type() != null) {
            String native_ = SqlTimes.as(value, other.type());
            if (native_ != null) {
                return SqlTyped.atom(native_, other.type());
            }
        }
        return value;
    }

    /** A number where SQLite wants a truth value: true when it is not 0, as SQLite reads it. */
    static SqlTyped truth(SqlTyped t) {
        if (t.lit() == Lit.NONE && t.isNumber()) {
            return SqlTyped.atom("(" + t.at(SqlTyped.COMPARE + 1) + " <> 0)", PgType.Kind.BOOLEAN).notNull(t.notNull());
        }
        return t;
    }

    /** A value SQLite would read as text (||, LIKE, string functions): other types cast, the way SQLite writes them. */
    static SqlTyped text(SqlTyped t) {
        if (t.isText() || t.type() == null || t.lit() == Lit.STRING || t.lit() == Lit.NULL) {
            return t;
        }
        if (t.lit() == Lit.NUMBER) {
            return t.raw().matches("-?\\d+") ? t : SqlRewriter.literalString(numberText(t.raw()));
        }
        return switch (t.type()) {
            case BIGINT, INTEGER, SMALLINT, TIMESTAMP, DATE, TIME, UUID -> SqlTyped.of(t.at(SqlTyped.ATOM) + "::text",
                    SqlTyped.UNARY, PgType.Kind.TEXT).notNull(t.notNull());
            case BOOLEAN -> SqlTyped.of(t.at(SqlTyped.ATOM) + "::int::text", SqlTyped.UNARY, PgType.Kind.TEXT)
                    .notNull(t.notNull());
            case DOUBLE, NUMERIC -> throw new Untranslatable("it uses " + what(t) + ", a fractional number, as text; "
                    + "SQLite and PostgreSQL write such numbers differently (1.0 against 1)");
            default -> throw new Untranslatable("it uses " + what(t) + " of type " + t.type().name().toLowerCase()
                    + " as text");
        };
    }

    /** An operand of arithmetic: a column that became boolean counts as 0 or 1; text is refused. */
    static SqlTyped number(SqlTyped t) {
        if (t.isBoolean()) {
            return t.lit() == Lit.BOOL ? SqlRewriter.literalNumber(t.raw())
                    : SqlTyped.of(t.at(SqlTyped.ATOM) + "::int", SqlTyped.UNARY, PgType.Kind.INTEGER).notNull(t.notNull());
        }
        if (t.lit() == Lit.STRING) {
            String v = t.raw().trim();
            if (v.matches("[+-]?\\d+(\\.\\d*)?")) {
                return SqlRewriter.literalNumber(v.startsWith("+") ? v.substring(1) : v);
            }
            throw new Untranslatable("it does arithmetic on the text " + t.sql());
        }
        if (t.isText()) {
            throw new Untranslatable("it does arithmetic on " + what(t) + ", which is text; SQLite reads text as a number, "
                    + "PostgreSQL does not");
        }
        return t;
    }

    private static SqlTyped integer(SqlTyped t) {
        SqlTyped n = number(t);
        if (n.type() == PgType.Kind.DOUBLE || n.type() == PgType.Kind.NUMERIC) {
            return SqlTyped.of("trunc(" + n.sql() + ")::bigint", SqlTyped.UNARY, PgType.Kind.BIGINT);
        }
        return n;
    }

    private static SqlTyped arithmetic(String op, SqlTyped l0, SqlTyped r0) {
        SqlTyped l = number(l0), r = number(r0);
        PgType.Kind type = l.isInteger() && r.isInteger() ? PgType.Kind.BIGINT
                : l.type() == PgType.Kind.DOUBLE || r.type() == PgType.Kind.DOUBLE ? PgType.Kind.DOUBLE
                : l.type() == PgType.Kind.NUMERIC || r.type() == PgType.Kind.NUMERIC ? PgType.Kind.NUMERIC : null;
        if (op.equals("/") || op.equals("%")) {
            if (op.equals("%")) {
                l = integer(l);
                r = integer(r);
                type = PgType.Kind.BIGINT;
            } else if (storesIntegers(l) && r.isInteger() || storesIntegers(r) && l.isInteger()) {
                throw new Untranslatable("it divides by or into " + what(storesIntegers(l) ? l : r) + ", whose whole "
                        + "numbers SQLite divides as integers (dropping the fraction) and PostgreSQL does not");
            }
            // SQLite gives NULL for a division by zero, PostgreSQL an error
            String divisor = r.lit() == Lit.NUMBER && new BigDecimal(r.raw()).signum() != 0 ? r.at(SqlTyped.MUL + 1)
                    : "nullif(" + r.sql() + ", 0)";
            return SqlTyped.of(l.at(SqlTyped.MUL) + " " + op + " " + divisor, SqlTyped.MUL, type);
        }
        int p = op.equals("*") ? SqlTyped.MUL : SqlTyped.ADD;
        return SqlTyped.of(l.at(p) + " " + op + " " + r.at(p + 1), p, type).notNull(l.notNull() && r.notNull());
    }

    /** A column with NUMERIC affinity that is not an integer in PostgreSQL, but holds whole numbers SQLite stores as integers. */
    private static boolean storesIntegers(SqlTyped t) {
        ColumnPlan c = t.column();
        return c != null && c.source().affinity() == 'N' && !t.isInteger() && (c.profile() == null
                || c.profile().integers() > 0);
    }

    static SqlTyped like(SqlRewriter rw, SqlExpr.Like l, Env env) {
        SqlTyped left = text(rw.expr(l.left(), env));
        SqlTyped pattern = rw.expr(l.pattern(), env);
        String lhs = left.at(SqlTyped.OTHER);
        if (left.column() != null && left.column().collation() != null) {
            lhs += " COLLATE \"default\""; // PostgreSQL's LIKE and ~ refuse a nondeterministic collation
        }
        switch (l.op()) {
            case "LIKE" -> {
                String escape = "";
                if (l.escape() != null) {
                    escape = " ESCAPE " + rw.expr(l.escape(), env).sql();
                } else if (pattern.lit() != Lit.STRING || pattern.raw().contains("\\")) {
                    escape = " ESCAPE ''"; // SQLite's LIKE has no escape character unless told; PostgreSQL's is \
                }
                String folded = asciiOnlyFold(pattern) ? lhs : left.at(SqlTyped.OTHER) + " COLLATE \"C\"";
                return SqlTyped.of(folded + (l.not() ? " NOT ILIKE " : " ILIKE ") + text(pattern).at(SqlTyped.OTHER) + escape,
                        SqlTyped.LIKE, PgType.Kind.BOOLEAN);
            }
            case "GLOB" -> {
                if (pattern.lit() != Lit.STRING) {
                    throw new Untranslatable("GLOB with a pattern that is not a plain string");
                }
                return SqlTyped.of(lhs + (l.not() ? " !~ " : " ~ ") + Naming.literal(globToRegex(pattern.raw())),
                        SqlTyped.OTHER, PgType.Kind.BOOLEAN);
            }
            default -> throw new Untranslatable(l.op() + " calls a function SQLite leaves to the application; "
                    + "PostgreSQL has no such operator");
        }
    }

    /**
     * Whether plain ILIKE folds only what SQLite's LIKE folds (ASCII letters) for this pattern: a
     * string of ASCII characters only, without i or k. A value's non-ASCII letter then matches only
     * through _ or %, as in SQLite, except the two whose lower case is ASCII (Kelvin sign, dotted
     * capital I), hence no i or k. Otherwise ILIKE runs under the C collation, whose lower() folds
     * ASCII letters only ('é' ILIKE 'É' is false there, as in SQLite).
     */
    static boolean asciiOnlyFold(SqlTyped pattern) {
        if (pattern.lit() != Lit.STRING) {
            return false;
        }
        return pattern.raw().chars().allMatch(c -> c < 128 && "iIkK".indexOf(c) < 0);
    }

    static String collation(SqlRewriter rw, String name) {
        return switch (SqlScope.key(name)) {
            case "NOCASE" -> {
                if (!rw.scope.nocase()) {
                    throw new Untranslatable("COLLATE NOCASE needs a case-insensitive collation, which this PostgreSQL cannot make");
                }
                yield Naming.quote(ColumnPlan.NOCASE);
            }
            case "BINARY" -> "\"C\"";
            default -> throw new Untranslatable("PostgreSQL has no collation " + name);
        };
    }

    /** CAST(x AS type), the type named by SQLite's affinity rules. */
    private static SqlTyped cast(SqlRewriter rw, SqlExpr.Cast c, Env env) {
        SqlTyped x = rw.expr(c.expr(), env);
        String declared = c.type().name() + (c.type().args().isEmpty() ? "" : "(" + String.join(",", c.type().args()) + ")");
        String pg = castType(declared);
        char affinity = new dev.ferry.schema.Column("", 0, declared, false, null, 0,
                dev.ferry.schema.Column.Generated.NONE, null).affinity();
        PgType.Kind kind = switch (pg) {
            case "bigint" -> PgType.Kind.BIGINT;
            case "text" -> PgType.Kind.TEXT;
            case "bytea" -> PgType.Kind.BYTEA;
            case "double precision" -> PgType.Kind.DOUBLE;
            default -> PgType.Kind.NUMERIC;
        };
        String sql;
        if (kind == PgType.Kind.BIGINT && x.isBoolean()) {
            sql = "CAST(" + x.sql() + " AS integer)::bigint";
        } else if (kind == PgType.Kind.BIGINT && (x.type() == PgType.Kind.DOUBLE || x.type() == PgType.Kind.NUMERIC)) {
            sql = "CAST(trunc(" + x.sql() + ") AS bigint)"; // SQLite drops the fraction, PostgreSQL rounds
        } else if (kind == PgType.Kind.TEXT && x.lit() != Lit.NUMBER && (x.type() == PgType.Kind.DOUBLE
                || x.type() == PgType.Kind.NUMERIC)) {
            throw new Untranslatable("CAST of a fractional number to text: SQLite and PostgreSQL write it differently");
        } else if (x.lit() == Lit.NUMBER && kind == PgType.Kind.TEXT) {
            sql = "CAST(" + Naming.literal(numberText(x.raw())) + " AS text)";
        } else {
            sql = "CAST(" + x.sql() + " AS " + pg + ")";
        }
        return new SqlTyped(sql, SqlTyped.ATOM, kind, affinity == 'B' ? 0 : affinity, null, Lit.NONE, null, null, ' ',
                x.notNull());
    }

    private static SqlTyped caseOf(SqlRewriter rw, SqlExpr.Case c, Env env) {
        StringBuilder sb = new StringBuilder("CASE");
        SqlTyped operand = c.operand() == null ? null : rw.expr(c.operand(), env);
        if (operand != null) {
            sb.append(' ').append(operand.sql());
        }
        List<SqlTyped> results = new ArrayList<>();
        for (SqlClause.When w : c.whens()) {
            SqlTyped cond = rw.expr(w.condition(), env);
            cond = operand == null ? truth(cond) : compared(operand, cond)[1];
            SqlTyped r = rw.expr(w.result(), env);
            results.add(r);
            sb.append(" WHEN ").append(cond.sql()).append(" THEN ").append(r.sql());
        }
        if (c.otherwise() != null) {
            SqlTyped r = rw.expr(c.otherwise(), env);
            results.add(r);
            sb.append(" ELSE ").append(r.sql());
        }
        return SqlTyped.atom(sb.append(" END").toString(), unify(results))
                .notNull(c.otherwise() != null && results.stream().allMatch(SqlTyped::notNull));
    }

    /** The type of values from several branches (CASE, coalesce): theirs when they agree, else unknown. */
    static PgType.Kind unify(List<SqlTyped> values) {
        PgType.Kind type = null;
        for (SqlTyped v : values) {
            if (v.lit() == Lit.NULL) {
                continue;
            }
            PgType.Kind k = v.isInteger() ? PgType.Kind.BIGINT : v.isText() ? PgType.Kind.TEXT : v.type();
            if (k == null || type != null && type != k) {
                if (type != null && (type == PgType.Kind.BIGINT || type == PgType.Kind.DOUBLE)
                        && (k == PgType.Kind.BIGINT || k == PgType.Kind.DOUBLE)) {
                    type = PgType.Kind.DOUBLE;
                    continue;
                }
                return null;
            }
            type = k;
        }
        return type;
    }

    /** The PostgreSQL type SQLite's affinity rules make of a CAST's type name. */
    static String castType(String sqliteType) {
        String t = sqliteType.toUpperCase(Locale.ROOT).trim();
        if (t.contains("INT")) {
            return "bigint";
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return "text";
        }
        if (t.contains("BLOB") || t.isEmpty()) {
            return "bytea";
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return "double precision";
        }
        if (t.matches("(NUMERIC|DECIMAL)\\s*\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\)")) {
            return t.replaceAll("\\s+", "").toLowerCase(Locale.ROOT).replace("decimal", "numeric");
        }
        if (t.startsWith("NUMERIC") || t.startsWith("DECIMAL")) {
            return "numeric";
        }
        throw new Untranslatable("CAST(... AS " + sqliteType + ") gives a number in SQLite (its NUMERIC affinity) and "
                + "something else in PostgreSQL");
    }

    /** A GLOB pattern as an anchored POSIX regular expression (GLOB is case-sensitive, like ~). */
    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder("^");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '[' -> {
                    int j = i + 1;
                    if (j < glob.length() && glob.charAt(j) == '^') {
                        j++;
                    }
                    if (j < glob.length() && glob.charAt(j) == ']') {
                        j++;
                    }
                    int end = glob.indexOf(']', j);
                    if (end < 0) {
                        throw new Untranslatable("a GLOB pattern with an unclosed [");
                    }
                    sb.append('[').append(glob.substring(i + 1, end).replace("\\", "\\\\")).append(']');
                    i = end;
                }
                default -> {
                    if ("\\.+()|{}$^".indexOf(c) >= 0) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.append('$').toString();
    }
}
