package dev.ferry.schema;

/** A SQLite trigger: its name, the table it fires on and the full CREATE TRIGGER text. */
public record Trigger(String name, String table, String sql) {
}
