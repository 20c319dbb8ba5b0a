package dev.ferry.translate;

/**
 * Turns one of the app's own statements into PostgreSQL's SQL, against the migrated plan. The text
 * it returns numbers the parameters as PostgreSQL does ($1, $2; {@code Result.params} says which
 * SQLite parameter each is): {@link Placeholders#restyle} writes them in the driver's style.
 */
@FunctionalInterface
public interface AppStatementTranslator {

    /** The typed SQLite→PostgreSQL rewriter, the one translator of views, triggers and the app's SQL. */
    AppStatementTranslator DEFAULT = new TypedStatements();

    /** {@code parsed} is {@code originalText} read by {@link SqlParser}. */
    SqlTranslator.Result translate(SqlStatement parsed, String originalText, SqlScope scope);
}
