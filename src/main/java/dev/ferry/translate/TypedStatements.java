package dev.ferry.translate;

/**
 * The app's statements through the same typed rewriter as views and triggers: names through the
 * plan, SQLite's meaning made explicit from the migrated types, parameters numbered as PostgreSQL
 * writes them; what it cannot translate with the same meaning it refuses with its reason.
 */
final class TypedStatements implements AppStatementTranslator {

    @Override
    public SqlTranslator.Result translate(SqlStatement parsed, String originalText, SqlScope scope) {
        return SqlTranslator.statement(parsed, originalText, scope);
    }
}
