package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.TablePlan;

import dev.ferry.sqlite.SqlLexer;
import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.sqlite.SqlLexer.Type;
import dev.ferry.postgres.Naming;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates SQLite SQL (view queries, trigger statements, CHECK, index and generated-column
 * expressions) into PostgreSQL, token by token: names through the plan's renames and
 * {@link Naming#quote}, functions and operators into their PostgreSQL equivalents (see
 * {@link SqlFunctions}, {@link SqlDates}). What it cannot translate faithfully it refuses with a
 * reason: a {@link Result} has either the SQL or the failure, never a guess. docs/sql-translation.md
 * lists what is translated and how.
 */
public final class SqlTranslator {

    /** The translation, or why there is none; {@code relations} are the source names of the tables and views it reads. */
    public record Result(String sql, String failure, Set<String> relations, boolean stable) {

        public boolean ok() {
            return failure == null;
        }

        static Result fail(String reason) {
            return new Result(null, reason, Set.of(), false);
        }
    }

    /** Raised anywhere inside a translation; it becomes a failed {@link Result}. */
    static final class Untranslatable extends RuntimeException {
        Untranslatable(String reason) {
            super(reason, null, false, false);
        }
    }

    enum Kind { COLUMN, NUMBER, STRING, BOOL, OP, COMPARE, CONCAT, LIKE, GLOB, WORD, EXPR, COMMA }

    /**
     * A translated piece. {@code column} when it is exactly one column; {@code raw} a literal's value;
     * {@code alt} for a date function's text result, the same moment as a timestamp, and
     * {@code temporal} what it is (T timestamp, D date, H time), so a comparison with a date column
     * can use the value instead of the text.
     */
    record Piece(String sql, Kind kind, ColumnPlan column, String raw, String alt, char temporal) {

        static Piece of(String sql, Kind kind) {
            return new Piece(sql, kind, null, null, null, ' ');
        }

        Piece sql(String s) {
            return new Piece(s, kind, column, raw, alt, temporal);
        }
    }

    private static final Set<String> CONDITION_BEFORE = Set.of("WHERE", "AND", "OR", "NOT", "WHEN", "HAVING", "ON");
    private static final Set<String> CONDITION_AFTER = Set.of("AND", "OR", "THEN", "GROUP", "ORDER", "LIMIT", "HAVING",
            "UNION", "EXCEPT", "INTERSECT", "WINDOW");
    private static final Set<String> SOFT_KEYWORDS = Set.of("FILTER", "OVER", "PARTITION", "WINDOW", "RAISE", "INDEXED",
            "UNBOUNDED", "PRECEDING", "FOLLOWING", "MATERIALIZED", "RETURNING", "ESCAPE", "NULLS", "RECURSIVE");
    static final Set<String> KEYWORDS = Set.of(("SELECT FROM WHERE GROUP BY ORDER HAVING LIMIT OFFSET AND OR NOT "
            + "NULL IS IN LIKE GLOB REGEXP MATCH BETWEEN CASE WHEN THEN ELSE END AS ON JOIN LEFT RIGHT FULL INNER OUTER "
            + "CROSS NATURAL USING UNION ALL DISTINCT EXCEPT INTERSECT EXISTS CAST COLLATE ASC DESC NULLS WITH RECURSIVE "
            + "VALUES INSERT INTO UPDATE SET DELETE DEFAULT ESCAPE TRUE FALSE CURRENT_TIMESTAMP CURRENT_DATE CURRENT_TIME "
            + "FILTER OVER PARTITION WINDOW ISNULL NOTNULL RETURNING INDEXED UNBOUNDED PRECEDING FOLLOWING MATERIALIZED "
            + "RAISE").split(" "));
    private static final Set<String> ROWID = Set.of("ROWID", "_ROWID_", "OID");

    final SqlScope scope;
    final List<Token> toks;
    private final int[] match;
    private final TablePlan self;
    private final Map<String, SqlScope.Relation> rowVars;
    private final boolean bareIsNew;
    final SqlNames names;
    boolean stable;
    /** The whole text is a truth value (a WHERE, a CHECK, a WHEN), so a lone number column is one too. */
    private boolean conditionContext;

