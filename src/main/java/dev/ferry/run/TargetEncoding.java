package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.PgTarget;
import dev.ferry.sqlite.SqliteSource;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * A database whose encoding is not UTF-8 (LATIN1, WIN1252, SQL_ASCII: old servers and some hosts)
 * cannot hold every character SQLite's text can. Found out half way, it left a half-made schema and
 * advice to resume that could not help; now it is checked before anything is written. Every name and
 * every non-ASCII text value the run would write is tried against the database's character set: when
 * all fit, the run goes on and says so; otherwise nothing is written and the message names a value
 * that does not fit and the fix.
 */
final class TargetEncoding {

    /** PostgreSQL's names for the server encodings Java can test; others are refused unless the text is ASCII. */
    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("LATIN1", "ISO-8859-1"), Map.entry("LATIN2", "ISO-8859-2"), Map.entry("LATIN3", "ISO-8859-3"),
            Map.entry("LATIN4", "ISO-8859-4"), Map.entry("LATIN5", "ISO-8859-9"), Map.entry("LATIN7", "ISO-8859-13"),
            Map.entry("LATIN9", "ISO-8859-15"), Map.entry("WIN1250", "windows-1250"), Map.entry("WIN1251", "windows-1251"),
            Map.entry("WIN1252", "windows-1252"), Map.entry("WIN1253", "windows-1253"), Map.entry("WIN1254", "windows-1254"),
            Map.entry("WIN1255", "windows-1255"), Map.entry("WIN1256", "windows-1256"), Map.entry("WIN1257", "windows-1257"),
            Map.entry("WIN1258", "windows-1258"), Map.entry("WIN866", "IBM866"), Map.entry("KOI8R", "KOI8-R"),
            Map.entry("KOI8U", "KOI8-U"), Map.entry("ISO_8859_5", "ISO-8859-5"), Map.entry("ISO_8859_6", "ISO-8859-6"),
            Map.entry("ISO_8859_7", "ISO-8859-7"), Map.entry("ISO_8859_8", "ISO-8859-8"), Map.entry("EUC_JP", "EUC-JP"),
            Map.entry("EUC_KR", "EUC-KR"), Map.entry("SJIS", "Shift_JIS"), Map.entry("BIG5", "Big5"),
            Map.entry("GBK", "GBK"), Map.entry("GB18030", "GB18030"), Map.entry("SQL_ASCII", "US-ASCII"));

    private TargetEncoding() {
    }

    /** Returns a note for the user when the database is not UTF-8 but every value fits; throws when one does not. */
    static String check(PgTarget target, SqliteSource source, Plan plan) {
        String encoding = target.encoding();
        if (encoding == null || encoding.equalsIgnoreCase("UTF8")) {
            return null;
        }
        String javaName = JAVA_NAMES.get(encoding.toUpperCase(Locale.ROOT));
        CharsetEncoder fits = (javaName != null && Charset.isSupported(javaName) ? Charset.forName(javaName)
                : Charset.forName("US-ASCII")).newEncoder();
        String misfit = firstMisfit(source, plan, fits);
        String database = target.address().database();
        if (misfit != null) {
            throw new FerryException(FerryException.Kind.TARGET, "Database '" + database + "' stores text as " + encoding
                    + ", which cannot hold every character of this SQLite file: " + misfit + ".",
                    "Nothing was changed. Migrate into a database that uses UTF-8, for example one made with: CREATE DATABASE "
                            + database + "_utf8 ENCODING 'UTF8' TEMPLATE template0 (the server's administrator can do this).");
        }
        return "Database '" + database + "' stores text as " + encoding + " rather than UTF-8; Ferry checked every name "
                + "and text value of this file, and all of them fit.";
    }

    private static String firstMisfit(SqliteSource source, Plan plan, CharsetEncoder fits) {
        for (TablePlan t : plan.tables()) {
            if (!fits.canEncode(t.target())) {
                return "the name of table " + t.target();
            }
            for (ColumnPlan c : t.columns()) {
                if (!fits.canEncode(c.target())) {
                    return "the name of column " + t.target() + "." + c.target();
                }
            }
        }
        for (Plan.ViewPlan v : plan.views()) {
            if (!fits.canEncode(v.target())) {
                return "the name of view " + v.target();
            }
        }
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            for (TablePlan t : plan.tables()) {
                for (ColumnPlan col : t.columns()) {
                    PgType.Kind k = col.type().kind();
                    if (k != PgType.Kind.TEXT && k != PgType.Kind.VARCHAR && k != PgType.Kind.JSONB) {
                        continue;
                    }
                    String q = SqliteSource.quote(col.source().name());
                    // only text whose bytes outnumber its characters holds anything beyond ASCII
                    String sql = "SELECT " + q + " FROM " + SqliteSource.quote(t.source().name()) + " WHERE typeof(" + q
                            + ") = 'text' AND length(CAST(" + q + " AS BLOB)) <> length(" + q + ")";
                    try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                            String v = rs.getString(1);
                            if (!fits.canEncode(v)) {
                                return "a value of " + t.source().name() + "." + col.source().name() + " ('"
                                        + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "')";
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not read the SQLite file's text to check "
                    + "that it fits the database's encoding.", "See the details. Nothing was changed.", e);
        }
        return null;
    }
}
