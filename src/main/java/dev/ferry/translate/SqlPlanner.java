package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.schema.Catalog;
import dev.ferry.schema.Check;
import dev.ferry.schema.Column;
import dev.ferry.schema.Trigger;
import dev.ferry.schema.View;
import dev.ferry.sqlite.SqlLexer;
import dev.ferry.postgres.Naming;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The part of the plan that is SQL to translate: COLLATE NOCASE columns, generated columns, CHECK
 * constraints, views (in an order where each comes after the views it reads) and triggers. What
 * cannot be translated is a problem in the plan, with its SQL, before anything runs.
 */
public final class SqlPlanner {

    private SqlPlanner() {
    }

    /** Each table with its NOCASE collations, generated expressions and CHECKs. */
    public static List<TablePlan> tables(List<TablePlan> plans, Naming naming, Map<String, String> views, List<Problem> problems) {
        List<TablePlan> collated = plans.stream().map(t -> collations(t, problems)).toList();
        SqlScope scope = new SqlScope(collated, views, naming, true);
        List<TablePlan> out = new ArrayList<>();
        for (TablePlan t : collated) {
            out.add(checks(generated(t, scope, problems), scope, naming, problems));
        }
        return out;
    }

    private static TablePlan collations(TablePlan t, List<Problem> problems) {
        List<ColumnPlan> cols = new ArrayList<>();
        for (ColumnPlan c : t.columns()) {
            String coll = c.source().collation() == null ? "BINARY" : c.source().collation().toUpperCase(Locale.ROOT);
            boolean text = c.type().kind() == PgType.Kind.TEXT || c.type().kind() == PgType.Kind.VARCHAR;
            if (coll.equals("NOCASE") && text) {
                cols.add(c.withCollation(ColumnPlan.NOCASE, c.type()));
                continue;
            }
            if (!coll.equals("BINARY") && !coll.equals("NOCASE") && text) { // PostgreSQL collates text alone
                problems.add(new Problem(t.source().name(), c.source().name(), Problem.Kind.COLLATION_NOT_KEPT, 0, "report",
                        List.of(c.source().collation()), "Column " + t.source().name() + "." + c.source().name()
                        + " compares text with SQLite's " + c.source().collation() + " collation, which PostgreSQL has no "
                        + "equivalent of; it compares text exactly (the values themselves are copied unchanged)."));
            }
            cols.add(c);
        }
        return t.withColumns(cols);
    }

    /** A generated column keeps its expression when it translates to one PostgreSQL accepts; else it is copied as data. */
    private static TablePlan generated(TablePlan t, SqlScope scope, List<Problem> problems) {
        Set<String> generated = new HashSet<>();
        t.columns().stream().filter(c -> c.source().isGenerated()).forEach(c -> generated.add(key(c.source().name())));
        if (generated.isEmpty()) {
            return t;
        }
        List<ColumnPlan> cols = new ArrayList<>();
        for (ColumnPlan c : t.columns()) {
            Column s = c.source();
            if (!s.isGenerated()) {
                cols.add(c);
                continue;
            }
            String why;
            if (s.expression() == null) {
                why = "Ferry could not read its expression";
            } else if (readsGenerated(s.expression(), s.name(), generated)) {
                why = "it reads another computed column, which PostgreSQL does not allow";
            } else {
                SqlTranslator.Result r = SqlTranslator.expression(s.expression(), scope, t);
                why = !r.ok() ? r.failure() : r.stable() ? "its translation depends on the time or the session's "
                        + "settings, and PostgreSQL computes columns only from expressions that do not" : null;
                if (why == null) {
                    cols.add(c.withGenerated(r.sql()));
                    continue;
                }
            }
            problems.add(keptAsData(t, c, why));
            cols.add(c);
        }
        return t.withColumns(cols);
    }

    public static Problem keptAsData(TablePlan t, ColumnPlan c, String why) {
        return new Problem(t.source().name(), c.source().name(), Problem.Kind.GENERATED_COLUMN_KEPT_AS_DATA, 0, "copy-values",
                c.source().expression() == null ? List.of() : List.of(c.source().expression()), "Column " + t.source().name()
                + "." + c.source().name() + " is computed in SQLite (AS " + (c.source().expression() == null ? "..."
                : "(" + c.source().expression() + ")") + "), but " + why + ". It becomes a plain column holding the "
                + "computed values; PostgreSQL will not update them.");
    }

