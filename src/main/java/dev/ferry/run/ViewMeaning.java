package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.sqlite.TextDateShape;
import dev.ferry.translate.SqlScope;
import dev.ferry.translate.SqlTranslator;
import dev.ferry.translate.StoredDates;
import dev.ferry.verify.Proof;
import dev.ferry.verify.Report;
import dev.ferry.verify.ViewDifference;
import dev.ferry.verify.ViewProof;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's choice of SQLite's meaning for a created view whose rows differ because PostgreSQL
 * compares moments where SQLite compared the text it stored (--view-meaning NAME=sqlite, the
 * wizard's "Use SQLite's meaning"): the view translated again with its date columns written back
 * as SQLite's text, made again in PostgreSQL (CREATE OR REPLACE; drop and create when its columns
 * change), and proven again on the data. When SQLite's meaning cannot be made, the view stays as it
 * was, with PostgreSQL's meaning, and its line says why.
 */
final class ViewMeaning {

    private final Plan plan;
    private final Options options;
    private final PgTarget target;
    private final SqliteSource source;

    ViewMeaning(Plan plan, Options options, PgTarget target, SqliteSource source) {
        this.plan = plan;
        this.options = options;
        this.target = target;
        this.source = source;
    }

    /** {@code item}, a created view of the run, made again with SQLite's meaning and proven; or as it was, saying why not. */
    Report.Item useSqlite(Report.Item item) {
        Plan.ViewPlan v = plan.views().stream().filter(p -> p.source().equals(item.name())).findFirst().orElse(null);
        if (v == null || v.failure() != null || !item.status().startsWith("created")) {
            throw new FerryException(FerryException.Kind.USAGE, "View " + item.name() + " was not created in PostgreSQL, "
                    + "so there is no meaning to choose for it.", "Only a created view can use SQLite's meaning.");
        }
        SqlTranslator.Result r = SqlTranslator.viewWithSqliteMeaning(v.originalSql(), scope(), shapes());
        if (!r.ok()) {
            return unchanged(item, "SQLite's meaning could not be made: " + r.failure());
        }
        if (r.sql().equals(v.select())) {
            return unchanged(item, "SQLite's meaning is the same SQL here: Ferry found no date column compared with text");
        }
        Plan.ViewPlan sqlite = new Plan.ViewPlan(v.source(), v.target(), r.sql(), v.originalSql(), null, v.dependsOn());
        Ddl ddl = new Ddl(plan.schema());
        Attempts attempts = new Attempts(target, ddl, MigrationListener.NONE, () -> false);
        // the comment goes with the view in the same transaction: `ferry verify` reads it to know the meaning
        String error = attempts.tryExecuteInSchema(List.of(ddl.replaceView(sqlite), ddl.commentSqliteMeaning(sqlite)));
        if (error != null) { // its columns changed: made again in one transaction, or left as it was
            error = attempts.tryExecuteInSchema(List.of(ddl.dropView(sqlite), ddl.createView(sqlite),
                    ddl.commentSqliteMeaning(sqlite)));
        }
        if (error != null) {
            return unchanged(item, "PostgreSQL refused SQLite's meaning: " + error);
        }
        Proof p = new ViewProof(source, target, plan.schema()).prove(v.source(), v.target());
        return new Report.Item(item.name(), item.target(), "created", null, item.sql(), null, Report.Item.SQLITE_MEANING)
                .proven(p, "its rows still differ with SQLite's meaning (" + p.text() + ")");
    }

    /**
     * {@code item}, a created view that has SQLite's meaning, made again as the plan translated it
     * (PostgreSQL's meaning: dates compared as points in time), its comment removed, and proven; a
     * view that has PostgreSQL's meaning already is returned as it is.
     */
    Report.Item usePostgres(Report.Item item) {
        Plan.ViewPlan v = plan.views().stream().filter(p -> p.source().equals(item.name())).findFirst().orElse(null);
        if (v == null || v.failure() != null || !item.status().startsWith("created")) {
            throw new FerryException(FerryException.Kind.USAGE, "View " + item.name() + " was not created in PostgreSQL, "
                    + "so there is no meaning to choose for it.", "Only a created view can change its meaning.");
        }
        if (!item.sqliteMeaning()) {
            return item;
        }
        Ddl ddl = new Ddl(plan.schema());
        Attempts attempts = new Attempts(target, ddl, MigrationListener.NONE, () -> false);
        String error = attempts.tryExecuteInSchema(List.of(ddl.replaceView(v), ddl.commentRemoved(v)));
        if (error != null) {
            error = attempts.tryExecuteInSchema(List.of(ddl.dropView(v), ddl.createView(v)));
        }
        if (error != null) {
            String reason = "PostgreSQL refused PostgreSQL's meaning: " + error;
            return new Report.Item(item.name(), item.target(), item.status(), item.reason() == null ? reason
                    : item.reason() + ". " + reason, item.sql(), item.proof(), Report.Item.SQLITE_MEANING);
        }
        Proof p = new ViewProof(source, target, plan.schema()).prove(v.source(), v.target());
        return new Report.Item(item.name(), item.target(), "created", null, item.sql(), null, Report.Item.POSTGRES_MEANING)
                .proven(p, p.differs() ? ViewDifference.reason(v, plan, p) : null);
    }

    /** The view as it was, PostgreSQL's meaning kept, its reason saying why SQLite's was not made. */
    private static Report.Item unchanged(Report.Item item, String why) {
        String reason = item.reason() == null ? why : item.reason() + ". " + why;
        return new Report.Item(item.name(), item.target(), item.status(), reason, item.sql(), item.proof(),
                Report.Item.POSTGRES_MEANING);
    }

    /** The names as the plan made them, every view's columns learnt first (a view may read another). */
    private SqlScope scope() {
        Map<String, String> views = new LinkedHashMap<>();
        plan.views().forEach(v -> views.put(v.source(), v.target()));
        SqlScope scope = new SqlScope(plan.tables(), views, new Naming(options.naming()), nocase());
        plan.views().forEach(v -> SqlTranslator.view(v.originalSql(), scope));
        return scope;
    }

    private boolean nocase() {
        try (Connection c = target.connection()) {
            return Creator.collationExists(c, plan.schema());
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read which collations schema "
                    + plan.schema() + " holds.", "See the details.", e);
        }
    }

    /** How each date column the view compares wrote its dates in SQLite, read once per column. */
    private StoredDates shapes() {
        Map<ColumnPlan, String> read = new IdentityHashMap<>();
        return column -> read.computeIfAbsent(column, c -> {
            for (TablePlan t : plan.tables()) {
                if (t.columns().stream().anyMatch(x -> x == c)) {
                    return TextDateShape.of(source, t.source().name(), c.source().name()).orElse(null);
                }
            }
            return null;
        });
    }
}
