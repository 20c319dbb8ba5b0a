package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.TablePlan;

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
        return view(createView, scope, null);
    }

    /**
     * The view with SQLite's meaning where PostgreSQL's differs and the user chose SQLite's: a date
     * column compared with text is compared as the text SQLite stored ({@code dates} says its shape).
     */
    public static Result viewWithSqliteMeaning(String createView, SqlScope scope, StoredDates dates) {
        return view(createView, scope, java.util.Objects.requireNonNull(dates));
    }

    private static Result view(String createView, SqlScope scope, StoredDates dates) {
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
            rw.storedDates = dates;
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
     * A statement of a trigger's body (INSERT, UPDATE, DELETE or SELECT), as read from the trigger's
     * SQL {@code sql}: NEW and OLD are rows of {@code table}.
     */
    static Result trigger(SqlStatement statement, String sql, SqlScope scope, SqlScope.Relation table) {
        return rewrite(sql, scope, rw -> SqlWrites.statement(rw, statement, rows(table, false)));
    }

    /**
     * A SELECT of a trigger's body run for what it does (a function it calls), its rows thrown away:
     * PL/pgSQL's PERFORM, which takes the place of the word SELECT (a query that starts otherwise, WITH
     * or VALUES, is read from as a subquery).
     */
    static Result perform(SqlSelect select, String sql, SqlScope scope, SqlScope.Relation table) {
        return rewrite(sql, scope, rw -> {
            String out = rw.select(select, rows(table, false)).sql();
            return out.startsWith("SELECT ") ? "PERFORM " + out.substring("SELECT ".length())
                    : "PERFORM * FROM (" + out + ") AS ferry_rows";
        });
    }

    /** The value of an UPDATE's SET turned into NEW.c := value, fitted to column {@code c}; a bare column is NEW's. */
    static Result assignment(SqlExpr value, String sql, SqlScope scope, SqlScope.Relation table, ColumnPlan c) {
        return rewrite(sql, scope, rw -> SqlOperators.fit(SqlTyped.column("", c, false), rw.expr(value, rows(table, true))).sql());
    }

    /** A truth value in a trigger (its WHEN, a RAISE's condition): NEW and OLD are rows of {@code table}, a lone number means "not 0". */
    static Result triggerCondition(SqlExpr condition, String sql, SqlScope scope, SqlScope.Relation table) {
        return rewrite(sql, scope, rw -> SqlOperators.truth(rw.expr(condition, rows(table, false))).sql());
    }

    /** A value in a trigger (a RAISE's message): NEW and OLD are rows of {@code table}. */
    static Result triggerValue(SqlExpr value, String sql, SqlScope scope, SqlScope.Relation table) {
        return rewrite(sql, scope, rw -> rw.expr(value, rows(table, false)).sql());
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
}
