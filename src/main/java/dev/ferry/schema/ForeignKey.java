package dev.ferry.schema;

import java.util.List;

/**
 * A foreign key from PRAGMA foreign_key_list.
 *
 * @param toColumns referenced columns; empty when the declaration names only the table,
 *                  which in SQLite means that table's primary key
 */
public record ForeignKey(int id, String table, List<String> fromColumns, String toTable,
                         List<String> toColumns, String onUpdate, String onDelete) {
}
