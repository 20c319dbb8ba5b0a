package dev.ferry.plan;

import static dev.ferry.plan.TypeRule.Conversion.AS_IS;
import static dev.ferry.plan.TypeRule.Fit.ASK;
import static dev.ferry.plan.TypeRule.Fit.NO;
import static dev.ferry.plan.TypeRule.Fit.YES;

import dev.ferry.plan.PgType.Kind;
import dev.ferry.plan.TypeRule.Conversion;
import dev.ferry.plan.TypeRule.Fit;
import dev.ferry.schema.Column;
import dev.ferry.sqlite.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The type-mapping table, in order: the first rule that applies to a column's declared type and
 * fits its data wins; generic rules decided by the data alone come after, and a catch-all that
 * always fits comes last, so every value has a loss-free home. User overrides are applied before
 * this table is consulted (see {@link Planner}).
 */
public final class TypeRules {

    static final long JS_SAFE = 1L << 53;
    private static final String ISO_DAY = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]";
    private static final String HH_MM = "[0-2][0-9]:[0-5][0-9]";
    public static final Set<String> TRUE_WORDS = Set.of("1", "true", "t", "yes", "y", "on");
    public static final Set<String> FALSE_WORDS = Set.of("0", "false", "f", "no", "n", "off");

    private static final List<TypeRule> RULES = build();

    private TypeRules() {
    }

    public static List<TypeRule> all() {
        return RULES;
    }

    private static List<TypeRule> build() {
        List<TypeRule> r = new ArrayList<>();
        r.add(rule("small integer", "SMALLINT, INT2, TINYINT", "smallint", "integer", base("SMALLINT", "INT2", "TINYINT"),
                p -> p.onlyIntegers() && within(p, Short.MIN_VALUE, Short.MAX_VALUE) ? YES : NO,
                "typeof({c}) = 'integer' AND {c} BETWEEN -32768 AND 32767", fixed(Kind.SMALLINT)));
        r.add(rule("small integer, larger values", "SMALLINT, INT2, TINYINT", "integer", "integer",
                base("SMALLINT", "INT2", "TINYINT"),
                p -> p.onlyIntegers() && within(p, Integer.MIN_VALUE, Integer.MAX_VALUE) ? YES : NO,
                "typeof({c}) = 'integer' AND {c} BETWEEN -2147483648 AND 2147483647", fixed(Kind.INTEGER)));
        r.add(rule("integer", "INTEGER, INT, BIGINT, INT8, MEDIUMINT, UNSIGNED BIG INT (any type naming INT)", "bigint",
                "integer", c -> c.affinity() == 'I', p -> p.onlyIntegers() ? YES : NO, "typeof({c}) = 'integer'",
                fixed(Kind.BIGINT)));
        r.add(rule("boolean", "BOOLEAN, BOOL", "boolean", "boolean", base("BOOLEAN", "BOOL"),
                p -> p.onlyIntegers() && within(p, 0, 1) ? YES : p.reals() + p.blobs() > 0 ? NO : ASK,
                "(typeof({c}) = 'integer' AND {c} IN (0, 1)) OR (typeof({c}) = 'text' AND lower(trim({c})) IN "
                        + "('1','0','true','false','t','f','yes','no','y','n','on','off'))", fixed(Kind.BOOLEAN)));
        r.add(rule("real", "REAL, FLOAT, DOUBLE, DOUBLE PRECISION", "double precision", "real", c -> c.affinity() == 'R',
                p -> p.onlyNumbers() && within(p, -JS_SAFE, JS_SAFE) ? YES : p.blobs() > 0 ? NO : ASK,
                "typeof({c}) = 'real' OR (typeof({c}) = 'integer' AND abs({c}) <= 9007199254740992) OR (typeof({c}) = "
                        + "'text' AND lower(trim({c})) IN ('nan','inf','-inf','+inf','infinity','-infinity','+infinity'))",
                fixed(Kind.DOUBLE)));
        r.add(rule("numeric(p,s)", "NUMERIC(p,s), DECIMAL(p,s)", "numeric(p,s)", "numeric",
                c -> base("NUMERIC", "DECIMAL").test(c) && c.typeArgs().length > 0,
                p -> p.onlyNumbers() ? ASK : NO, TypeRules::numericFitSql, (c, p) -> new PgType(Kind.NUMERIC, numericSql(c))));
        r.add(rule("numeric", "NUMERIC, DECIMAL", "numeric", "numeric", base("NUMERIC", "DECIMAL"),
                p -> p.onlyNumbers() ? YES : NO, "typeof({c}) IN ('integer', 'real')", fixed(Kind.NUMERIC)));
        r.add(rule("varchar(n)", "VARCHAR(n), CHAR(n), NVARCHAR(n), NCHAR(n), CHARACTER(n)", "varchar(n)", "text",
                c -> c.affinity() == 'T' && c.typeArgs().length == 1,
                p -> p.onlyText() ? ASK : NO, (Column c) -> "typeof({c}) = 'text' AND length({c}) <= " + c.typeArgs()[0],
                (c, p) -> new PgType(Kind.VARCHAR, "varchar(" + c.typeArgs()[0] + ")")));
        r.add(rule("uuid", "UUID, GUID, UNIQUEIDENTIFIER", "uuid", "uuid", base("UUID", "GUID", "UNIQUEIDENTIFIER"),
                p -> p.reals() + p.integers() > 0 ? NO : ASK, "(typeof({c}) = 'text' AND "
                        + dev.ferry.sqlite.SqliteSource.uuidSql("{c}") + ") OR (typeof({c}) = 'blob' AND length({c}) = 16)", fixed(Kind.UUID)));
        r.add(rule("json", "JSON, JSONB", "jsonb", "json", base("JSON", "JSONB"), p -> p.onlyText() ? ASK : NO,
                "typeof({c}) = 'text' AND " + dev.ferry.sqlite.SqliteSource.jsonbSql("{c}"), fixed(Kind.JSONB)));
        r.add(rule("timestamp", "DATETIME, TIMESTAMP (ISO-8601 text)", "timestamp", "timestamp",
                base("DATETIME", "TIMESTAMP"), p -> p.onlyText() ? ASK : NO,
                "typeof({c}) = 'text' AND " + isoLocal("{c}", true), fixed(Kind.TIMESTAMP)));
        r.add(rule("timestamp with time zone", "DATETIME, TIMESTAMP, TIMESTAMPTZ (ISO-8601 text with offsets)",
                "timestamptz", "timestamp", base("DATETIME", "TIMESTAMP", "TIMESTAMPTZ"),
                p -> p.onlyText() ? ASK : NO, "typeof({c}) = 'text' AND " + isoOffset(), fixed(Kind.TIMESTAMPTZ)));
        r.add(data(rule("timestamp from unix seconds", "DATETIME, TIMESTAMP holding unix seconds", "timestamp",
                "timestamp", base("DATETIME", "TIMESTAMP"),
                p -> p.onlyIntegers() && within(p, -100_000_000_000L, 100_000_000_000L) ? YES : NO,
                "typeof({c}) = 'integer' AND abs({c}) < 100000000000", fixed(Kind.TIMESTAMP)), Conversion.EPOCH_SECONDS));
        r.add(data(rule("timestamp from unix milliseconds", "DATETIME, TIMESTAMP holding unix milliseconds",
                "timestamp", "timestamp", base("DATETIME", "TIMESTAMP"),
                p -> p.onlyIntegers() && within(p, -100_000_000_000_000L, 100_000_000_000_000L) ? YES : NO,
                "typeof({c}) = 'integer' AND abs({c}) < 100000000000000", fixed(Kind.TIMESTAMP)), Conversion.EPOCH_MILLIS));
        r.add(data(rule("timestamp from julian day", "DATETIME, TIMESTAMP holding julian day numbers", "timestamp",
                "timestamp", base("DATETIME", "TIMESTAMP"), p -> p.reals() == p.nonNull() ? ASK : NO,
                "typeof({c}) = 'real' AND {c} BETWEEN 1721425.5 AND 5373484.5", fixed(Kind.TIMESTAMP)), Conversion.JULIAN_DAY));
        r.add(rule("date", "DATE (ISO-8601 text)", "date", "date", base("DATE"), p -> p.onlyText() ? ASK : NO,
                "typeof({c}) = 'text' AND date({c}) = {c} AND {c} >= '0001'", fixed(Kind.DATE)));
        r.add(rule("time", "TIME (text HH:MM[:SS[.fff]])", "time", "time", base("TIME"), p -> p.onlyText() ? ASK : NO,
                "typeof({c}) = 'text' AND substr({c}, 1, 2) <= '23' AND CASE length({c}) WHEN 5 THEN {c} GLOB '" + HH_MM
                        + "' WHEN 8 THEN {c} GLOB '" + HH_MM + ":[0-5][0-9]' ELSE length({c}) BETWEEN 10 AND 15 AND {c} GLOB '"
                        + HH_MM + ":[0-5][0-9].[0-9]*' AND NOT substr({c}, 10) GLOB '*[^0-9]*' END", fixed(Kind.TIME)));
        // only the printed form round-trips: 'ABC…' or a braced one would come back as other text
        r.add(data(rule("uuid in text", "TEXT, CLOB or none, when every value is a lower-case hyphenated UUID", "uuid",
                "text", c -> c.affinity() == 'T' || c.declaredType().isBlank(), p -> p.onlyText() ? ASK : NO,
                "typeof({c}) = 'text' AND " + dev.ferry.sqlite.SqliteSource.canonicalUuidSql("{c}"), fixed(Kind.UUID)),
                AS_IS));
        r.add(data(rule("json in text", "TEXT, CLOB or none, when every value is a JSON object or array", "jsonb",
                "text", c -> c.affinity() == 'T' || c.declaredType().isBlank(), p -> p.onlyText() ? ASK : NO,
                "typeof({c}) = 'text' AND substr(ltrim({c}), 1, 1) IN ('{', '[') AND " + dev.ferry.sqlite.SqliteSource.jsonbSql("{c}"),
                fixed(Kind.JSONB)), AS_IS));
        r.add(rule("text", "TEXT, CLOB, CHAR, VARCHAR and anything textual", "text", "text", c -> c.affinity() == 'T',
                p -> p.noBlobs() ? YES : NO, "typeof({c}) <> 'blob'", fixed(Kind.TEXT)));
        r.add(rule("blob", "BLOB", "bytea", "blob", base("BLOB"), p -> p.onlyBlobs() ? YES : NO,
                "typeof({c}) = 'blob'", fixed(Kind.BYTEA)));
        r.add(data(rule("whole numbers", "any other type, holding only integers", "bigint", "generic", c -> true,
                p -> p.onlyIntegers() ? YES : NO, "typeof({c}) = 'integer'", fixed(Kind.BIGINT)), AS_IS));
        r.add(data(rule("numbers", "any other type, holding integers and reals", "double precision", "generic", c -> true,
                p -> p.onlyNumbers() && within(p, -JS_SAFE, JS_SAFE) ? YES : NO,
                "typeof({c}) = 'real' OR (typeof({c}) = 'integer' AND abs({c}) <= 9007199254740992)",
                fixed(Kind.DOUBLE)), AS_IS));
        r.add(data(rule("exact numbers", "any other type, holding very large integers and reals", "numeric", "generic",
                c -> true, p -> p.onlyNumbers() ? YES : NO, "typeof({c}) IN ('integer', 'real')", fixed(Kind.NUMERIC)), AS_IS));
        r.add(data(rule("binary", "any other type, holding only blobs", "bytea", "generic", c -> true,
                p -> p.onlyBlobs() ? YES : NO, "typeof({c}) = 'blob'", fixed(Kind.BYTEA)), AS_IS));
        r.add(rule("text (catch-all)", "anything else without blobs", "text", "generic", c -> true,
                p -> p.noBlobs() ? YES : NO, "typeof({c}) <> 'blob'", fixed(Kind.TEXT)));
        r.add(rule("bytea (catch-all)", "anything else: mixed blobs and other values", "bytea", "generic", c -> true,
                p -> YES, "1", fixed(Kind.BYTEA)));
        return List.copyOf(r);
    }

    /**
     * ISO-8601 date-times exactly as Ferry reads them: "YYYY-MM-DD", then optionally " HH:MM",
     * ":SS" and up to six fraction digits (PostgreSQL keeps microseconds; more would be cut), with a
     * real calendar date and an hour below 24. Cheaper than julianday() and stricter: SQLite's date
     * functions accept February 30th.
     */
    static String isoLocal(String v, boolean dateOnlyAllowed) {
        // the common shape first, in one call: SQLite writes back a valid "YYYY-MM-DD HH:MM:SS"
        // unchanged, and moves an impossible date (February 30th) to a real one (or hour 24, kept)
        String fast = "length({v}) = 19 AND datetime({v}) = {v} AND substr({v}, 12, 2) <= '23'"
                + (dateOnlyAllowed ? " OR length({v}) = 10 AND date({v}) = {v}" : "");
        String sql = "CASE WHEN " + fast + " THEN {v} >= '0001' ELSE CASE length({v}) WHEN 10 THEN "
                + (dateOnlyAllowed ? "{v} GLOB '" + ISO_DAY + "'" : "0")
                + " WHEN 16 THEN {v} GLOB '" + ISO_DAY + "[ T]" + HH_MM + "' WHEN 19 THEN {v} GLOB '" + ISO_DAY + "[ T]"
                + HH_MM + ":[0-5][0-9]' ELSE length({v}) BETWEEN 21 AND 26 AND {v} GLOB '" + ISO_DAY + "[ T]" + HH_MM
                + ":[0-5][0-9].[0-9]*' AND NOT substr({v}, 21) GLOB '*[^0-9]*' END AND (length({v}) = 10 OR "
                + "substr({v}, 12, 2) <= '23') AND {v} >= '0001' AND date(substr({v}, 1, 10)) = substr({v}, 1, 10) END";
        return "(" + sql.replace("{v}", v) + ")";
    }

    /** A local ISO date-time (with a time) followed by Z, ±HH:MM, ±HHMM or ±HH. */
    static String isoOffset() {
        return "((upper(substr({c}, -1)) = 'Z' AND " + isoLocal("substr({c}, 1, length({c}) - 1)", false) + ")"
                + " OR (substr({c}, -6, 1) IN ('+', '-') AND substr({c}, -5) GLOB '[0-1][0-9]:[0-5][0-9]' AND "
                + isoLocal("substr({c}, 1, length({c}) - 6)", false) + ")"
                + " OR (substr({c}, -5, 1) IN ('+', '-') AND substr({c}, -4) GLOB '[0-1][0-9][0-5][0-9]' AND "
                + isoLocal("substr({c}, 1, length({c}) - 5)", false) + ")"
                + " OR (substr({c}, -3, 1) IN ('+', '-') AND substr({c}, -2) GLOB '[0-1][0-9]' AND "
                + isoLocal("substr({c}, 1, length({c}) - 3)", false) + "))";
    }

    private static TypeRule rule(String name, String declared, String pg, String family, Predicate<Column> applies,
                                 Function<ColumnProfile, Fit> fit, String valueSql,
                                 java.util.function.BiFunction<Column, ColumnProfile, PgType> type) {
        return rule(name, declared, pg, family, applies, fit, c -> valueSql, type);
    }

    private static TypeRule rule(String name, String declared, String pg, String family, Predicate<Column> applies,
                                 Function<ColumnProfile, Fit> fit, Function<Column, String> valueSql,
                                 java.util.function.BiFunction<Column, ColumnProfile, PgType> type) {
        return new TypeRule(name, declared, pg, family, applies, fit, valueSql, type, AS_IS, false);
    }

    /** Marks a rule as decided by the data: it is only chosen for a column that holds values. */
    private static TypeRule data(TypeRule r, Conversion conversion) {
        return new TypeRule(r.name(), r.declared(), r.pgType(), r.family(), r.applies(), r.fit(), r.valueSql(),
                r.type(), conversion, true);
    }

    private static java.util.function.BiFunction<Column, ColumnProfile, PgType> fixed(Kind kind) {
        return (c, p) -> PgType.of(kind);
    }

    private static boolean within(ColumnProfile p, long min, long max) {
        return p.minInteger() == null || (p.minInteger() >= min && p.maxInteger() <= max);
    }

    private static Predicate<Column> base(String... names) {
        Set<String> set = Set.of(names);
        return c -> set.contains(c.baseType());
    }

    private static String numericSql(Column c) {
        int[] a = c.typeArgs();
        return a.length == 1 ? "numeric(" + a[0] + ")" : "numeric(" + a[0] + "," + a[1] + ")";
    }

    /** The per-value test for numeric(p,s): within range and no digits beyond the scale. */
    public static String numericFitSql(Column c) {
        int[] a = c.typeArgs();
        int p = a[0], s = a.length > 1 ? a[1] : 0;
        return "typeof({c}) IN ('integer', 'real') AND abs({c}) < 1e" + (p - s) + " AND round({c}, " + s + ") = {c}";
    }
}
