package dev.ferry.translate;

/**
 * Turns one of the app's own statements into PostgreSQL's SQL, against the migrated plan. The text
 * it returns keeps the statement's parameters as SQLite wrote them ({@code ?}, {@code :name}):
 * {@link Placeholders} writes them in the driver's style afterwards.
 */
@FunctionalInterface
public interface AppStatementTranslator {

    /**
     * The one plug point: the typed SQLite→PostgreSQL rewriter replaces {@link PortableStatements}
     * here when it lands, and every caller (check-app, its tests) follows.
     */
    AppStatementTranslator DEFAULT = new PortableStatements();

    /** {@code parsed} is {@code originalText} read by {@link SqlParser}. */
    SqlTranslator.Result translate(SqlStatement parsed, String originalText, SqlScope scope);
}
