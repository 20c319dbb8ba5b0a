package dev.ferry.schema;

/** A SQLite view: its name and the full CREATE VIEW text. */
public record View(String name, String sql) {
}
