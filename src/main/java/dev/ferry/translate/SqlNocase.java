package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.translate.SqlTyped.Lit;
import java.util.Locale;

/**
 * SQLite's NOCASE where PostgreSQL has no case-insensitive collation to say it with: Ferry's
 * {@code nocase} collation needs ICU, and a server built without ICU has none (the scope says so,
 * {@link SqlScope#nocase()}). Then both sides of the comparison are folded with {@code lower()}, and
 * {@code ORDER BY x COLLATE NOCASE} sorts by {@code lower(x)}. SQLite's NOCASE folds ASCII letters
 * only and lower() folds every letter: the two agree on the English and numeric text apps compare
 * this way, and the proof on the user's rows says where they do not.
 */
final class SqlNocase {

    private SqlNocase() {
    }

    /** {@code COLLATE NOCASE} written on this expression, and no collation in PostgreSQL to keep it. */
    static boolean folds(SqlScope scope, SqlExpr e) {
        return !scope.nocase() && e instanceof SqlExpr.Collate c && SqlScope.key(c.collation().value()).equals("NOCASE");
    }

    /**
     * A column SQLite declared COLLATE NOCASE that PostgreSQL compares exactly: with no nocase
     * collation the run could only keep its meaning with citext, and without citext (ServerFit's last
     * resort) the column is plain text. The plan may be the one made before the run fitted it to the
     * server, so its own collation is not asked.
     */
    static boolean lost(SqlScope scope, SqlTyped t) {
        ColumnPlan c = t.column();
        return !scope.nocase() && c != null && c.source().collation() != null
                && c.source().collation().toUpperCase(Locale.ROOT).equals("NOCASE") && t.isText()
                && !c.type().sql().toLowerCase(Locale.ROOT).endsWith("citext");
    }

    /** {@code lower(x)}, x as text: how both sides of a case-insensitive comparison are written here. */
    static SqlTyped lower(SqlTyped x) {
        if (x.lit() == Lit.NULL) {
            return x; // NULL stays NULL, and IS NULL keeps its form
        }
        return SqlTyped.atom("lower(" + SqlOperators.text(x).sql() + ")", PgType.Kind.TEXT).notNull(x.notNull());
    }
}
