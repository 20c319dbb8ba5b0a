package dev.ferry.translate;

/**
 * A node of the syntax tree of SQLite's SQL, as {@link SqlParser} reads it and {@link SqlWriter}
 * prints it. Every node is an immutable record that remembers where it was written.
 */
public sealed interface SqlNode permits SqlStatement, SqlExpr, SqlFrom, SqlSelect.Body, SqlClause, SqlName {

    SqlSpan span();
}
