package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;
import dev.ferry.postgres.Naming;
import dev.ferry.schema.Trigger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A SQLite trigger as a PL/pgSQL function and a trigger calling it, read from the syntax tree of its
 * CREATE TRIGGER ({@link SqlParser}): timing, event, UPDATE OF columns, WHEN and the statements of
 * its body. A stamp of the row being written ({@link TriggerStamp}) becomes a BEFORE trigger setting
 * NEW's columns; any other body has its statements translated one by one (INSERT, UPDATE, DELETE,
 * SELECT RAISE(...) [FROM ...] [WHERE ...], SELECT CASE WHEN ... THEN RAISE(...) END, a SELECT run for
 * what it calls). A trigger that writes does not fire itself again while it runs, as in SQLite, whose
 * recursive_triggers is off: PostgreSQL would fire it again, even through other triggers.
 */
public final class TriggerTranslator {

    private final Trigger trigger;
    private final SqlStatement.CreateTrigger tree;
    private final SqlScope scope;
    private final String sql;
    private final String event;
    private final SqlScope.Relation table;
    private final boolean guarded;
    private final String running;
    private String timing;

    private TriggerTranslator(Trigger trigger, SqlStatement.CreateTrigger tree, SqlScope scope, String target) {
        this.trigger = trigger;
        this.tree = tree;
        this.scope = scope;
        this.sql = trigger.sql();
        this.timing = tree.timing() == null ? "BEFORE" : tree.timing(); // SQLite's default
        this.event = tree.event();
        this.table = scope.relation(trigger.table());
        if (table == null) {
            throw no("it fires on " + trigger.table() + ", which is not migrated");
        }
        this.guarded = tree.body().stream().anyMatch(s -> !(s instanceof SqlSelect));
        // a setting of this transaction named for the table and the trigger: set while its function runs
        this.running = "'ferry.running_' || TG_RELID || '_"
                + HexFormat.of().formatHex((target == null ? "" : target).getBytes(StandardCharsets.UTF_8)) + "'";
    }

    /** The plan for {@code trigger}, to be created as {@code target} calling function {@code function}. */
    public static Plan.TriggerPlan translate(Trigger trigger, SqlScope scope, String target, String function) {
        SqlStatement st;
        try {
            st = SqlParser.parse(trigger.sql());
        } catch (SqlParseException e) {
            return failed(trigger, target, function, "Ferry could not read it: " + e.getMessage());
        }
        if (!(st instanceof SqlStatement.CreateTrigger tree)) {
            return failed(trigger, target, function, "Ferry could not find a CREATE TRIGGER in its SQL");
        }
        try {
            return new TriggerTranslator(trigger, tree, scope, target).plan(target, function);
        } catch (SqlTranslator.Untranslatable e) {
            return failed(trigger, target, function, e.getMessage());
        } catch (RuntimeException e) { // SQLite accepted it, so this is Ferry's shortcoming: reported, never a crash
            org.slf4j.LoggerFactory.getLogger(TriggerTranslator.class).warn("could not translate: {}", trigger.sql(), e);
            return failed(trigger, target, function, "Ferry could not read it (" + e + ")");
        }
    }

    private static Plan.TriggerPlan failed(Trigger trigger, String target, String function, String why) {
        return new Plan.TriggerPlan(trigger.name(), trigger.table(), trigger.sql(), target, function, null, null, null,
                null, why);
    }

    private static SqlTranslator.Untranslatable no(String why) {
        return new SqlTranslator.Untranslatable(why);
    }

    private Plan.TriggerPlan plan(String target, String function) {
        List<String> of = new ArrayList<>();
        for (SqlName n : tree.ofColumns()) {
            ColumnPlan c = table.column(n.value());
            of.add(Naming.quote(c == null ? scope.name(n.value()) : c.target()));
        }
        String when = tree.when() == null ? null : check(SqlTranslator.triggerCondition(tree.when(), sql, scope, table));
        String events = event + (of.isEmpty() ? "" : " OF " + String.join(", ", of));
        String body = TriggerStamp.body(tree, timing, scope, table, sql);
        if (body != null) {
            timing = "BEFORE";
        } else {
            body = general();
        }
        if (timing.equals("INSTEAD OF")) {
            if (!of.isEmpty()) {
                throw no("PostgreSQL's INSTEAD OF triggers cannot name columns (UPDATE OF)");
            }
            if (when != null) { // PostgreSQL's INSTEAD OF triggers take no WHEN: the function checks it
                body = "IF NOT coalesce(" + when + ", false) THEN\n    RETURN " + returned() + ";\n  END IF;\n  " + body;
                when = null;
            }
        }
        if (body.contains("$ferry$")) {
            throw no("its text holds $ferry$, which Ferry uses to quote function bodies");
        }
        return new Plan.TriggerPlan(trigger.name(), trigger.table(), trigger.sql(), target, function, table.target(),
                timing + " " + events, when, body, null);
    }

    private static final java.util.regex.Pattern ASSIGNED = java.util.regex.Pattern.compile(
            "(?m)^\\s*NEW\\.(\"(?:[^\"]|\"\")+\"|[^\\s:\"]+) := ");

