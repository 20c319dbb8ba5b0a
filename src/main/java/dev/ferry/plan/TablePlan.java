package dev.ferry.plan;

import dev.ferry.schema.Table;
import java.util.List;

/**
 * How one table moves: its PostgreSQL name, its columns, and how many rows it holds.
 *
 * @param checks its CHECK constraints, translated (or with the reason they cannot be)
 */
public record TablePlan(Table source, String target, List<ColumnPlan> columns, long rows, List<CheckPlan> checks) {

    public TablePlan(Table source, String target, List<ColumnPlan> columns, long rows) {
        this(source, target, columns, rows, List.of());
    }

    /** A CHECK constraint: its PostgreSQL name and expression, or {@code failure} when it has none. */
    public record CheckPlan(String source, String name, String expression, String originalSql, String failure) {
    }

    public TablePlan withColumns(List<ColumnPlan> newColumns) {
        return new TablePlan(source, target, newColumns, rows, checks);
    }

    public TablePlan withChecks(List<CheckPlan> newChecks) {
        return new TablePlan(source, target, columns, rows, newChecks);
    }

    public ColumnPlan column(String sourceName) {
        return columns.stream().filter(c -> c.source().name().equalsIgnoreCase(sourceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + sourceName + " in " + source.name()));
    }
}
