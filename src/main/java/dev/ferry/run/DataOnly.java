package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TargetColumn;
import dev.ferry.plan.TargetFit;
import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.TargetTables;
import dev.ferry.sqlite.Profiler;
import dev.ferry.sqlite.SqliteSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A data-only run (--data-only; the wizard's "Use the tables that already exist"): the app's own
 * migrations (alembic, Django, Prisma, Rails, Knex, Flyway) made the schema, and only the rows move.
 * The existing tables and their types rule: the ordinary plan is re-aimed at them, table and column
 * matched by name (as Ferry would name them, else ignoring case), every column's values checked
 * against the existing type before any row moves ({@link TargetFit}), nothing created, and tables
 * loaded parents before children. ORM history tables keep the target's rows.
 */
final class DataOnly {

    /** The tables where ORMs record which of their migrations ran: the schema's version, not the app's data. */
    static final Map<String, String> HISTORY = Map.of("alembic_version", "version_num", "django_migrations", "name",
            "_prisma_migrations", "migration_name", "schema_migrations", "version", "flyway_schema_history", "version",
            "knex_migrations", "name");

    /**
     * ORM bookkeeping that is not a list of migrations (Rails' environment name, Knex's lock): the
     * target's rows stay and nothing is compared (copying Rails' 'development' row would collide).
     */
    static final Set<String> BOOKKEEPING = Set.of("ar_internal_metadata", "knex_migrations_lock");

    /** The policy data-only tables are journaled with (ferry_journal.existing). */
    static final String POLICY = "data";

    private DataOnly() {
    }

    /** The plan re-aimed at the schema's existing tables, with a line per column said as a note. */
    static Plan plan(Plan plan, SqliteSource source, Options options, MigrationListener listener) {
        if (options.target() == null) {
            throw new FerryException(FerryException.Kind.USAGE, "A data-only run needs the PostgreSQL database whose "
                    + "tables it fills.", "Give it with --to.");
        }
        try (PgTarget target = PgTarget.connect(options.target(), options.password(), 1);
             Connection c = target.connection()) {
            TargetTables existing = TargetTables.read(c, plan.schema());
            if (existing.tables().isEmpty()) {
                throw new FerryException(FerryException.Kind.TARGET, "Schema " + plan.schema() + " of "
                        + options.target().database() + " has no tables to fill.", "Run your app's migrations first "
                        + "(alembic upgrade head, manage.py migrate, prisma migrate deploy, ...), or leave out --data-only "
                        + "to let Ferry create the tables. Nothing was changed.");
            }
            return plan(plan, source, options, existing, c, listener);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read how the tables of schema "
                    + plan.schema() + " are made.", "See the details. Nothing was changed.", e);
        }
    }

    private static Plan plan(Plan plan, SqliteSource source, Options options, TargetTables existing, Connection c,
                             MigrationListener listener) throws SQLException {
        Map<String, String> byLower = new HashMap<>();
        existing.tables().keySet().forEach(n -> byLower.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        Profiler profiler = new Profiler(source, options.jobs());
        List<Problem> problems = new ArrayList<>(plan.problems().stream().filter(p -> switch (p.kind()) {
            case UNSAFE_TEXT, TABLE_SKIPPED, VIRTUAL_TABLE, FULL_TEXT_TABLE, LEFT_OUT -> true;
            default -> false;
        }).toList());
        List<TablePlan> tables = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (TablePlan t : plan.tables()) {
            String name = existing.tables().containsKey(t.target()) ? t.target()
                    : byLower.get(t.source().name().toLowerCase(Locale.ROOT));
            if (name == null) {
                problems.add(new Problem(t.source().name(), null, Problem.Kind.TABLE_SKIPPED, t.rows(), "skip", List.of(),
                        "Table " + t.source().name() + " is only in SQLite: schema " + plan.schema() + " has no table of "
                        + "that name, so its " + String.format("%,d", t.rows()) + " rows are not loaded."));
                continue;
            }
            used.add(name);
            if (BOOKKEEPING.contains(name.toLowerCase(Locale.ROOT))) {
                listener.on(new MigrationEvent.Note("Table " + name + " is your ORM's own bookkeeping: it keeps its rows, "
                        + "and none are copied from SQLite."));
                continue;
            }
            String history = HISTORY.get(name.toLowerCase(Locale.ROOT));
            if (history != null) {
                history(source, t, name, history, plan.schema(), c, listener);
                continue;
            }
            tables.add(table(t, name, existing.tables().get(name), profiler, options, problems, listener));
        }
        for (String name : existing.tables().keySet()) {
            if (!used.contains(name) && !name.startsWith("ferry_")) {
                listener.on(new MigrationEvent.Note("Table " + name + " is only in PostgreSQL: it is left as it is."));
            }
        }
        problems.replaceAll(p -> unsafeIntoText(p, tables));
        List<TablePlan> ordered = new ArrayList<>();
        List<List<TablePlan>> levels = levels(tables, existing.references());
        levels.forEach(ordered::addAll);
        String cycles = cycles(tables, existing.references());
        if (cycles != null) {
            listener.on(new MigrationEvent.Note(cycles));
        }
        return new Plan(plan.schema(), List.copyOf(ordered), List.of(), List.of(), List.of(), List.of(),
                List.copyOf(problems), List.of(), plan.catalog());
    }

    private static TablePlan table(TablePlan t, String name, List<TargetColumn> columns, Profiler profiler, Options options,
                                   List<Problem> problems, MigrationListener listener) throws SQLException {
        Map<String, TargetColumn> byName = new LinkedHashMap<>();
        columns.forEach(tc -> byName.put(tc.name(), tc));
        Map<String, String> byLower = new HashMap<>();
        columns.forEach(tc -> byLower.putIfAbsent(tc.name().toLowerCase(Locale.ROOT), tc.name()));
        List<TargetFit.Match> matches = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (ColumnPlan p : t.columns()) {
            String col = byName.containsKey(p.target()) ? p.target() : byLower.get(p.source().name().toLowerCase(Locale.ROOT));
            TargetColumn tc = col == null ? null : byName.remove(col);
            if (tc == null) {
                lines.add(p.source().name() + ": only in SQLite, not loaded");
            } else if (tc.generated()) {
                lines.add(p.source().name() + " -> " + tc.name() + ": computed by PostgreSQL (generated), not loaded");
            } else {
                matches.add(new TargetFit.Match(p, tc));
            }
        }
        TargetFit.Decided d = TargetFit.decide(profiler, t.source(), matches, options.resolutions());
        problems.addAll(d.problems());
        lines.addAll(0, d.lines());
        for (TargetColumn tc : byName.values()) {
            if (tc.generated() || tc.defaultSql() != null || tc.counted() || !tc.notNull()) {
                lines.add(tc.name() + ": only in PostgreSQL, gets " + (tc.generated() ? "its computed value"
                        : tc.defaultSql() != null ? "its default " + tc.defaultSql() : tc.counted() ? "its next id" : "NULL"));
            } else {
                lines.add(tc.name() + ": only in PostgreSQL, NOT NULL without a default");
                if (t.rows() > 0) {
                    problems.add(new Problem(t.source().name(), tc.name(), Problem.Kind.DOES_NOT_FIT, t.rows(), Problem.STOP,
                            List.of(), "Column " + name + "." + tc.name() + " needs a value in every row (NOT NULL, no "
                            + "default), and " + t.source().name() + " has no such column, so PostgreSQL would refuse "
                            + "every row."));
                }
            }
        }
        listener.on(new MigrationEvent.Note("Table " + t.source().name() + " -> " + name + " (" + String.format("%,d", t.rows())
                + (t.rows() == 1 ? " row" : " rows") + "):\n  " + String.join("\n  ", lines)));
        return new TablePlan(t.source(), name, d.columns(), t.rows());
    }

    /**
     * Text PostgreSQL's text cannot hold (NUL bytes, bytes that are not UTF-8) is kept as bytea by
     * default; an existing column that is not bytea cannot be changed, so that default becomes a stop.
     */
    private static Problem unsafeIntoText(Problem p, List<TablePlan> tables) {
        if (p.kind() != Problem.Kind.UNSAFE_TEXT || !Problem.BYTEA.equals(p.resolution())) {
            return p;
        }
        ColumnPlan c = tables.stream().filter(t -> t.source().name().equals(p.table())).flatMap(t -> t.columns().stream())
                .filter(col -> col.source().name().equals(p.column())).findFirst().orElse(null);
        if (c == null || c.type().kind() == dev.ferry.plan.PgType.Kind.BYTEA) {
            return p;
        }
        return new Problem(p.table(), p.column(), p.kind(), p.count(), Problem.STOP, p.examples(), p.message().replace(
                "the column becomes bytea so every byte is kept.", "the existing column is " + c.type().sql() + ", not "
                + "bytea, so Ferry stops before writing anything: choose --on-problem unsafe-text=repair or reject."));
    }

    /**
     * An ORM's history table says which migrations made the schema: the target's rows stay. When
     * the SQLite file's differ, the app that wrote the file and the schema are at different versions.
     */
    private static void history(SqliteSource source, TablePlan t, String name, String column, String schema, Connection c,
                                MigrationListener listener) throws SQLException {
        List<String> there = new ArrayList<>();
        List<String> here = new ArrayList<>();
        String pgColumn = t.columns().stream().map(ColumnPlan::source).map(dev.ferry.schema.Column::name)
                .filter(n -> n.equalsIgnoreCase(column)).findFirst().orElse(null);
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT " + dev.ferry.postgres.Naming.quote(column)
                + "::text FROM " + dev.ferry.postgres.Naming.qualified(schema, name)); java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                there.add(rs.getString(1));
            }
        } catch (SQLException e) {
            there = TargetTables.rows(c, schema, name);
        }
        if (pgColumn != null) {
            try (Connection s = source.connect(); java.sql.Statement st = s.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT CAST(" + SqliteSource.quote(pgColumn) + " AS TEXT) FROM "
                         + SqliteSource.quote(t.source().name()))) {
                while (rs.next()) {
                    here.add(rs.getString(1));
                }
            }
        }
        there.sort(null);
        here.sort(null);
        String kept = "Table " + name + " records which of the app's migrations made the schema; it keeps its own "
                + there.size() + (there.size() == 1 ? " row" : " rows") + " and none are copied from SQLite.";
        if (pgColumn != null && new LinkedHashSet<>(there).equals(new LinkedHashSet<>(here))) {
            listener.on(new MigrationEvent.Note(kept + " The SQLite file records the same migrations."));
        } else {
            listener.on(new MigrationEvent.Note(kept + " The SQLite file records other migrations (SQLite: "
                    + shown(here) + "; PostgreSQL: " + shown(there) + "): the app code that wrote the file and the schema "
                    + "in PostgreSQL are at different versions. Check that the columns mean the same before you switch over."));
        }
    }

    private static String shown(List<String> values) {
        return values.isEmpty() ? "none" : values.size() > 5 ? String.join(", ", values.subList(0, 5)) + ", ..."
                : String.join(", ", values);
    }

    /**
     * The tables in levels: each level's tables refer only to tables of earlier levels, so loading
     * level by level (tables of one level in parallel) never adds a child before its parent. A table
     * referring to itself stays in its level (its rows keep SQLite's order); where tables refer to each
     * other in a cycle, the one waiting for the fewest others goes first, alone, and the order goes on.
     */
    static List<List<TablePlan>> levels(List<TablePlan> tables, List<TargetTables.Reference> refs) {
        return levels(tables, TablePlan::target, refs.stream().filter(r -> !empty(tables, r)).toList());
    }

    /** Whether the referring columns hold no value in SQLite at all: then the reference asks for no order. */
    private static boolean empty(List<TablePlan> tables, TargetTables.Reference r) {
        TablePlan child = tables.stream().filter(t -> t.target().equals(r.child())).findFirst().orElse(null);
        return child != null && !r.columns().isEmpty() && r.columns().stream().allMatch(col -> child.columns().stream()
                .anyMatch(c -> c.target().equals(col) && c.profile() != null && c.profile().nonNull() == 0));
    }

    static <T> List<List<T>> levels(List<T> tables, java.util.function.Function<T, String> nameOf,
                                    List<TargetTables.Reference> refs) {
        Map<String, T> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(nameOf.apply(t), t));
        Map<String, Set<String>> parents = new HashMap<>();
        for (TargetTables.Reference r : refs) {
            if (byName.containsKey(r.child()) && byName.containsKey(r.parent()) && !r.child().equals(r.parent())) {
                parents.computeIfAbsent(r.child(), k -> new HashSet<>()).add(r.parent());
            }
        }
        List<List<T>> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (placed.size() < byName.size()) {
            List<String> level = new ArrayList<>();
            for (String name : byName.keySet()) {
                if (!placed.contains(name) && placed.containsAll(parents.getOrDefault(name, Set.of()))) {
                    level.add(name);
                }
            }
            if (level.isEmpty()) { // a cycle: the table waiting for the fewest others goes alone, and the rest follow
                String next = byName.keySet().stream().filter(n -> !placed.contains(n))
                        .min(java.util.Comparator.comparingLong(n -> parents.getOrDefault(n, Set.of()).stream()
                                .filter(p -> !placed.contains(p)).count())).orElseThrow();
                level.add(next);
            }
            placed.addAll(level);
            out.add(level.stream().map(byName::get).toList());
        }
        return out;
    }

    /** Words for tables that refer to each other in a cycle, or null when there is none. */
    static String cycles(List<TablePlan> tables, List<TargetTables.Reference> all) {
        List<TargetTables.Reference> refs = all.stream().filter(r -> !empty(tables, r)).toList();
        Set<String> known = new HashSet<>();
        tables.forEach(t -> known.add(t.target()));
        Map<String, Set<String>> parents = new HashMap<>();
        refs.stream().filter(r -> known.contains(r.child()) && known.contains(r.parent()) && !r.child().equals(r.parent()))
                .forEach(r -> parents.computeIfAbsent(r.child(), k -> new HashSet<>()).add(r.parent()));
        Set<String> names = new java.util.TreeSet<>();
        for (String t : known) { // t is in a cycle when following its parents leads back to it
            Set<String> seen = new HashSet<>();
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(parents.getOrDefault(t, Set.of()));
            while (!todo.isEmpty()) {
                String p = todo.pop();
                if (p.equals(t)) {
                    names.add(t);
                    break;
                }
                if (seen.add(p)) {
                    todo.addAll(parents.getOrDefault(p, Set.of()));
                }
            }
        }
        List<TargetTables.Reference> inCycle = refs.stream().filter(r -> names.contains(r.child()) && names.contains(r.parent())
                && !r.child().equals(r.parent())).toList();
        if (inCycle.isEmpty()) {
            return null;
        }
        return "Tables " + String.join(", ", names) + " refer to each other in a cycle, so no order loads every parent "
                + "first: they are loaded one after another, the one waiting for the fewest others first. A row whose "
                + "parent comes later is refused, and the run stops (ferry undo removes the rows loaded so far); then "
                + "leave the references empty in SQLite for the load, or load those tables with your app.";
    }
}
