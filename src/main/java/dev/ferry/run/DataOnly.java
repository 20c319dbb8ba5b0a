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
 * loaded parents before children ({@link LoadOrder}). ORM history tables keep the target's rows ({@link OrmHistory}).
 */
final class DataOnly {

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
            if (OrmHistory.BOOKKEEPING.contains(name.toLowerCase(Locale.ROOT))) {
                listener.on(new MigrationEvent.Note("Table " + name + " is your ORM's own bookkeeping: it keeps its rows, "
                        + "and none are copied from SQLite."));
                continue;
            }
            String history = OrmHistory.HISTORY.get(name.toLowerCase(Locale.ROOT));
            if (history != null) {
                OrmHistory.compare(source, t, name, history, plan.schema(), c, listener);
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
        List<List<TablePlan>> levels = LoadOrder.levels(tables, existing.references());
        levels.forEach(ordered::addAll);
        String cycles = LoadOrder.cycles(tables, existing.references());
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
}