    private SqlTranslator(SqlScope scope, List<Token> toks, TablePlan self, Map<String, SqlScope.Relation> rowVars,
                          boolean bareIsNew) {
        this.scope = scope;
        this.toks = toks;
        this.self = self;
        this.rowVars = rowVars;
        this.bareIsNew = bareIsNew;
        this.match = matchParens(toks);
        this.names = new SqlNames(scope, toks, match);
    }

    /** The query of a CREATE VIEW statement, translated by the typed rewriter ({@link SqlRewriter}). */
    public static Result view(String createView, SqlScope scope) {
        SqlStatement statement;
        try {
            statement = SqlParser.parse(createView);
        } catch (SqlParseException e) {
            return Result.fail("Ferry could not read the view's SQL: " + e.getMessage());
        }
        if (!(statement instanceof SqlStatement.CreateView v)) {
            return Result.fail("Ferry could not find the query in this CREATE VIEW statement.");
        }
        return rewrite(createView, scope, rw -> {
            String sql = rw.select(v.select(), null).sql();
            if (v.columns().isEmpty()) {
                return sql;
            }
            return "SELECT * FROM (" + sql + ") AS v (" + String.join(", ", v.columns().stream()
                    .map(c -> Naming.quote(scope.name(c.value()))).toList()) + ")";
        });
    }

    /** An expression about one table's row: a CHECK, an indexed expression, a partial index's WHERE, a generated column. */
    public static Result expression(String sql, SqlScope scope, TablePlan table) {
        return expression(sql, scope, table, false);
    }

    /** A truth value about one table's row (a CHECK, a partial index's WHERE): a lone number column means "not 0". */
    public static Result condition(String sql, SqlScope scope, TablePlan table) {
        return expression(sql, scope, table, true);
    }

    private static Result expression(String sql, SqlScope scope, TablePlan table, boolean condition) {
        SqlExpr e;
        try {
            e = SqlParser.parseExpression(sql);
        } catch (SqlParseException x) {
            return Result.fail("Ferry could not read the expression: " + x.getMessage());
        }
        return rewrite(sql, scope, rw -> {
            SqlRewriter.Env env = new SqlRewriter.Env(null);
            env.self = table;
            SqlTyped t = rw.expr(e, env);
            return (condition ? SqlOperators.truth(t) : t).sql();
        });
    }

    private static Result rewrite(String sql, SqlScope scope, java.util.function.Function<SqlRewriter, String> how) {
        SqlRewriter rw = new SqlRewriter(scope, sql);
        try {
            String out = how.apply(rw);
            return new Result(out, null, Set.copyOf(rw.relations), rw.stable);
        } catch (Untranslatable e) {
            return Result.fail(e.getMessage());
        } catch (RuntimeException e) { // SQLite accepted it, so this is Ferry's shortcoming: reported, never a crash
            org.slf4j.LoggerFactory.getLogger(SqlTranslator.class).warn("could not translate: {}", sql, e);
            return Result.fail("Ferry could not read it (" + e + ")");
        }
    }

    /**
     * A statement or expression inside a trigger: NEW and OLD are rows of {@code table}; with
     * {@code bareIsNew}, a bare column of that table means the new row's (an UPDATE's SET turned
     * into assignments to NEW).
     */
    static Result trigger(List<Token> tokens, SqlScope scope, SqlScope.Relation table, boolean bareIsNew) {
        Map<String, SqlScope.Relation> rows = Map.of("NEW", table, "OLD", table);
        // in a trigger's own statements a bare name is a column of the statement's tables, not of the trigger's
        return run(scope, tokens, bareIsNew ? table.table() : null, rows, bareIsNew);
    }

    /** The value of an UPDATE's SET turned into NEW.c := value, fitted to column {@code c}. */
    static Result assignment(List<Token> tokens, SqlScope scope, SqlScope.Relation table, ColumnPlan c) {
        return run(scope, tokens, table.table(), Map.of("NEW", table, "OLD", table), true, c, false);
    }

