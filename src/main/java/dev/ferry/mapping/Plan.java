package dev.ferry.mapping;

import dev.ferry.schema.Catalog;
import dev.ferry.schema.Index;
import dev.ferry.schema.Trigger;
import java.util.List;
import java.util.Optional;

/**
 * The whole migration decided before anything is written: every table, column, index, key and
 * view with its PostgreSQL name and type, and every problem with its resolution. The command
 * line prints it, the wizard shows it, and the run carries it out unchanged.
 */
public record Plan(String schema, List<TablePlan> tables, List<IndexPlan> indexes, List<ForeignKeyPlan> foreignKeys,
                   List<ViewPlan> views, List<Trigger> triggers, List<Problem> problems, List<Rename> renames,
                   Catalog catalog) {

    /** A primary key, unique constraint or index, with target names; {@code skipReason} non-null when not created. */
    public record IndexPlan(Index source, TablePlan table, String name, List<String> columns, List<Boolean> descending,
                            boolean unique, Index.Origin origin, String skipReason) {
    }

    /** A foreign key with target names; {@code skipReason} non-null when it cannot be created. */
    public record ForeignKeyPlan(TablePlan table, String name, List<String> columns, TablePlan parent,
                                 List<String> parentColumns, String onDelete, String onUpdate, String skipReason) {
    }

    /** A view to recreate: its target name and the SELECT that defines it. */
    public record ViewPlan(String source, String target, String select, String originalSql) {
    }

    /** A name that changes on the way, with why. */
    public record Rename(String kind, String table, String from, String to, String reason) {
    }

    public Optional<TablePlan> table(String sourceName) {
        return tables.stream().filter(t -> t.source().name().equalsIgnoreCase(sourceName)).findFirst();
    }

    public long totalRows() {
        return tables.stream().mapToLong(TablePlan::rows).sum();
    }
}
