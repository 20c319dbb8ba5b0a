package dev.ferry.mapping;

import dev.ferry.schema.Catalog;
import dev.ferry.schema.Index;
import java.util.List;
import java.util.Optional;

/**
 * The whole migration decided before anything is written: every table, column, index, key and
 * view with its PostgreSQL name and type, and every problem with its resolution. The command
 * line prints it, the wizard shows it, and the run carries it out unchanged.
 */
public record Plan(String schema, List<TablePlan> tables, List<IndexPlan> indexes, List<ForeignKeyPlan> foreignKeys,
                   List<ViewPlan> views, List<TriggerPlan> triggers, List<Problem> problems, List<Rename> renames,
                   Catalog catalog) {

    /**
     * A primary key, unique constraint or index, with target names; {@code skipReason} non-null when not created.
     *
     * @param expressions per entry of {@code columns}: the translated expression indexed there, or
     *                    null where the entry is a plain column (empty list: all plain)
     * @param where       the translated WHERE of a partial index, else null
     */
    public record IndexPlan(Index source, TablePlan table, String name, List<String> columns, List<Boolean> descending,
                            boolean unique, Index.Origin origin, String skipReason, List<String> expressions, String where) {

        public IndexPlan(Index source, TablePlan table, String name, List<String> columns, List<Boolean> descending,
                         boolean unique, Index.Origin origin, String skipReason) {
            this(source, table, name, columns, descending, unique, origin, skipReason, List.of(), null);
        }

        IndexPlan on(TablePlan t) {
            return new IndexPlan(source, t, name, columns, descending, unique, origin, skipReason, expressions, where);
        }
    }

    /** A foreign key with target names; {@code skipReason} non-null when it cannot be created. */
    public record ForeignKeyPlan(TablePlan table, String name, List<String> columns, TablePlan parent,
                                 List<String> parentColumns, String onDelete, String onUpdate, String skipReason) {
    }

    /**
     * A view to recreate: its target name and the SELECT that defines it, translated for PostgreSQL.
     *
     * @param failure   why it cannot be translated (then {@code select} is null)
     * @param dependsOn the other views (source names) it reads, which must exist first
     */
    public record ViewPlan(String source, String target, String select, String originalSql, String failure,
                           List<String> dependsOn) {
    }

    /**
     * A trigger recreated as a PL/pgSQL function and a trigger calling it, or ({@code failure}
     * non-null) reported with its SQL.
     *
     * @param function the function's name in the schema; {@code body} its PL/pgSQL body
     * @param on       the target name of the table (or view) it fires on
     * @param events   timing and events, e.g. "BEFORE UPDATE OF a, b"
     * @param when     the condition (PostgreSQL's trigger WHEN), else null
     */
    public record TriggerPlan(String name, String table, String sql, String target, String function, String on,
                              String events, String when, String body, String failure) {
    }

    /** A name that changes on the way, with why. */
    public record Rename(String kind, String table, String from, String to, String reason) {
    }

    /** The same plan with these tables (matched by source name); keys and indexes follow them. */
    public Plan withTables(List<TablePlan> newTables) {
        java.util.Map<TablePlan, TablePlan> by = new java.util.IdentityHashMap<>();
        for (TablePlan old : tables) {
            by.put(old, newTables.stream().filter(t -> t.source().name().equals(old.source().name())).findFirst().orElseThrow());
        }
        List<IndexPlan> idx = indexes.stream().map(i -> i.on(by.get(i.table()))).toList();
        List<ForeignKeyPlan> fks = foreignKeys.stream().map(f -> new ForeignKeyPlan(by.get(f.table()), f.name(), f.columns(),
                f.parent() == null ? null : by.get(f.parent()), f.parentColumns(), f.onDelete(), f.onUpdate(), f.skipReason())).toList();
        return new Plan(schema, List.copyOf(newTables), idx, fks, views, triggers, problems, renames, catalog);
    }

    public Plan withProblems(List<Problem> newProblems) {
        return new Plan(schema, tables, indexes, foreignKeys, views, triggers, List.copyOf(newProblems), renames, catalog);
    }

    public Optional<TablePlan> table(String sourceName) {
        return tables.stream().filter(t -> t.source().name().equalsIgnoreCase(sourceName)).findFirst();
    }

    public long totalRows() {
        return tables.stream().mapToLong(TablePlan::rows).sum();
    }
}