    /** A trigger's WHEN: NEW and OLD are rows of {@code table}, a lone number means "not 0". */
    static Result triggerCondition(List<Token> tokens, SqlScope scope, SqlScope.Relation table) {
        return run(scope, tokens, null, Map.of("NEW", table, "OLD", table), false, null, true);
    }

    private static Result run(SqlScope scope, List<Token> toks, TablePlan self, Map<String, SqlScope.Relation> rowVars,
                              boolean bareIsNew) {
        return run(scope, toks, self, rowVars, bareIsNew, null, false);
    }

    private static Result run(SqlScope scope, List<Token> toks, TablePlan self, Map<String, SqlScope.Relation> rowVars,
                              boolean bareIsNew, ColumnPlan fitTo, boolean condition) {
        try {
            if (toks.isEmpty()) {
                return Result.fail("there is nothing to translate");
            }
            SqlTranslator t = new SqlTranslator(scope, toks, self, rowVars, bareIsNew);
            t.conditionContext = condition;
            t.names.scan();
            Piece p = t.expr(0, toks.size());
            String sql = (fitTo == null ? p : assign(fitTo, p)).sql();
            return new Result(sql, null, Set.copyOf(t.names.used), t.stable);
        } catch (Untranslatable e) {
            return Result.fail(e.getMessage());
        } catch (RuntimeException e) { // SQLite accepted it, so this is Ferry's shortcoming: reported, never a crash
            org.slf4j.LoggerFactory.getLogger(SqlTranslator.class).warn("could not translate: {}", toks, e);
            return Result.fail("Ferry could not read it (" + e + ")");
        }
    }

    private static List<Token> statement(List<Token> t) {
        int end = t.size();
        while (end > 0 && t.get(end - 1).type() == Type.SEMI) {
            end--;
        }
        return t.subList(0, end);
    }

