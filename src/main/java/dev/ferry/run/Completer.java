package dev.ferry.run;

import dev.ferry.mapping.ColumnPlan;
import dev.ferry.mapping.Plan;
import dev.ferry.mapping.Problem;
import dev.ferry.mapping.TablePlan;
import dev.ferry.target.Ddl;
import dev.ferry.target.Naming;
import dev.ferry.target.PgTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The complete phase: keys and indexes (tables in parallel), foreign keys (added NOT VALID, then
 * validated so orphans are found and reported instead of failing the run), identity restarts, and
 * views. A statement PostgreSQL refuses becomes a problem in the report; the run goes on.
 */
final class Completer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Completer.class);

    private final Plan plan;
    private final PgTarget target;
    private final Ddl ddl;
    private final int jobs;
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<dev.ferry.verify.Report.Item> views = Collections.synchronizedList(new ArrayList<>());

    /** Target names of tables that were there before the run: they keep their own keys, indexes and counters. */
    private final java.util.Set<String> kept;

    Completer(Plan plan, PgTarget target, Ddl ddl, int jobs, java.util.Set<String> kept) {
        this.kept = kept;
        this.plan = plan;
        this.target = target;
        this.ddl = ddl;
        this.jobs = jobs;
    }

    List<Problem> problems() {
        return problems;
    }

    List<dev.ferry.verify.Report.Item> views() {
        return views;
    }

    /**
     * Indexes first, all in parallel; then foreign keys (they only need the parents' unique
     * indexes); then PRIMARY KEY and UNIQUE are attached to their indexes, which waits for any
     * verification still reading the table; then identity restarts and views.
     */
    void run(java.util.Map<String, Long> sequences) {
        List<Plan.IndexPlan> indexes = plan.indexes().stream().filter(i -> i.skipReason() == null
                && !kept.contains(i.table().target())).toList();
        List<Boolean> built = Parallel.map(indexes, jobs, i -> execute(ddl.buildIndex(i), i.table().source().name(),
                kind(i), "Index " + i.name()));
        List<Plan.ForeignKeyPlan> added = new ArrayList<>();
        for (Plan.ForeignKeyPlan f : plan.foreignKeys()) {
            if (f.skipReason() == null && !kept.contains(f.table().target()) && execute(ddl.addForeignKey(f), f.table().source().name(),
                    Problem.Kind.FOREIGN_KEY_NOT_CREATED, "Foreign key " + f.name())) {
                added.add(f);
            }
        }
        Parallel.map(added, jobs, f -> {
            if (!execute(ddl.validateForeignKey(f), null, null, null)) {
                reportOrphans(f);
            }
            return null;
        });
        for (int k = 0; k < indexes.size(); k++) {
            String attach = ddl.attachConstraint(indexes.get(k));
            if (built.get(k) && attach != null) {
                execute(attach, indexes.get(k).table().source().name(), kind(indexes.get(k)), "Constraint " + indexes.get(k).name());
            }
        }
        plan.tables().forEach(t -> restartIdentity(t, sequences.getOrDefault(t.source().name(), 0L)));
        for (TablePlan t : plan.tables()) {
            if (VirtualTables.searchable(plan, t)) {
                for (String q : ddl.search(t)) {
                    if (!execute(q, t.source().name(), Problem.Kind.INDEX_NOT_CREATED, "The search column of " + t.target())) {
                        break;
                    }
                }
            }
        }
        for (Plan.ViewPlan v : plan.views()) {
            String error = tryExecute("SET search_path TO " + Naming.quote(plan.schema()) + ", public; " + ddl.createView(v));
            views.add(new dev.ferry.verify.Report.Item(v.source(), v.target(), error == null ? "created" : "failed", error, v.originalSql()));
            if (error != null) {
                problems.add(new Problem(v.source(), null, Problem.Kind.VIEW_NOT_CREATED, 0, "report", List.of(v.originalSql()),
                        "View " + v.source() + " was not created: PostgreSQL said " + error));
            }
        }
    }

    private static Problem.Kind kind(Plan.IndexPlan i) {
        return switch (i.origin()) {
            case PRIMARY_KEY -> Problem.Kind.PRIMARY_KEY_NOT_CREATED;
            case UNIQUE_CONSTRAINT -> Problem.Kind.UNIQUE_NOT_CREATED;
            case CREATE_INDEX -> Problem.Kind.INDEX_NOT_CREATED;
        };
    }

    private void restartIdentity(TablePlan t, long sequence) {
        ColumnPlan id = KeyPlanner.identityColumn(t);
        if (id == null) {
            return;
        }
        if (kept.contains(t.target())) {
            moveSequence(t, id);
            return;
        }
        try (Connection c = target.connection(); PreparedStatement ps = c.prepareStatement("SELECT max("
                + Naming.quote(id.target()) + ") FROM " + Naming.qualified(plan.schema(), t.target()));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long next = Math.max(rs.getLong(1), sequence) + 1;
            try (Statement s = c.createStatement()) {
                s.execute(ddl.restartIdentity(t, id, next));
            }
        } catch (SQLException e) {
            problems.add(new Problem(t.source().name(), id.source().name(), Problem.Kind.PRIMARY_KEY_NOT_CREATED, 0,
                    "report", List.of(), "The id counter of " + t.target() + " could not be moved past the copied ids: "
                    + e.getMessage()));
        }
    }

    /** A table that was there before may count its ids with a serial or identity: moved past the highest id now in it. */
    private void moveSequence(TablePlan t, ColumnPlan id) {
        String table = Naming.qualified(plan.schema(), t.target());
        try (Connection c = target.connection(); PreparedStatement ps = c.prepareStatement("SELECT setval(s, m) FROM "
                + "(SELECT pg_get_serial_sequence(?, ?) AS s, (SELECT max(" + Naming.quote(id.target()) + ") FROM " + table
                + ") AS m) x WHERE s IS NOT NULL AND m IS NOT NULL")) {
            ps.setString(1, table);
            ps.setString(2, id.target());
            ps.executeQuery().close();
        } catch (SQLException e) {
            problems.add(new Problem(t.source().name(), id.source().name(), Problem.Kind.PRIMARY_KEY_NOT_CREATED, 0,
                    "report", List.of(), "The id counter of " + t.target() + " could not be moved past the copied ids: "
                    + e.getMessage()));
        }
    }

    private void reportOrphans(Plan.ForeignKeyPlan f) {
        String child = Naming.qualified(plan.schema(), f.table().target()), parent = Naming.qualified(plan.schema(), f.parent().target());
        StringBuilder join = new StringBuilder(), notNull = new StringBuilder();
        for (int i = 0; i < f.columns().size(); i++) {
            join.append(i == 0 ? "" : " AND ").append("p.").append(Naming.quote(f.parentColumns().get(i))).append(" = c.")
                    .append(Naming.quote(f.columns().get(i)));
            notNull.append(" AND c.").append(Naming.quote(f.columns().get(i))).append(" IS NOT NULL");
        }
        String where = " FROM " + child + " c WHERE NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE " + join + ")" + notNull;
        long count = 0;
        List<String> examples = new ArrayList<>();
        try (Connection c = target.connection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*)" + where)) {
                rs.next();
                count = rs.getLong(1);
            }
            String cols = String.join(" || ', ' || ", f.columns().stream().map(x -> "c." + Naming.quote(x) + "::text").toList());
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT " + cols + where + " LIMIT 5")) {
                while (rs.next()) {
                    examples.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            examples.add("could not count: " + e.getMessage());
        }
        problems.add(new Problem(f.table().source().name(), String.join(",", f.columns()), Problem.Kind.FOREIGN_KEY_VIOLATED,
                count, "not-valid", examples, String.format("%,d row%s of %s point to no row of %s (SQLite did not check "
                + "this). The foreign key exists but is marked NOT VALID; no row was dropped.", count, count == 1 ? "" : "s",
                f.table().target(), f.parent().target())));
    }

    private boolean execute(String sql, String table, Problem.Kind kind, String what) {
        String error = tryExecute(sql);
        if (error != null && kind != null) {
            problems.add(new Problem(table, null, kind, 0, "report", List.of(sql), what + " was not created: " + error));
        }
        return error == null;
    }

    private String tryExecute(String sql) {
        long start = System.nanoTime();
        try (Connection c = target.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
            LOG.info("{} ms: {}", (System.nanoTime() - start) / 1_000_000, sql);
            return null;
        } catch (SQLException e) {
            LOG.info("{} ms, refused: {}: {}", (System.nanoTime() - start) / 1_000_000, sql, e.getMessage());
            return e.getMessage();
        }
    }
}
