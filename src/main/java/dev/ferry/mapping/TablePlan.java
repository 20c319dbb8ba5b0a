package dev.ferry.mapping;

import dev.ferry.schema.Table;
import java.util.List;

/** How one table moves: its PostgreSQL name, its columns, and how many rows it holds. */
public record TablePlan(Table source, String target, List<ColumnPlan> columns, long rows) {

    public ColumnPlan column(String sourceName) {
        return columns.stream().filter(c -> c.source().name().equalsIgnoreCase(sourceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + sourceName + " in " + source.name()));
    }
}
