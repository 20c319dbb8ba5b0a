package dev.ferry.schema;

import java.util.List;
import java.util.Optional;

/**
 * Everything Ferry read from the SQLite file's schema.
 *
 * @param sequences AUTOINCREMENT high-water marks from sqlite_sequence, by table name
 * @param skipped   objects deliberately not migrated (internal or shadow tables), with the reason
 */
public record Catalog(List<Table> tables, List<View> views, List<Trigger> triggers,
                      java.util.Map<String, Long> sequences, List<Skipped> skipped) {

    public record Skipped(String name, String reason) {
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }
}
