package dev.ferry.run;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

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
    private final List<dev.ferry.verify.Report.Item> triggers = Collections.synchronizedList(new ArrayList<>());

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

    private List<Boolean> buildIndexes(List<Plan.IndexPlan> indexes, List<String> before) {
        return Parallel.map(indexes, indexBuilds(jobs), i -> {
            List<String> statements = new ArrayList<>(before);
            statements.add(ddl.buildIndex(i));
            String error = tryExecuteInSchema(statements);
            if (error != null) {
                problems.add(new Problem(i.table().source().name(), null, kind(i), 0, "report", List.of(ddl.buildIndex(i)),
                        "Index " + i.name() + " was not created: " + error));
            }
            return error == null;
        });
    }

    /**
     * How many indexes Ferry builds at once for {@code jobs}: a couple more than the jobs, so the
     * last big index is not built alone, but not so many more that a big machine's default opens
     * a crowd of connections.
     */
    static int indexBuilds(int jobs) {
        return Math.min(2 * jobs, jobs + 2);
    }

    List<dev.ferry.verify.Report.Item> views() {
        return views;
    }

    List<dev.ferry.verify.Report.Item> triggers() {
        return triggers;
    }

    /**
     * The unique indexes of tables that foreign keys point at first, then the foreign keys (they
     * need only those), then every other index, each group in parallel; then PRIMARY KEY
     * and UNIQUE are attached to their indexes, which waits for any verification still reading the
     * table; then identity restarts and views. Validating a foreign key locks out index builds on
     * its table, so validating before the big tables' indexes lets the checksums fill the core a
     * validation leaves idle, where validating last left it idle at the very end.
     */
    void run(java.util.Map<String, Long> sequences) {
        // Biggest tables first, and more builds at once than `jobs`: with only `jobs` of them the last
        // big index was built alone at the end while a core stood idle (the benchmark's keys took
        // 4.0 s where their work fills 2 cores for 2.2 s)
        List<Plan.IndexPlan> all = plan.indexes().stream().filter(i -> i.skipReason() == null
                && !kept.contains(i.table().target()))
                .sorted(java.util.Comparator.comparingLong((Plan.IndexPlan i) -> i.table().rows()).reversed()).toList();
        List<Plan.ForeignKeyPlan> foreignKeys = plan.foreignKeys().stream()
                .filter(f -> f.skipReason() == null && !kept.contains(f.table().target())).toList();
        java.util.Set<String> referenced = foreignKeys.stream().map(f -> f.parent().target()).collect(Collectors.toSet());
        java.util.Map<Boolean, List<Plan.IndexPlan>> needed = all.stream()
                .collect(Collectors.partitioningBy(i -> i.unique() && referenced.contains(i.table().target())));
        List<Plan.IndexPlan> indexes = new ArrayList<>(needed.get(true));
        int neededCount = indexes.size();
        indexes.addAll(needed.get(false));
        // Ferry builds several indexes at once beside the verification's reads: PostgreSQL's own
        // parallel workers on top of that only contend for the same cores (the benchmark ran
        // about 0.6 s faster without them); a lone index may still use them
        List<String> before = indexes.size() > 1 ? List.of("SET LOCAL max_parallel_maintenance_workers = 0") : List.of();
        List<Boolean> built = new ArrayList<>(buildIndexes(indexes.subList(0, neededCount), before));
        List<Plan.ForeignKeyPlan> added = new ArrayList<>();
        for (Plan.ForeignKeyPlan f : foreignKeys) {
            if (execute(ddl.addForeignKey(f), f.table().source().name(), Problem.Kind.FOREIGN_KEY_NOT_CREATED,
                    "Foreign key " + f.name())) {
                added.add(f);
            }
        }
        Parallel.map(added, jobs, f -> {
            if (!execute(ddl.validateForeignKey(f), null, null, null)) {
                reportOrphans(f);
            }
            return null;
        });
        built.addAll(buildIndexes(indexes.subList(neededCount, indexes.size()), before));
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
        Parallel.map(plan.tables().stream().filter(t -> !kept.contains(t.target()) && !t.checks().isEmpty()).toList(), jobs, t -> {
            t.checks().stream().filter(c -> c.failure() == null).forEach(c -> addCheck(t, c));
            return null;
        });
        createViews();
        createTriggers(); // last: the rows are in, so COPY fired none of them
    }

    /**
     * In the planned order (each after the views it reads); a view PostgreSQL refuses is tried
     * again once others were made, in case it reads one made later; what still fails is reported.
     */
    private void createViews() {
        List<Plan.ViewPlan> todo = new ArrayList<>(plan.views().stream().filter(v -> v.failure() == null).toList());
        java.util.Map<String, String> errors = new java.util.HashMap<>();
        java.util.Set<String> created = new java.util.HashSet<>();
        for (boolean progress = true; progress && !todo.isEmpty(); ) {
            progress = false;
            for (java.util.Iterator<Plan.ViewPlan> it = todo.iterator(); it.hasNext(); ) {
                Plan.ViewPlan v = it.next();
                String error = tryExecuteInSchema(List.of(ddl.createView(v)));
                if (error == null) {
                    it.remove();
                    created.add(v.source());
                    progress = true;
                } else {
                    errors.put(v.source(), error);
                }
            }
        }
        for (Plan.ViewPlan v : plan.views()) {
            if (v.failure() != null) {
                views.add(new dev.ferry.verify.Report.Item(v.source(), v.target(), "skipped", v.failure(), v.originalSql()));
            } else if (created.contains(v.source())) {
                views.add(new dev.ferry.verify.Report.Item(v.source(), v.target(), "created", null, v.originalSql()));
            } else {
                List<String> missing = v.dependsOn().stream().filter(d -> !created.contains(d)).toList();
                String reason = "PostgreSQL said " + errors.get(v.source()) + (missing.isEmpty() ? ""
                        : " (it reads view " + String.join(", ", missing) + ", which was not created)");
                views.add(new dev.ferry.verify.Report.Item(v.source(), v.target(), "failed", reason, v.originalSql()));
                problems.add(new Problem(v.source(), null, Problem.Kind.VIEW_NOT_CREATED, 0, "report", List.of(v.originalSql()),
                        "View " + v.source() + " was not created: " + reason));
            }
        }
    }

    private void createTriggers() {
        for (Plan.TriggerPlan t : plan.triggers()) {
            String status, reason = t.failure();
            if (reason != null) {
                status = "skipped";
            } else if (kept.contains(t.on())) {
                status = "skipped";
                reason = "table " + t.on() + " existed before the run and keeps its own triggers";
            } else {
                List<String> sql = ddl.createTrigger(t);
                String mine = functionSource(t.function());
                if (mine != null && !mine.equals(Ddl.functionBody(t))) {
                    sql = List.of(); // someone else's function of that name: never replaced
                }
                String error = sql.isEmpty() ? "a function named " + t.function() + " exists already in schema "
                        + plan.schema() + "; Ferry does not replace it" : tryExecuteInSchema(mine == null ? sql : sql.subList(1, sql.size()));
                status = error == null ? "created" : "failed";
                if (error != null) {
                    reason = "PostgreSQL said " + error;
                    problems.add(new Problem(t.table(), null, Problem.Kind.TRIGGER_NOT_TRANSLATED, 0, "report",
                            List.of(t.sql()), "Trigger " + t.name() + " was not created: " + reason));
                }
            }
            triggers.add(new dev.ferry.verify.Report.Item(t.name(), t.target(), status, reason, t.sql()));
        }
    }

    /** The source of the schema's function {@code name}() when there is one (an earlier attempt of this run may have made it). */
    private String functionSource(String name) {
        try (Connection c = target.connection(); PreparedStatement ps = c.prepareStatement("SELECT p.prosrc FROM pg_proc p "
                + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? AND p.proname = ? AND p.pronargs = 0")) {
            ps.setString(1, plan.schema());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /** NOT VALID first, then validated; rows SQLite let in that break the check are counted and reported, never dropped. */
    private void addCheck(TablePlan t, TablePlan.CheckPlan c) {
        String error = tryExecuteInSchema(List.of(ddl.addCheck(t, c)));
        if (error != null) {
            problems.add(new Problem(t.source().name(), null, Problem.Kind.CHECK_NOT_CREATED, 0, "report",
                    List.of(c.originalSql()), "The check " + c.originalSql() + " on " + t.source().name()
                    + " was not created: PostgreSQL said " + error));
            return;
        }
        if (tryExecuteInSchema(List.of(ddl.validateCheck(t, c))) == null) {
            return;
        }
        long count = 0;
        List<String> examples = new ArrayList<>();
        String from = " FROM " + Naming.qualified(plan.schema(), t.target()) + " x WHERE NOT (" + c.expression() + ")";
        try (Connection conn = target.connection(); Statement s = conn.createStatement()) {
            conn.setAutoCommit(false);
            s.execute(ddl.searchPath());
            try (ResultSet rs = s.executeQuery("SELECT count(*)" + from)) {
                rs.next();
                count = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT x::text" + from + " LIMIT 5")) {
                while (rs.next()) {
                    examples.add(rs.getString(1));
                }
            }
            conn.rollback();
        } catch (SQLException e) {
            examples.add("could not count: " + e.getMessage());
        }
        problems.add(new Problem(t.source().name(), null, Problem.Kind.CHECK_VIOLATED, count, "not-valid", examples,
                String.format("%,d row%s of %s break the check %s (SQLite let them in). The check exists but is marked "
                        + "NOT VALID, so it applies to new rows only; no row was dropped.", count, count == 1 ? "" : "s",
                        t.target(), c.originalSql())));
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

    /** Statements in one transaction with the schema first on the search path, as translated SQL expects. */
    private String tryExecuteInSchema(List<String> statements) {
        long start = System.nanoTime();
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(ddl.searchPath());
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
                LOG.info("{} ms: {}", (System.nanoTime() - start) / 1_000_000, String.join("; ", statements));
                return null;
            } catch (SQLException e) {
                c.rollback();
                LOG.info("{} ms, refused: {}: {}", (System.nanoTime() - start) / 1_000_000, String.join("; ", statements),
                        e.getMessage());
                return e.getMessage();
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            return e.getMessage();
        }
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