    private static boolean readsGenerated(String expression, String self, Set<String> generated) {
        try {
            return SqlLexer.tokens(expression).stream().anyMatch(k -> k.isName() && !k.value().equalsIgnoreCase(self)
                    && generated.contains(key(k.value())));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static TablePlan checks(TablePlan t, SqlScope scope, Naming naming, List<Problem> problems) {
        if (t.source().checks().isEmpty()) {
            return t;
        }
        List<String> wanted = new ArrayList<>();
        for (Check c : t.source().checks()) {
            String column = c.column() == null ? null : t.columns().stream().filter(x -> x.source().name()
                    .equalsIgnoreCase(c.column())).map(ColumnPlan::target).findFirst().orElse(naming.apply(c.column()));
            String base = c.name() != null ? naming.apply(c.name()) : t.target() + "_" + (column == null ? "" : column + "_") + "check";
            String name = base;
            for (int n = 1; wanted.contains(name); n++) {
                name = base + n;
            }
            wanted.add(name);
        }
        Map<String, String> names = naming.assign(wanted, Set.of());
        List<TablePlan.CheckPlan> out = new ArrayList<>();
        for (int k = 0; k < t.source().checks().size(); k++) {
            Check c = t.source().checks().get(k);
            String original = (c.name() == null ? "" : "CONSTRAINT " + c.name() + " ") + "CHECK (" + c.expression() + ")";
            SqlTranslator.Result r = SqlTranslator.condition(c.expression(), scope, t);
            String failure = !r.ok() ? r.failure() : r.stable() ? "its translation depends on the time or the "
                    + "session's settings, and PostgreSQL checks rows only with expressions that do not" : null;
            if (failure != null) {
                problems.add(new Problem(t.source().name(), c.column(), Problem.Kind.CHECK_NOT_CREATED, 0, "report",
                        List.of(original), "The check " + original + " on " + t.source().name() + " is not created: "
                        + failure + "."));
            }
            out.add(new TablePlan.CheckPlan(c.name(), names.get(wanted.get(k)), failure == null ? r.sql() : null, original,
                    failure));
        }
        return t.withChecks(out);
    }

    /** The views, each after those it reads, translated. */
    public static List<Plan.ViewPlan> views(Catalog catalog, Map<String, String> relNames, SqlScope scope, List<Problem> problems) {
        Map<String, Plan.ViewPlan> byName = new LinkedHashMap<>();
        Set<String> viewNames = new HashSet<>();
        catalog.views().forEach(v -> viewNames.add(key(v.name())));
        // a first pass learns every view's column types, so a view reading one SQLite lists later still knows them
        catalog.views().forEach(v -> SqlTranslator.view(v.sql(), scope));
        for (View v : catalog.views()) {
            SqlTranslator.Result r = SqlTranslator.view(v.sql(), scope);
            List<String> deps = r.relations().stream().filter(n -> viewNames.contains(key(n))
                    && !n.equalsIgnoreCase(v.name())).sorted().toList();
            if (!r.ok()) {
                problems.add(new Problem(v.name(), null, Problem.Kind.VIEW_NOT_CREATED, 0, "report", List.of(v.sql()),
                        "View " + v.name() + " is not created: " + r.failure() + ". Its SQL is in the report."));
            }
            byName.put(key(v.name()), new Plan.ViewPlan(v.name(), relNames.get(v.name()), r.sql(), v.sql(), r.failure(), deps));
        }
        List<Plan.ViewPlan> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < byName.size()) {
            boolean progress = false;
            for (Plan.ViewPlan v : byName.values()) {
                if (!placed.contains(key(v.source())) && v.dependsOn().stream().allMatch(d -> placed.contains(key(d)))) {
                    ordered.add(v);
                    placed.add(key(v.source()));
                    progress = true;
                }
            }
            if (!progress) { // a cycle SQLite would not have let be made: the rest in their own order
                byName.values().stream().filter(v -> !placed.contains(key(v.source()))).forEach(v -> {
                    ordered.add(v);
                    placed.add(key(v.source()));
                });
            }
        }
        return List.copyOf(ordered);
    }

    /** Triggers translated to PL/pgSQL, each with a function of its own. */
    public static List<Plan.TriggerPlan> triggers(Catalog catalog, SqlScope scope, Naming naming, List<Problem> problems) {
        List<String> names = catalog.triggers().stream().map(Trigger::name).toList();
        Map<String, String> targets = naming.assign(names, Set.of());
        Map<String, String> functions = naming.assign(names.stream().map(n -> n + "_fn").toList(), Set.of());
        List<Plan.TriggerPlan> out = new ArrayList<>();
        for (Trigger t : catalog.triggers()) {
            Plan.TriggerPlan p = TriggerTranslator.translate(t, scope, targets.get(t.name()), functions.get(t.name() + "_fn"));
            if (p.failure() != null) {
                problems.add(new Problem(t.table(), null, Problem.Kind.TRIGGER_NOT_TRANSLATED, 0, "report", List.of(t.sql()),
                        "Trigger " + t.name() + " is not recreated: " + p.failure() + ". Its SQL is in the report, so you "
                        + "can write it for PostgreSQL."));
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
