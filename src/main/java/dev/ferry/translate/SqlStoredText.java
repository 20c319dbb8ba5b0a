package dev.ferry.translate;

import dev.ferry.plan.PgType;
import dev.ferry.translate.SqlTranslator.Untranslatable;
import dev.ferry.translate.SqlTyped.Lit;
import java.util.List;

/**
 * SQLite's meaning of comparing a date column with text (a date function's result, a string): SQLite
 * compares the text it stored, byte by byte, so '1997-12-31 00:00:00.000' sorts after
 * '1997-12-31 00:00:00'. PostgreSQL holds the moment; asked for SQLite's meaning (a view the user
 * chose it for), the column is written back in the shape SQLite stored it in and compared under the
 * "C" collation, which orders bytes as SQLite's BINARY does. Only while {@link SqlRewriter#storedDates}
 * is set; otherwise comparisons keep PostgreSQL's meaning (moments).
 */
final class SqlStoredText {

    private SqlStoredText() {
    }

    /** The two sides of a comparison, the date column side as its stored text when the other is text. */
    static SqlTyped[] sides(SqlRewriter rw, SqlTyped l, SqlTyped r) {
        return new SqlTyped[] {against(rw, l, List.of(r)), against(rw, r, List.of(l))};
    }

    /** {@code x} as SQLite compares it with {@code others} (BETWEEN's bounds, IN's items). */
    static SqlTyped against(SqlRewriter rw, SqlTyped x, List<SqlTyped> others) {
        if (rw.storedDates == null || !dateColumn(x) || others.stream().noneMatch(SqlStoredText::textual)) {
            return x;
        }
        String shape = rw.storedDates.shape(x.column());
        if (shape == null) {
            throw new Untranslatable("column " + x.column().source().name() + " does not hold its dates as text of one "
                    + "shape in SQLite, so Ferry cannot write them back as the text SQLite compared");
        }
        String moment = x.type() == PgType.Kind.TIMESTAMPTZ ? x.at(SqlTyped.ATOM) + " AT TIME ZONE 'UTC'" : x.sql();
        return SqlTyped.of("to_char(" + moment + ", '" + format(shape) + "') COLLATE \"C\"", SqlTyped.UNARY,
                PgType.Kind.TEXT).notNull(x.notNull());
    }

    private static boolean dateColumn(SqlTyped t) {
        return t.column() != null && (t.type() == PgType.Kind.TIMESTAMP || t.type() == PgType.Kind.TIMESTAMPTZ
                || t.type() == PgType.Kind.DATE);
    }

    /** Text as SQLite sees it: a date function's result, a string, a text column or expression. */
    private static boolean textual(SqlTyped t) {
        return t.alt() != null || t.lit() == Lit.STRING || t.lit() == Lit.NONE && t.isText();
    }

    /** PostgreSQL's to_char pattern for a shape as TextDateShape names it. */
    static String format(String shape) {
        String f = shape.replace("SS.SSSSSS", "SS.US").replace("SS.SSS", "SS.MS").replace("HH:MM:SS", "HH24:MI:SS")
                .replace("HH:MM", "HH24:MI");
        return f.replace("DDT", "DD\"T\"");
    }
}
