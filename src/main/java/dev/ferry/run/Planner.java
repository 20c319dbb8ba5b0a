package dev.ferry.run;

import dev.ferry.translate.SqlPlanner;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.translate.Defaults;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.Suggester;
import dev.ferry.plan.Suggestion;
import dev.ferry.translate.SqlScope;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TypePlanner;
import dev.ferry.schema.Catalog;
import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.CatalogReader;
import dev.ferry.sqlite.Profiler;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.postgres.Naming;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Plan}: reads the catalog, profiles every table (in parallel, one read-only
 * connection each), chooses types, and names everything for PostgreSQL.
 */
public final class Planner {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Planner.class);

    private Planner() {
    }

    /** Rows a one-pass plan reads of each table (see {@link #plan(SqliteSource, Options, MigrationListener, int, Set)}). */
    static final int SAMPLE_ROWS = 16_384;

    /** The plan from every value of every table: what inspect, the wizard's Review, verify and a resume show. */
    public static Plan plan(SqliteSource source, Options options, MigrationListener listener) {
        return plan(source, options, listener, null, 0, Set.of());
    }

    /**
     * The plan, with each table's column decisions taken from {@code recorded} (a migrate's, see
     * {@link PlanRecord}) instead of profiling the table, when given: the sync's way of making the
     * migrate's plan again without reading every value.
     */
    static Plan plan(SqliteSource source, Options options, MigrationListener listener, PlanRecord recorded) {
        return plan(source, options, listener, recorded, 0, Set.of());
    }

    /**
     * The plan, with each table larger than {@code sampleRows} planned from a sample of that many
     * rows spread over it (0: from every value), except the tables in {@code fullTables}. A sampled
     * table whose sample raises a problem is planned from every value at once (its problems must be
     * counted and shown whole); the others carry guards, which the copy checks every value against.
     *
     * <p>Why about 16,000 rows, in 32 slices: a rule's test on 16,000 values costs a few
     * milliseconds, and one value in a few thousand that differs is then seen before the copy starts
     * (a re-plan costs a second read of the table); the slices, spread over the rowids, see the old
     * rows and the new ones alike.
     */
    static Plan plan(SqliteSource source, Options options, MigrationListener listener, PlanRecord recorded,
                     int sampleRows, Set<String> fullTables) {
        Catalog catalog;
        try (Connection c = source.connect()) {
            catalog = new CatalogReader(c).read();
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not read the tables of "
                    + source.file().getFileName() + ".", "The file may be damaged; try: sqlite3 FILE 'PRAGMA integrity_check'", e);
        }
        List<Problem> problems = new ArrayList<>();
        List<Table> tables = new ArrayList<>(catalog.tables().stream().filter(t -> !t.isVirtual()).toList());
        tables.addAll(VirtualTables.asPlainTables(catalog.tables().stream().filter(Table::isVirtual).toList(),
                options.resolutions(), problems));
        tables.removeIf(t -> {
            boolean out = options.excluded().contains(t.name().toLowerCase(java.util.Locale.ROOT));
            if (out) {
                problems.add(new Problem(t.name(), null, Problem.Kind.TABLE_SKIPPED, 0, "skip", List.of(),
                        "Table " + t.name() + " is left out, as you chose."));
            }
            return out;
        });
        if (tables.isEmpty()) {
            throw new FerryException(FerryException.Kind.SOURCE, source.file().getFileName() + " has no tables: there is "
                    + "nothing to migrate.", "Check that this is the file your app writes to; an app may keep an empty "
                    + "database next to the real one.");
        }
        // tables one after another: a large table's own scans already run on every core
        Profiler profiler = new Profiler(source, options.jobs());
        TypePlanner types = new TypePlanner(profiler, options.overrides(), options.resolutions());
        TypePlanner fromSample = sampleRows > 0 ? new TypePlanner(profiler.sampled(sampleRows), options.overrides(),
                options.resolutions()) : null;
        List<TypePlanner.TableDecisions> decisions = new ArrayList<>();
        List<Boolean> sampled = new ArrayList<>();
        for (Table t : tables) {
            try {
                TypePlanner.TableDecisions known = recorded == null ? null : recorded.decisions(t);
                TypePlanner.TableDecisions d = null;
                if (known == null && fromSample != null && samplable(t, fullTables, options)) {
                    long rows = profiler.rows(t);
                    if (rows > sampleRows) {
                        d = fromSample.decide(t).withRows(rows);
                        if (d.anyProblem()) {
                            d = null; // its problems are counted, with their examples, from every value
                        }
                    }
                }
                sampled.add(d != null);
                decisions.add(known != null ? known : d != null ? d : types.decide(t));
            } catch (SQLException e) {
                throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not read table " + t.name() + ".",
                        "The file may be damaged; try: sqlite3 FILE 'PRAGMA integrity_check'", e);
            }
        }
        Naming naming = new Naming(options.naming());
        List<Plan.Rename> renames = new ArrayList<>();
        List<String> relationNames = new ArrayList<>();
        tables.forEach(t -> relationNames.add(t.name()));
        catalog.views().forEach(v -> relationNames.add(v.name()));
        Map<String, String> relNames = naming.assign(relationNames, Set.of());
        relNames.forEach((from, to) -> rename(renames, problems, naming, "table", null, from, to));
        List<TablePlan> tablePlans = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            TablePlan tp = tablePlan(tables.get(i), relNames.get(tables.get(i).name()), decisions.get(i), naming, renames,
                    problems);
            tablePlans.add(sampled.get(i) ? tp.withGuards(decisions.get(i).guards()) : tp);
        }
        Set<String> usedRelations = new HashSet<>(relNames.values());
        // suggestions that change a column's type are taken before anything is translated against the types
        List<Suggestion> suggestions = new ArrayList<>();
        long looking = System.nanoTime();
        try {
            // a table planned from a sample is not read whole before the copy: only suggestions the
            // user takes matter to a migrate, and their tables are read whole (see #samplable)
            suggestions.addAll(new Suggester(profiler).columns(tablePlans.stream().filter(t -> !t.sampled()).toList()));
            LOG.info("suggestions: {} for columns found in {} ms", suggestions.size(), (System.nanoTime() - looking) / 1_000_000);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not read " + source.file().getFileName()
                    + " while looking for suggestions.", "The file may be damaged; try: sqlite3 FILE 'PRAGMA integrity_check'", e);
        }
        // a vec0 table's vectors are vectors in PostgreSQL too: taken without asking
        Set<String> wanted = new HashSet<>(options.suggestions());
        suggestions.stream().filter(x -> x.kind() == Suggestion.Kind.VECTOR).filter(x -> tables.stream().anyMatch(
                t -> t.name().equals(x.table()) && "vec0".equals(t.virtualModule()))).forEach(x -> wanted.add(x.id()));
        tablePlans = Suggestions.columns(tablePlans, suggestions, wanted, naming, usedRelations, problems);
        Map<String, String> viewNames = new java.util.LinkedHashMap<>();
        catalog.views().forEach(v -> viewNames.put(v.name(), relNames.get(v.name())));
        tablePlans = SqlPlanner.tables(tablePlans, naming, viewNames, problems);
        SqlScope scope = new SqlScope(tablePlans, viewNames, naming, true);
        List<Plan.IndexPlan> indexes = new ArrayList<>(KeyPlanner.indexes(tablePlans, naming, usedRelations, problems, scope));
        List<Plan.ForeignKeyPlan> fks = KeyPlanner.foreignKeys(tablePlans, indexes, problems);
        suggestions.addAll(Suggester.indexes(tablePlans, indexes, fks));
        Suggestions.checkWanted(options.suggestions(), suggestions);
        indexes.addAll(Suggestions.indexes(tablePlans, suggestions, options.suggestions(), naming, usedRelations));
        List<Plan.ViewPlan> views = SqlPlanner.views(catalog, relNames, scope, problems);
        List<Plan.TriggerPlan> triggers = SqlPlanner.triggers(catalog, scope, naming, problems);
        return new Plan(options.schema(), List.copyOf(tablePlans), List.copyOf(indexes), fks, views, triggers,
                List.copyOf(problems), List.copyOf(renames), catalog, suggestions).without(options.leaveOut());
    }

    /**
     * Whether a table may be planned from a sample: not one the run read whole before (it was planned
     * again), not a virtual table's rows (read through its module), and none of whose columns the user
     * took a suggestion for (a suggestion is a claim about every value, made by reading them all).
     */
    private static boolean samplable(Table t, Set<String> fullTables, Options options) {
        if (fullTables.contains(t.name()) || t.virtualModule() != null) {
            return false;
        }
        for (String s : options.suggestions()) {
            int colon = s.indexOf(':'), dot = s.lastIndexOf('.');
            if (colon >= 0 && dot > colon && s.substring(colon + 1, dot).trim().equalsIgnoreCase(t.name())) {
                return false;
            }
        }
        return true;
    }

    private static TablePlan tablePlan(Table t, String target, TypePlanner.TableDecisions d, Naming naming,
                                       List<Plan.Rename> renames, List<Problem> problems) {
        Map<String, String> colNames = naming.assign(t.columns().stream().map(Column::name).toList(), Set.of());
        List<ColumnPlan> cols = new ArrayList<>();
        for (TypePlanner.Decision dec : d.columns()) {
            Column c = dec.column();
            rename(renames, problems, naming, "column", t.name(), c.name(), colNames.get(c.name()));
            problems.addAll(dec.problems());
            problems.addAll(dec.changes());
            String def = null;
            if (c.defaultSql() != null) {
                def = Defaults.translate(c.defaultSql(), dec.type()).orElse(null);
                if (def == null) {
                    problems.add(new Problem(t.name(), c.name(), Problem.Kind.DEFAULT_NOT_TRANSLATED, 0, "drop-default",
                            List.of(c.defaultSql()), "The default of " + t.name() + "." + c.name() + " (" + c.defaultSql()
                            + ") has no PostgreSQL equivalent Ferry is sure of; the column is created without it."));
                }
            }
            boolean identity = c.name().equals(t.rowidAlias()) && dec.type().isInteger();
            cols.add(new ColumnPlan(c, colNames.get(c.name()), dec.type(), dec.rule(),
                    dec.rule() == null ? dev.ferry.plan.TypeRule.Conversion.AS_IS : dec.rule().conversion(),
                    identity, def, dec.profile(), dec.fix()));
        }
        return new TablePlan(t, target, List.copyOf(cols), d.rows());
    }

    /** Records every name change; one that is more than case folding is also a problem the user should see. */
    private static void rename(List<Plan.Rename> renames, List<Problem> problems, Naming naming, String kind,
                               String table, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        boolean styleOnly = naming.apply(from).equals(to);
        String reason = styleOnly ? "identifier style" : to.equals(from) ? "kept exactly"
                : naming.apply(from).equals(from) ? "shortened to PostgreSQL's 63 bytes" : "kept distinct from a name that folds the same";
        renames.add(new Plan.Rename(kind, table, from, to, reason));
        if (!styleOnly) {
            problems.add(new Problem(table == null ? from : table, table == null ? null : from, Problem.Kind.NAME_CHANGED, 0,
                    "rename", List.of(to), "The " + kind + " name '" + from + "' becomes '" + to + "' (" + reason + ")."));
        }
    }
}
