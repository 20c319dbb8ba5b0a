package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.TablePlan;

import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.sqlite.SqlLexer.Type;
import dev.ferry.postgres.Naming;
import java.util.List;
import java.util.Set;

/**
 * The one entry to SQL translation: view queries, trigger statements, CHECK, index and
 * generated-column expressions are parsed ({@link SqlParser}) and rewritten, typed, into PostgreSQL
 * ({@link SqlRewriter}): names through the plan's renames and {@link Naming#quote}, functions and
 * operators with SQLite's meaning made explicit. What it cannot translate faithfully it refuses with
 * a reason: a {@link Result} has either the SQL or the failure, never a guess. docs/sql-translation.md
 * lists what is translated and how.
 */
public final class SqlTranslator {

    /** The translation, or why there is none; {@code relations} are the source names of the tables and views it reads. */
    public record Result(String sql, String failure, Set<String> relations, boolean stable, List<String> params) {

        public Result(String sql, String failure, Set<String> relations, boolean stable) {
            this(sql, failure, relations, stable, null);
        }

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
            SqlRewriter.Sel sel = rw.select(v.select(), null);
            String sql = sel.sql();
            // the view's columns take the types of the expressions that define them, for the views that read it
            java.util.Map<String, SqlTyped> columns = new java.util.LinkedHashMap<>();
            for (int k = 0; k < sel.types().size() && (v.columns().isEmpty() || v.columns().size() == sel.types().size()); k++) {
                String name = k < v.columns().size() ? v.columns().get(k).value() : sel.names().get(k);
                if (name != null) {
                    columns.putIfAbsent(SqlScope.key(name), v.columns().isEmpty() ? sel.types().get(k)
                            : sel.types().get(k).sql(Naming.quote(scope.name(name)), SqlTyped.ATOM));
                }
            }
            scope.viewColumns(v.name().value(), columns);
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

    /**
     * One of the app's own statements (SELECT, INSERT incl. OR REPLACE/IGNORE and upsert, UPDATE,
     * DELETE), its parameters numbered as PostgreSQL writes them ($1, $2, ...); {@link Result#params}
     * says which SQLite parameter each number stands for.
     */
    public static Result statement(SqlStatement statement, String sql, SqlScope scope) {
        return rewrite(sql, scope, true, rw -> SqlWrites.statement(rw, statement, null));
    }

    private static Result rewrite(String sql, SqlScope scope, java.util.function.Function<SqlRewriter, String> how) {
        return rewrite(sql, scope, false, how);
    }

    private static Result rewrite(String sql, SqlScope scope, boolean params,
                                  java.util.function.Function<SqlRewriter, String> how) {
        SqlRewriter rw = new SqlRewriter(scope, sql);
        rw.params = params ? new java.util.ArrayList<>() : null;
        try {
            String out = how.apply(rw);
            return new Result(out, null, Set.copyOf(rw.relations), rw.stable, params ? List.copyOf(rw.params) : null);
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
     * into assignments to NEW). A select list without its SELECT (a PERFORM) is read as one.
     */
    static Result trigger(List<Token> tokens, SqlScope scope, SqlScope.Relation table, boolean bareIsNew) {
        if (tokens.isEmpty()) {
            return Result.fail("there is nothing to translate");
        }
        boolean statement = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "REPLACE", "VALUES")
                .contains(tokens.get(0).upper());
        String sql = (statement ? "" : "SELECT ") + text(tokens);
        SqlStatement st;
        try {
            st = SqlParser.parse(sql);
        } catch (SqlParseException e) {
            return Result.fail("Ferry could not read it: " + e.getMessage());
        }
        return rewrite(sql, scope, rw -> {
            String out = SqlWrites.statement(rw, st, rows(table, bareIsNew));
            return statement ? out : out.substring("SELECT ".length());
        });
    }

    /** The value of an UPDATE's SET turned into NEW.c := value, fitted to column {@code c}. */
    static Result assignment(List<Token> tokens, SqlScope scope, SqlScope.Relation table, ColumnPlan c) {
        return triggerExpression(tokens, scope, table, true, c);
    }

    /** A trigger's WHEN: NEW and OLD are rows of {@code table}, a lone number means "not 0". */
    static Result triggerCondition(List<Token> tokens, SqlScope scope, SqlScope.Relation table) {
        return triggerExpression(tokens, scope, table, false, null);
    }

    private static Result triggerExpression(List<Token> tokens, SqlScope scope, SqlScope.Relation table, boolean bareIsNew,
                                            ColumnPlan fitTo) {
        if (tokens.isEmpty()) {
            return Result.fail("there is nothing to translate");
        }
        String sql = text(tokens);
        SqlExpr e;
        try {
            e = SqlParser.parseExpression(sql);
        } catch (SqlParseException x) {
            return Result.fail("Ferry could not read it: " + x.getMessage());
        }
        return rewrite(sql, scope, rw -> {
            SqlTyped t = rw.expr(e, rows(table, bareIsNew));
            return fitTo == null ? SqlOperators.truth(t).sql()
                    : SqlOperators.fit(SqlTyped.column("", fitTo, false), t).sql();
        });
    }

    /** The names a trigger's SQL sees: NEW and OLD, and with {@code bareIsNew} the table's columns as NEW's. */
    private static SqlRewriter.Env rows(SqlScope.Relation table, boolean bareIsNew) {
        SqlRewriter.Env env = new SqlRewriter.Env(null);
        env.rows.put("NEW", new SqlRewriter.Rel("NEW", "NEW", table.table(), null));
        env.rows.put("OLD", new SqlRewriter.Rel("OLD", "OLD", table.table(), null));
        if (bareIsNew) {
            env.self = table.table();
            env.selfPrefix = "NEW.";
        }
        return env;
    }

    /** Tokens written back as SQL, one space apart (what SQLite reads the same). */
    private static String text(List<Token> tokens) {
        return String.join(" ", tokens.stream().map(Token::text).toList());
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
}