    static int[] matchParens(List<Token> t) {
        int[] m = new int[t.size()];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).type() == Type.LPAREN) {
                open.push(i);
            } else if (t.get(i).type() == Type.RPAREN) {
                if (open.isEmpty()) {
                    throw new IllegalArgumentException("a parenthesis is closed that was never opened");
                }
                int o = open.pop();
                m[o] = i;
                m[i] = o;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("a parenthesis is not closed");
        }
        return m;
    }

    // ---------------------------------------------------------------- the walk

    /** Translates tokens [from, to) into one piece (a single column stays a column piece). */
    Piece expr(int from, int to) {
        List<Piece> ps = fix(walk(from, to));
        if (ps.size() == 1) {
            return ps.get(0);
        }
        return Piece.of(join(ps), Kind.EXPR);
    }

    /** The arguments of a call between the parentheses at {@code open}, split at the top-level commas. */
    List<int[]> args(int open) {
        List<int[]> out = new ArrayList<>();
        int close = match[open], start = open + 1;
        for (int i = open + 1; i < close; i++) {
            if (toks.get(i).type() == Type.LPAREN) {
                i = match[i];
            } else if (toks.get(i).type() == Type.COMMA) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (close > open + 1) {
            out.add(new int[] {start, close});
        }
        return out;
    }

    int close(int open) {
        return match[open];
    }

    private List<Piece> walk(int from, int to) {
        List<Piece> out = new ArrayList<>();
        boolean values = false;
        for (int i = from; i < to; ) {
            Token t = toks.get(i);
            if (names.relationOut.containsKey(i)) {
                out.add(Piece.of(names.relationOut.get(i), Kind.EXPR));
                i = names.relationEnd.get(i) + 1;
                continue;
            }
            if (names.insertOut.containsKey(i)) {
                out.add(new Piece(names.insertOut.get(i), names.insertColumns.containsKey(i) ? Kind.COLUMN : Kind.EXPR,
                        names.insertColumns.get(i), null, null, ' '));
                i++;
                continue;
            }
            switch (t.type()) {
                case LPAREN -> {
                    int close = match[i];
                    Piece listOf = inList(out, i);
                    if (values && names.valuesTargets != null) {
                        out.add(Piece.of("(" + valuesRow(i) + ")", Kind.EXPR));
                    } else if (listOf != null) { // x IN (0, 1): each value as it compares with x
                        out.add(Piece.of("(" + String.join(", ", args(i).stream().map(a -> fit(listOf, expr(a[0], a[1])).sql())
                                .toList()) + ")", Kind.EXPR));
                    } else {
                        Piece inner = expr(i + 1, close);
                        out.add(new Piece("(" + inner.sql() + ")", inner.kind() == Kind.COLUMN ? Kind.COLUMN : Kind.EXPR,
                                inner.column(), inner.raw(), inner.alt(), inner.temporal()));
                        if (names.derivedClose.containsKey(close) && !aliased(close + 1)) { // PostgreSQL before 16 wants one
                            out.add(Piece.of("AS " + Naming.quote("subquery" + close), Kind.EXPR));
                        }
                    }
                    i = close + 1;
                    continue;
                }
                case COMMA -> out.add(Piece.of(",", Kind.COMMA));
                case STRING -> out.add(new Piece(Naming.literal(t.value()), Kind.STRING, null, t.value(), null, ' '));
                case BLOB -> out.add(Piece.of("'\\x" + t.value() + "'::bytea", Kind.EXPR));
                case NUMBER -> out.add(number(t));
                case OP -> out.add(operator(t));
                case PARAM -> throw new Untranslatable("it has a parameter (" + t.text() + "), which only a program can fill in");
                case SEMI -> throw new Untranslatable("it holds more than one statement");
                case DOT, RPAREN -> throw new Untranslatable("Ferry could not read it near '" + t.text() + "'");
                case QUOTED -> {
                    i = name(i, out);
                    continue;
                }
                case WORD -> {
                    boolean call = i + 1 < to && toks.get(i + 1).type() == Type.LPAREN;
                    if (call && !KEYWORDS.contains(t.upper()) || t.is("CAST") && call) {
                        Piece p = SqlFunctions.call(this, t.value(), i + 1);
                        out.add(p);
                        i = match[i + 1] + 1;
                        continue;
                    }
                    if (keyword(i)) {
                        values = t.is("VALUES");
                        i = keyword(i, to, out);
                        continue;
                    }
                    values = false;
                    i = name(i, out);
                    continue;
                }
                default -> throw new Untranslatable("Ferry could not read it near '" + t.text() + "'");
            }
            i++;
        }
        return out;
    }

    /** The column before [NOT] IN when the parenthesis at {@code open} holds a list of values (not a query). */
    private Piece inList(List<Piece> out, int open) {
        int n = out.size();
        if (n < 2 || !out.get(n - 1).sql().equals("IN") || open + 1 >= toks.size()
                || toks.get(open + 1).is("SELECT") || toks.get(open + 1).is("WITH") || toks.get(open + 1).is("VALUES")) {
            return null;
        }
        Piece col = out.get(n - 2).sql().equals("NOT") && n >= 3 ? out.get(n - 3) : out.get(n - 2);
        return col.column() == null ? null : col;
    }

    private boolean aliased(int j) {
        return j < toks.size() && (toks.get(j).is("AS") || toks.get(j).type() == Type.QUOTED
                || toks.get(j).type() == Type.WORD && !KEYWORDS.contains(toks.get(j).upper()));
    }

    /** An INSERT's row of values, each value fitted to the column it goes into. */
    private String valuesRow(int open) {
        List<int[]> args = args(open);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            Piece v = expr(args.get(k)[0], args.get(k)[1]);
            ColumnPlan c = k < names.valuesTargets.size() ? names.valuesTargets.get(k) : null;
            out.add(c == null ? v.sql() : assign(c, v).sql());
        }
        return String.join(", ", out);
    }

    private boolean keyword(int i) {
        Token t = toks.get(i);
        String u = t.upper();
        if (KEYWORDS.contains(u)) {
            // SQLite lets some keywords name columns unquoted (filter, window, partition, ...): a column it is, then
            return !(SOFT_KEYWORDS.contains(u) && (i + 1 >= toks.size() || toks.get(i + 1).type() != Type.LPAREN)
                    && isColumn(t.value()));
        }
        Token prev = i > 0 ? toks.get(i - 1) : null, next = i + 1 < toks.size() ? toks.get(i + 1) : null;
        return switch (u) {
            case "FIRST", "LAST" -> prev != null && prev.is("NULLS");
            case "ROWS", "RANGE", "GROUPS" -> next != null && (next.is("BETWEEN") || next.is("UNBOUNDED")
                    || next.is("CURRENT") || next.type() == Type.NUMBER);
            case "CURRENT" -> next != null && next.is("ROW");
            case "ROW" -> prev != null && prev.is("CURRENT");
            default -> false;
        };
    }

    private int keyword(int i, int to, List<Piece> out) {
        Token t = toks.get(i);
        Token next = i + 1 < to ? toks.get(i + 1) : null;
        switch (t.upper()) {
            case "IS" -> {
                boolean not = next != null && next.is("NOT");
                Token after = i + (not ? 2 : 1) < to ? toks.get(i + (not ? 2 : 1)) : null;
                if (after != null && (after.is("NULL") || after.is("TRUE") || after.is("FALSE") || after.is("DISTINCT"))) {
                    out.add(Piece.of(not ? "IS NOT" : "IS", Kind.WORD));
                } else {
                    out.add(Piece.of(not ? "IS DISTINCT FROM" : "IS NOT DISTINCT FROM", Kind.COMPARE));
                }
                return i + (not ? 2 : 1);
            }
            case "NOT" -> {
                if (next != null && (next.is("LIKE") || next.is("GLOB"))) {
                    out.add(new Piece(next.is("LIKE") ? "NOT ILIKE" : "!~", next.is("LIKE") ? Kind.LIKE : Kind.GLOB,
                            null, null, null, ' '));
                    return i + 2;
                }
                if (next != null && next.is("NULL") && !out.isEmpty() && operand(out.get(out.size() - 1))) {
                    out.add(Piece.of("IS NOT NULL", Kind.WORD));
                    return i + 2;
                }
                out.add(Piece.of("NOT", Kind.WORD));
                return i + 1;
            }
            case "LIKE" -> out.add(Piece.of("ILIKE", Kind.LIKE));
            case "GLOB" -> out.add(Piece.of("~", Kind.GLOB));
            case "REGEXP", "MATCH" -> throw new Untranslatable(t.upper() + " calls a function SQLite leaves to the "
                    + "application; PostgreSQL has no such operator");
            case "ISNULL" -> out.add(Piece.of("IS NULL", Kind.WORD));
            case "NOTNULL" -> out.add(Piece.of("IS NOT NULL", Kind.WORD));
            case "TRUE", "FALSE" -> out.add(new Piece(t.upper(), Kind.BOOL, null, t.is("TRUE") ? "1" : "0", null, ' '));
            case "CURRENT_TIMESTAMP" -> out.add(SqlDates.now(this, 'T'));
            case "CURRENT_DATE" -> out.add(SqlDates.now(this, 'D'));
            case "CURRENT_TIME" -> out.add(SqlDates.now(this, 'H'));
            case "COLLATE" -> {
                if (next == null) {
                    throw new Untranslatable("COLLATE has no name");
                }
                out.add(Piece.of("COLLATE " + collation(next.value()), Kind.WORD));
                return i + 2;
            }
            case "LIMIT" -> {
                return limit(i, to, out);
            }
            case "INDEXED" -> throw new Untranslatable("INDEXED BY names a SQLite index to use; PostgreSQL chooses its own");
            case "RAISE" -> throw new Untranslatable("RAISE() only works inside a trigger");
            default -> out.add(Piece.of(t.upper(), Kind.WORD));
        }
        return i + 1;
    }

    String collation(String name) {
        return switch (SqlScope.key(name)) {
            case "NOCASE" -> {
                if (!scope.nocase()) {
                    throw new Untranslatable("COLLATE NOCASE needs a case-insensitive collation, which this PostgreSQL cannot make");
                }
                yield Naming.quote(ColumnPlan.NOCASE);
            }
            case "BINARY" -> "\"C\"";
            default -> throw new Untranslatable("PostgreSQL has no collation " + name);
        };
    }

    /** LIMIT n [OFFSET m] stays; SQLite's LIMIT m, n becomes LIMIT n OFFSET m; a negative limit means none. */
    private int limit(int i, int to, List<Piece> out) {
        int end = i + 1, comma = -1, offset = -1;
        while (end < to && toks.get(end).type() != Type.SEMI && !(toks.get(end).type() == Type.WORD
                && Set.of("UNION", "EXCEPT", "INTERSECT").contains(toks.get(end).upper()))) {
            if (toks.get(end).type() == Type.LPAREN) {
                end = match[end];
            } else if (toks.get(end).type() == Type.COMMA && comma < 0) {
                comma = end;
            } else if (toks.get(end).is("OFFSET")) {
                offset = end;
            }
            end++;
        }
        int limitEnd = comma >= 0 ? comma : offset >= 0 ? offset : end;
        String count = limitCount(i + 1, limitEnd);
        if (comma >= 0) {
            out.add(Piece.of("LIMIT " + limitCount(comma + 1, end) + " OFFSET " + expr(i + 1, comma).sql(), Kind.EXPR));
        } else {
            out.add(Piece.of("LIMIT " + count, Kind.EXPR));
            if (offset >= 0) {
                out.add(Piece.of("OFFSET " + expr(offset + 1, end).sql(), Kind.EXPR));
            }
        }
        return end;
    }

    private String limitCount(int from, int to) {
        if (to - from == 2 && toks.get(from).isOp("-") && toks.get(from + 1).type() == Type.NUMBER) {
            return "ALL";
        }
        return expr(from, to).sql();
    }

    private static boolean operand(Piece p) {
        return p.kind() == Kind.COLUMN || p.kind() == Kind.EXPR || p.kind() == Kind.NUMBER || p.kind() == Kind.STRING;
    }

    private Piece number(Token t) {
        String v = t.value();
        if (v.startsWith("0x") || v.startsWith("0X")) {
            try {
                v = Long.toString(Long.parseUnsignedLong(v.substring(2), 16));
            } catch (NumberFormatException e) {
                throw new Untranslatable("the number " + t.text() + " does not fit 64 bits");
            }
        }
        return new Piece(v, Kind.NUMBER, null, v, null, ' ');
    }

    private Piece operator(Token t) {
        return switch (t.text()) {
            case "==", "=" -> Piece.of("=", Kind.COMPARE);
            case "!=", "<>" -> Piece.of("<>", Kind.COMPARE);
            case "<", ">", "<=", ">=" -> Piece.of(t.text(), Kind.COMPARE);
            case "||" -> Piece.of("||", Kind.CONCAT);
            case "->", "->>" -> throw new Untranslatable("the JSON operator " + t.text() + " works differently in PostgreSQL");
            default -> Piece.of(t.text(), Kind.OP);
        };
    }

    // ---------------------------------------------------------------- names

    /** A name, maybe qualified (t.c, main.t.c, NEW.c, t.*), at {@code i}; returns the index after it. */
    private int name(int i, List<Piece> out) {
        List<Token> parts = new ArrayList<>();
        parts.add(toks.get(i));
        int j = i + 1;
        while (j + 1 < toks.size() && toks.get(j).type() == Type.DOT
                && (toks.get(j + 1).isName() || toks.get(j + 1).isOp("*"))) {
            parts.add(toks.get(j + 1));
            j += 2;
        }
        if (parts.size() == 3) {
            parts.remove(0); // the schema: main or temp
        }
        if (parts.size() == 1) {
            out.add(bare(parts.get(0)));
        } else {
            out.add(qualified(parts.get(0), parts.get(1)));
        }
        return j;
    }

    private Piece bare(Token t) {
        String key = SqlScope.key(t.value());
        List<ColumnPlan> found = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        List<TablePlan> tables = new ArrayList<>();
        if (self != null) {
            tables.add(self);
        }
        for (String s : names.used) {
            SqlScope.Relation r = scope.relation(s);
            if (r.table() != null && !tables.contains(r.table())) {
                tables.add(r.table());
            }
        }
        for (TablePlan tp : tables) {
            ColumnPlan c = column(tp, t.value());
            if (c != null) {
                found.add(c);
                targets.add(c.target());
            }
        }
        if (targets.size() > 1) {
            throw new Untranslatable("the column name " + t.value() + " belongs to more than one of its tables");
        }
        if (!found.isEmpty()) {
            ColumnPlan c = found.get(0);
            String prefix = bareIsNew && self != null && tables.get(0) == self && column(self, t.value()) != null ? "NEW." : "";
            return new Piece(prefix + Naming.quote(c.target()), Kind.COLUMN, c, null, null, ' ');
        }
        if (t.type() == Type.QUOTED && t.quote() == '"' && !names.aliasNames.contains(key) && names.aliases.get(key) == null
                && scope.relation(t.value()) == null && !names.opaque && !rowVars.containsKey(key)) {
            // SQLite reads a double-quoted word that names nothing as a string (a documented quirk)
            return new Piece(Naming.literal(t.value()), Kind.STRING, null, t.value(), null, ' ');
        }
        return Piece.of(Naming.quote(scope.name(t.value())), Kind.EXPR);
    }

    private Piece qualified(Token q, Token name) {
        String key = SqlScope.key(q.value());
        SqlScope.Relation rel;
        String prefix;
        if (rowVars.containsKey(key) && q.type() == Type.WORD) {
            rel = rowVars.get(key);
            prefix = key;
        } else if (names.aliases.containsKey(key)) {
            rel = names.aliases.get(key);
            prefix = names.aliasNames.contains(key) ? Naming.quote(scope.name(q.value()))
                    : Naming.quote(rel == null ? scope.name(q.value()) : rel.target());
        } else {
            rel = scope.relation(q.value());
            if (rel != null) {
                names.used.add(rel.source());
            }
            prefix = Naming.quote(rel == null ? scope.name(q.value()) : rel.target());
        }
        if (name.isOp("*")) {
            return Piece.of(prefix + ".*", Kind.EXPR);
        }
        ColumnPlan c = rel == null || rel.table() == null ? null : column(rel.table(), name.value());
        if (c == null && rel != null && rel.table() != null) {
            throw new Untranslatable("table " + rel.source() + " has no column " + name.value());
        }
        String col = Naming.quote(c == null ? scope.name(name.value()) : c.target());
        return new Piece(prefix + "." + col, c == null ? Kind.EXPR : Kind.COLUMN, c, null, null, ' ');
    }

    /** Whether a bare name is a column of one of the statement's tables (or of the row's table). */
    private boolean isColumn(String name) {
        if (self != null && column(self, name) != null) {
            return true;
        }
        return names.used.stream().map(scope::relation).anyMatch(r -> r.table() != null && column(r.table(), name) != null);
    }

    /** A column of a table by its SQLite name; rowid and its names.aliases name the INTEGER PRIMARY KEY column. */
    private static ColumnPlan column(TablePlan t, String name) {
        for (ColumnPlan c : t.columns()) {
            if (SqlScope.same(c.source().name(), name)) {
                return c;
            }
        }
        if (ROWID.contains(SqlScope.key(name))) {
            if (t.source().rowidAlias() == null) {
                throw new Untranslatable("it reads the rowid of " + t.source().name() + ", which PostgreSQL tables do not have");
            }
            return t.column(t.source().rowidAlias());
        }
        return null;
    }

    // ---------------------------------------------------------------- after the walk

    /** What depends on both sides of an operator: booleans, dates, text casts, LIKE and GLOB. */
    private List<Piece> fix(List<Piece> ps) {
        List<Piece> out = new ArrayList<>(ps);
        for (int k = 0; k < out.size(); k++) {
            Piece p = out.get(k);
            Piece left = k > 0 ? out.get(k - 1) : null, right = k + 1 < out.size() ? out.get(k + 1) : null;
            if (p.kind() == Kind.COLUMN && (left == null ? k == 0 && ps.size() == 1 && conditionContext
                    : left.kind() == Kind.WORD && CONDITION_BEFORE.contains(left.sql())
                    && !(left.sql().equals("AND") && k >= 3 && out.get(k - 3).sql().equals("BETWEEN")))
                    && (right == null || right.kind() == Kind.WORD && CONDITION_AFTER.contains(right.sql()))) {
                out.set(k, condition(p)); // WHERE flag: a number is true when not 0 in SQLite
                continue;
            }
            switch (p.kind()) {
                case COMPARE -> {
                    if (left != null && right != null) {
                        out.set(k + 1, fit(left, right));
                        out.set(k - 1, fit(out.get(k + 1), left));
                    }
                }
                case CONCAT -> {
                    if (left != null && right != null) {
                        out.set(k - 1, text(left));
                        out.set(k + 1, text(right));
                    }
                }
                case LIKE, GLOB -> {
                    if (left == null || right == null) {
                        throw new Untranslatable("LIKE or GLOB without two sides");
                    }
                    Piece l = text(left);
                    if (l.column() != null && l.column().collation() != null) {
                        l = l.sql(l.sql() + " COLLATE \"default\""); // PostgreSQL's LIKE refuses a nondeterministic collation
                    }
                    out.set(k - 1, l);
                    if (p.kind() == Kind.GLOB) {
                        if (right.kind() != Kind.STRING) {
                            throw new Untranslatable("GLOB with a pattern that is not a plain string");
                        }
                        out.set(k + 1, right.sql(Naming.literal(SqlFunctions.globToRegex(right.raw()))));
                    }
                }
                case WORD -> {
                    if (p.sql().equals("BETWEEN") && left != null && k + 3 < out.size() && out.get(k + 2).sql().equals("AND")) {
                        out.set(k + 1, fit(left, out.get(k + 1)));
                        out.set(k + 3, fit(left, out.get(k + 3)));
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    /** A number where SQLite wants a truth value: true when it is not 0, as SQLite reads it. */
    static Piece condition(Piece p) {
        if (p.column() != null && (p.column().type().isInteger() || p.column().type().kind() == PgType.Kind.DOUBLE
                || p.column().type().kind() == PgType.Kind.NUMERIC)) {
            return Piece.of("(" + p.sql() + " <> 0)", Kind.EXPR);
        }
        return p;
    }

    /** {@code value} as it compares with (or is assigned to) {@code other}: 1/0 against a boolean, a date function's moment against a date. */
    static Piece fit(Piece other, Piece value) {
        ColumnPlan c = other.column();
        if (c == null) {
            return value;
        }
        PgType.Kind kind = c.type().kind();
        if (kind == PgType.Kind.BOOLEAN && value.kind() == Kind.NUMBER && (value.raw().equals("0") || value.raw().equals("1"))) {
            return Piece.of(value.raw().equals("1") ? "true" : "false", Kind.BOOL);
        }
        if (c.type().isInteger() && value.kind() == Kind.BOOL) {
            return Piece.of(value.raw(), Kind.NUMBER);
        }
        if (value.alt() != null) {
            String native_ = SqlDates.as(value, kind);
            if (native_ != null) {
                return Piece.of(native_, Kind.EXPR);
            }
        }
        return value;
    }

    /** Assignment of {@code value} to column {@code c} (INSERT values, SET, NEW.c :=). */
    static Piece assign(ColumnPlan c, Piece value) {
        return fit(new Piece("", Kind.COLUMN, c, null, null, ' '), value);
    }

    /** A column that is not text, where SQLite would read it as text (||, LIKE, string functions). */
    static Piece text(Piece p) {
        if (p.column() != null && p.column().type().kind() != PgType.Kind.TEXT
                && p.column().type().kind() != PgType.Kind.VARCHAR) {
            return Piece.of(p.sql() + "::text", Kind.EXPR);
        }
        return p;
    }

    static String join(List<Piece> ps) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : ps) {
            if (sb.length() > 0 && p.kind() != Kind.COMMA) {
                sb.append(' ');
            }
            sb.append(p.sql());
        }
        return sb.toString();
    }
}
