package dev.ferry.translate;

import java.util.List;

/**
 * A statement Ferry reads: SELECT ({@link SqlSelect}), INSERT, UPDATE, DELETE, CREATE VIEW and CREATE
 * TRIGGER. Optional parts are null; absent lists are empty.
 */
public sealed interface SqlStatement extends SqlNode permits SqlSelect, SqlStatement.Insert, SqlStatement.Update,
        SqlStatement.Delete, SqlStatement.CreateView, SqlStatement.CreateTrigger {

    /**
     * INSERT. {@code orAction} null or REPLACE, IGNORE, ABORT, FAIL, ROLLBACK ({@code REPLACE INTO} is
     * read as {@code INSERT OR REPLACE INTO}, which SQLite documents as the same). {@code source} null
     * means DEFAULT VALUES. The table's alias is only ever written with AS.
     */
    record Insert(SqlSpan span, SqlClause.With with, String orAction, SqlFrom.Table table, List<SqlName> columns,
            SqlSelect source, List<SqlClause.Upsert> upserts, List<SqlClause.ResultColumn> returning)
            implements SqlStatement {
    }

    /** UPDATE [OR action] table SET ... [FROM ...] [WHERE ...] [RETURNING ...] [ORDER BY ...] [LIMIT ...]. */
    record Update(SqlSpan span, SqlClause.With with, String orAction, SqlFrom.Table table,
            List<SqlClause.Assignment> set, SqlFrom from, SqlExpr where, List<SqlClause.ResultColumn> returning,
            List<SqlClause.Ordering> orderBy, SqlClause.Limit limit) implements SqlStatement {
    }

    /** DELETE FROM table [WHERE ...] [RETURNING ...] [ORDER BY ...] [LIMIT ...]. */
    record Delete(SqlSpan span, SqlClause.With with, SqlFrom.Table table, SqlExpr where,
            List<SqlClause.ResultColumn> returning, List<SqlClause.Ordering> orderBy, SqlClause.Limit limit)
            implements SqlStatement {
    }

    /** CREATE [TEMP] VIEW [IF NOT EXISTS] [schema.]name [(columns)] AS select. */
    record CreateView(SqlSpan span, boolean temp, boolean ifNotExists, SqlName schema, SqlName name,
            List<SqlName> columns, SqlSelect select) implements SqlStatement {
    }

    /**
     * CREATE [TEMP] TRIGGER [IF NOT EXISTS] [schema.]name [BEFORE|AFTER|INSTEAD OF] event [OF columns] ON
     * [schema.]table [FOR EACH ROW] [WHEN condition] BEGIN body END. {@code timing} null when unsaid (SQLite then
     * means BEFORE); {@code event} INSERT, UPDATE or DELETE; {@code ofColumns} only for UPDATE OF. The body
     * holds INSERT, UPDATE, DELETE and SELECT statements.
     */
    record CreateTrigger(SqlSpan span, boolean temp, boolean ifNotExists, SqlName schema, SqlName name, String timing,
            String event, List<SqlName> ofColumns, SqlName tableSchema, SqlName table, boolean forEachRow, SqlExpr when,
            List<SqlStatement> body) implements SqlStatement {
    }
}
