package dev.ferry.plan;

import dev.ferry.schema.Table;
import java.util.List;

/**
 * How one table moves: its PostgreSQL name, its columns, and how many rows it holds.
 *
 * @param checks its CHECK constraints, translated (or with the reason they cannot be)
 * @param guards null when the columns' types were chosen from every value; else, per column, what
 *               every non-null value must pass for the types chosen from a sample to stand (null
 *               where nothing needs checking, see {@link ColumnGuard}): the copy checks each value
 *               with them and, on the first that fails, the table is planned again from all its values
 */
public record TablePlan(Table source, String target, List<ColumnPlan> columns, long rows, List<CheckPlan> checks,
                        List<ColumnGuard> guards) {

    public TablePlan(Table source, String target, List<ColumnPlan> columns, long rows) {
        this(source, target, columns, rows, List.of(), null);
    }

    public TablePlan(Table source, String target, List<ColumnPlan> columns, long rows, List<CheckPlan> checks) {
        this(source, target, columns, rows, checks, null);
    }

    /** A CHECK constraint: its PostgreSQL name and expression, or {@code failure} when it has none. */
    public record CheckPlan(String source, String name, String expression, String originalSql, String failure) {
    }

    public TablePlan withColumns(List<ColumnPlan> newColumns) {
        return new TablePlan(source, target, newColumns, rows, checks, guards);
    }

    public TablePlan withChecks(List<CheckPlan> newChecks) {
        return new TablePlan(source, target, columns, rows, newChecks, guards);
    }

    public TablePlan withGuards(List<ColumnGuard> newGuards) {
        return new TablePlan(source, target, columns, rows, checks, newGuards);
    }

    /** Whether the types came from a sample: the copy checks values against {@link #guards}. */
    public boolean sampled() {
        return guards != null;
    }

    public ColumnPlan column(String sourceName) {
        return columns.stream().filter(c -> c.source().name().equalsIgnoreCase(sourceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + sourceName + " in " + source.name()));
    }
}
