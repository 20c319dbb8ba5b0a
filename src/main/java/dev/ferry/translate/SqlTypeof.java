package dev.ferry.translate;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.sqlite.ColumnProfile;
import dev.ferry.translate.SqlTranslator.Untranslatable;

/**
 * typeof(column): SQLite's storage class of the value, told from the column's PostgreSQL type, its
 * SQLite affinity and what the scan saw in it (without a scan it is refused: any SQLite column takes
 * any value). An integer or boolean column held integers, a text
 * column text, a bytea column blobs; a REAL column stores every number as real, a NUMERIC one a
 * whole number as integer. When the scan saw more than one class where the type allows one (a
 * catch-all column), the answer is in SQLite's bytes only, and the call is refused.
 */
final class SqlTypeof {

    private SqlTypeof() {
    }

    static SqlTyped of(SqlTyped x) {
        ColumnPlan c = x.column();
        if (c == null) {
            throw new Untranslatable("typeof() tells SQLite's storage class of a value; in PostgreSQL "
                    + "a computed value has one type, so there is nothing to ask");
        }
        ColumnProfile p = c.profile();
        if (p == null) {
            // any SQLite column takes any value; only the scan tells that this one held a single kind
            throw new Untranslatable("typeof(" + c.source().name() + "): Ferry did not read what the column "
                    + "held in SQLite, and SQLite lets any kind of value into any column");
        }
        String cls = switch (x.type()) {
            case BIGINT, INTEGER, SMALLINT, BOOLEAN -> only(p, "integer", p.integers());
            case TEXT, VARCHAR, JSONB, UUID -> only(p, "text", p.texts());
            case BYTEA -> only(p, "blob", p.blobs());
            case DOUBLE, NUMERIC -> number(x, p);
            case TIMESTAMP, TIMESTAMPTZ, DATE, TIME -> temporal(p);
        };
        if (cls == null) {
            throw new Untranslatable("typeof(" + c.source().name() + "): the column held values of more than "
                    + "one kind in SQLite, and PostgreSQL's one type no longer tells which one a row had");
        }
        String known = cls.startsWith("CASE") ? cls : SqlRewriter.literalString(cls).sql();
        if (x.notNull()) {
            return SqlTyped.atom(known, PgType.Kind.TEXT);
        }
        return SqlTyped.atom("CASE WHEN " + x.at(SqlTyped.IS) + " IS NULL THEN 'null' ELSE " + known + " END",
                PgType.Kind.TEXT);
    }

    /** The class, when the scan saw no value of another class. */
    private static String only(ColumnProfile p, String cls, long ofThatClass) {
        return p.nonNull() == ofThatClass ? cls : null;
    }

    /** REAL affinity stores every number as real; NUMERIC and INTEGER a whole number as integer. */
    private static String number(SqlTyped x, ColumnProfile p) {
        if (p.texts() + p.blobs() > 0) {
            return null;
        }
        if (x.affinity() == 'R') {
            return "real";
        }
        if (x.affinity() == 'N' || x.affinity() == 'I') {
            String v = x.at(SqlTyped.COMPARE);
            return "CASE WHEN " + v + " = trunc(" + v + ") AND abs(" + v + ") < 9223372036854775808 "
                    + "THEN 'integer' ELSE 'real' END";
        }
        return only(p, "real", p.reals());
    }

    /** A date column holds what SQLite stored: text, or numbers (Unix or Julian times). */
    private static String temporal(ColumnProfile p) {
        return p.nonNull() == p.integers() ? "integer" : p.nonNull() == p.reals() ? "real" : only(p, "text", p.texts());
    }
}