    /**
     * The columns a stamp trigger sets (quoted as in its body), so a proof can check they changed;
     * empty for any other trigger.
     */
    public static List<String> stamped(Plan.TriggerPlan t) {
        if (t.body() == null || !t.body().endsWith("RETURN NEW;") || t.body().contains("RAISE")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = ASSIGNED.matcher(t.body());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The statements one by one. A body that writes is fenced by a setting of the transaction, on
     * while it runs: fired again meanwhile (by its own write, or a write of a trigger it set off), it
     * returns at once, as SQLite does not fire it again. A rolled-back savepoint undoes the setting with
     * the rest.
     */
    private String general() {
        StringBuilder body = new StringBuilder();
        for (SqlStatement s : tree.body()) {
            body.append(statement(s)).append("\n  ");
        }
        if (!guarded) {
            return body + "RETURN " + returned() + ";";
        }
        return "IF current_setting(" + running + ", true) = 'on' THEN\n    RETURN " + returned() + ";\n  END IF;\n  "
                + "PERFORM set_config(" + running + ", 'on', true);\n  " + body + done() + "RETURN " + returned() + ";";
    }

    /** What a guarded body does before it returns: its setting switched off again. */
    private String done() {
        return guarded ? "PERFORM set_config(" + running + ", 'off', true);\n  " : "";
    }

    private String returned() {
        return timing.equals("AFTER") ? "NULL" : event.equals("DELETE") ? "OLD" : "NEW";
    }

    private String statement(SqlStatement s) {
        if (s instanceof SqlSelect select) {
            return select(select);
        }
        return check(SqlTranslator.trigger(s, sql, scope, table)) + ";";
    }

    /** SELECT RAISE(...) [FROM ...] [WHERE c], SELECT CASE WHEN c THEN RAISE(...) ... END, or a SELECT run for its effects. */
    private String select(SqlSelect s) {
        SqlExpr only = onlyOutput(s);
        if (only instanceof SqlExpr.Raise r) {
            SqlSelect.Core core = (SqlSelect.Core) s.body();
            String raise = raise(r);
            if (core.from() == null && core.where() == null) {
                return raise;
            }
            String cond;
            if (core.from() == null) {
                cond = check(SqlTranslator.triggerCondition(core.where(), sql, scope, table));
            } else { // RAISE once when the query finds a row
                SqlSelect one = new SqlSelect(s.span(), null, new SqlSelect.Core(core.span(), null,
                        List.of(new SqlClause.Output(SqlSpan.NONE, new SqlExpr.Literal(SqlSpan.NONE,
                                SqlExpr.Literal.Kind.INTEGER, "1"), null)), core.from(), core.where(), List.of(), null,
                        List.of()), List.of(), null);
                String q = check(SqlTranslator.perform(one, sql, scope, table));
                cond = "EXISTS (SELECT " + q.substring("PERFORM ".length()) + ")";
            }
            return "IF " + cond + " THEN\n    " + raise + "\n  END IF;";
        }
        if (only instanceof SqlExpr.Case c && c.operand() == null && ((SqlSelect.Core) s.body()).from() == null
                && ((SqlSelect.Core) s.body()).where() == null && hasRaise(c)) {
            StringBuilder out = new StringBuilder();
            for (SqlClause.When w : c.whens()) {
                String cond = check(SqlTranslator.triggerCondition(w.condition(), sql, scope, table));
                out.append(out.length() == 0 ? "IF " : "\n  ELSIF ").append(cond).append(" THEN\n    ").append(action(w.result()));
            }
            if (c.otherwise() != null && hasRaise(c.otherwise())) {
                out.append("\n  ELSE\n    ").append(action(c.otherwise()));
            }
            return out.append("\n  END IF;").toString();
        }
        if (hasRaise(s)) {
            throw no("RAISE() where Ferry does not expect it");
        }
        return check(SqlTranslator.perform(s, sql, scope, table)) + ";";
    }

    /** A CASE's branch: its RAISE, or nothing for a value the SELECT throws away. */
    private String action(SqlExpr e) {
        SqlExpr x = unparen(e);
        if (x instanceof SqlExpr.Raise r) {
            return raise(r);
        }
        if (hasRaise(x)) {
            throw no("RAISE() where Ferry does not expect it");
        }
        return "NULL;";
    }

    /** The one expression a plain SELECT (no DISTINCT, GROUP BY, ORDER BY, LIMIT or WITH) outputs, else null. */
    private static SqlExpr onlyOutput(SqlSelect s) {
        if (s.with() != null || !s.orderBy().isEmpty() || s.limit() != null || !(s.body() instanceof SqlSelect.Core core)
                || core.quantifier() != null || core.columns().size() != 1 || !core.groupBy().isEmpty()
                || core.having() != null || !core.windows().isEmpty() || !(core.columns().get(0) instanceof SqlClause.Output o)) {
            return null;
        }
        return unparen(o.expr());
    }

    private static SqlExpr unparen(SqlExpr e) {
        return e instanceof SqlExpr.Paren p ? unparen(p.expr()) : e;
    }

    private static boolean hasRaise(SqlNode n) {
        return !SqlTreeWalk.all(n, SqlExpr.Raise.class).isEmpty();
    }

    /** RAISE(ABORT|ROLLBACK, message) and RAISE(IGNORE); FAIL keeps earlier rows' changes, which PostgreSQL cannot. */
    private String raise(SqlExpr.Raise r) {
        if (r.action().equals("IGNORE")) {
            if (!timing.equals("BEFORE")) {
                throw no("RAISE(IGNORE) skips the row only in a BEFORE trigger");
            }
            return done() + "RETURN NULL;";
        }
        if (!r.action().equals("ABORT") && !r.action().equals("ROLLBACK")) {
            throw no("RAISE(" + r.action() + ") has no PostgreSQL equivalent (it keeps what earlier rows changed)");
        }
        if (r.message() == null) {
            throw no("RAISE() without a message");
        }
        return "RAISE EXCEPTION USING MESSAGE = " + check(SqlTranslator.triggerValue(r.message(), sql, scope, table)) + ";";
    }

    private static String check(SqlTranslator.Result r) {
        if (!r.ok()) {
            throw no(r.failure());
        }
        return r.sql();
    }
}
