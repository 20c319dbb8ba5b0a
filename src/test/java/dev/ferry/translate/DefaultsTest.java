package dev.ferry.translate;

import dev.ferry.plan.PgType;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.plan.PgType.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultsTest {

    private static final PgType BIGINT = PgType.of(Kind.BIGINT);
    private static final PgType INTEGER = PgType.of(Kind.INTEGER);
    private static final PgType DOUBLE = PgType.of(Kind.DOUBLE);
    private static final PgType NUMERIC = PgType.parse("numeric(10,2)");
    private static final PgType BOOLEAN = PgType.of(Kind.BOOLEAN);
    private static final PgType TEXT = PgType.of(Kind.TEXT);
    private static final PgType VARCHAR = PgType.parse("varchar(20)");
    private static final PgType TIMESTAMP = PgType.of(Kind.TIMESTAMP);
    private static final PgType TIMESTAMPTZ = PgType.of(Kind.TIMESTAMPTZ);
    private static final PgType DATE = PgType.of(Kind.DATE);
    private static final PgType TIME = PgType.of(Kind.TIME);

    private static final String UTC_NOW = "(now() AT TIME ZONE 'UTC')";

    private static void assertTranslates(String expected, String sqlite, PgType type) {
        assertEquals(Optional.of(expected), Defaults.translate(sqlite, type), () -> sqlite + " on " + type.sql());
    }

    private static void assertUntranslated(String sqlite, PgType type) {
        assertEquals(Optional.empty(), Defaults.translate(sqlite, type), () -> sqlite + " on " + type.sql());
    }

    @Test
    void noDefaultIsNoDefault() {
        assertUntranslated(null, TEXT);
    }

    @Test
    void nullStaysNull() {
        assertTranslates("NULL", "NULL", TEXT);
        assertTranslates("NULL", "null", BIGINT);
        assertTranslates("NULL", "(NULL)", TIMESTAMP);
    }

    @Test
    void zeroAndOneOnBooleanBecomeFalseAndTrue() {
        assertTranslates("false", "0", BOOLEAN);
        assertTranslates("true", "1", BOOLEAN);
        assertTranslates("false", "'0'", BOOLEAN);
        assertTranslates("true", "TRUE", BOOLEAN);
        assertTranslates("false", "FALSE", BOOLEAN);
        assertTranslates("true", "'yes'", BOOLEAN);
        assertUntranslated("2", BOOLEAN);
        assertUntranslated("'maybe'", BOOLEAN);
    }

    @Test
    void numbersStayNumbers() {
        assertTranslates("'0'", "0", BIGINT);
        assertTranslates("'-42'", "-42", INTEGER);
        assertTranslates("'3.14'", "3.14", DOUBLE);
        assertTranslates("'1e10'", "1e10", DOUBLE);
        assertTranslates("'0.99'", "0.99", NUMERIC);
        assertTranslates("'.5'", ".5", DOUBLE);
        assertTranslates("'1'", "TRUE", BIGINT);
    }

    @Test
    void textOnANumberColumnIsNotTranslated() {
        assertUntranslated("'abc'", BIGINT);
        assertUntranslated("'1,5'", DOUBLE);
        assertUntranslated("'12 apples'", NUMERIC);
    }

    @Test
    void quotedStringsKeepTheirValue() {
        assertTranslates("'hello'", "'hello'", TEXT);
        assertTranslates("''", "''", TEXT);
        assertTranslates("'it''s'", "'it''s'", TEXT);
        assertTranslates("''''", "''''", VARCHAR);
        assertTranslates("'a \"quoted\" word'", "'a \"quoted\" word'", TEXT);
        assertTranslates("'42'", "'42'", BIGINT);
    }

    @Test
    void doubleQuotedStringsAreStrings() {
        assertTranslates("'0'", "\"0\"", BIGINT);
        assertTranslates("false", "\"0\"", BOOLEAN);
        assertTranslates("'hello'", "\"hello\"", TEXT);
        assertTranslates("'say \"hi\"'", "\"say \"\"hi\"\"\"", TEXT);
        assertTranslates("'it''s'", "\"it's\"", TEXT);
    }

    @Test
    void currentTimestampFollowsTheColumnType() {
        assertTranslates(UTC_NOW, "CURRENT_TIMESTAMP", TIMESTAMP);
        assertTranslates("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", TIMESTAMPTZ);
        assertTranslates("to_char(" + UTC_NOW + ", 'YYYY-MM-DD HH24:MI:SS')", "CURRENT_TIMESTAMP", TEXT);
        assertTranslates("to_char(" + UTC_NOW + ", 'YYYY-MM-DD HH24:MI:SS')", "current_timestamp", VARCHAR);
        assertUntranslated("CURRENT_TIMESTAMP", BIGINT);
    }

    @Test
    void datetimeNowIsCurrentTimestamp() {
        assertTranslates(UTC_NOW, "datetime('now')", TIMESTAMP);
        assertTranslates(UTC_NOW, "(datetime('now'))", TIMESTAMP);
        assertTranslates(UTC_NOW, "DATETIME( 'now' )", TIMESTAMP);
        assertTranslates("CURRENT_TIMESTAMP", "datetime(\"now\")", TIMESTAMPTZ);
    }

    @Test
    void currentDateAndTime() {
        assertTranslates("CAST(" + UTC_NOW + " AS date)", "CURRENT_DATE", DATE);
        assertTranslates("CAST(" + UTC_NOW + " AS date)", "date('now')", DATE);
        assertTranslates("to_char(" + UTC_NOW + ", 'YYYY-MM-DD')", "CURRENT_DATE", TEXT);
        assertTranslates("CAST(" + UTC_NOW + " AS time(0))", "CURRENT_TIME", TIME);
    }

    @Test
    void localtimeIsTheSessionsLocalTime() {
        assertTranslates("LOCALTIMESTAMP(0)", "datetime('now', 'localtime')", TIMESTAMP);
        assertTranslates("CURRENT_TIMESTAMP", "(datetime('now','localtime'))", TIMESTAMPTZ);
        assertTranslates("to_char(LOCALTIMESTAMP, 'YYYY-MM-DD HH24:MI:SS')", "datetime('now', 'localtime')", TEXT);
        assertTranslates("CURRENT_DATE", "date('now','localtime')", DATE);
        assertTranslates("to_char(LOCALTIMESTAMP, 'YYYY-MM-DD')", "date('now','localtime')", TEXT);
    }

    @Test
    void strftimeOfNowKeepsSqlitesFormatOnText() {
        assertTranslates("to_char(" + UTC_NOW + ", 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')",
                "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))", TEXT);
        assertTranslates("to_char(" + UTC_NOW + ", 'YYYY-MM-DD HH24:MI:SS.MS')", "strftime('%Y-%m-%d %H:%M:%f', 'now')", VARCHAR);
        assertTranslates(UTC_NOW, "(strftime('%Y-%m-%d %H:%M:%S','now'))", TIMESTAMP);
        assertTranslates("CAST(" + UTC_NOW + " AS date)", "strftime('%Y-%m-%d', 'now')", DATE);
    }

    @Test
    void unixTimeAndJulianDayOfNow() {
        assertTranslates("floor(extract(epoch FROM now()))::bigint", "(unixepoch())", BIGINT);
        assertTranslates("floor(extract(epoch FROM now()))::bigint", "(strftime('%s','now'))", BIGINT);
        assertTranslates("floor(extract(epoch FROM now()))::bigint", "(CAST(strftime('%s', 'now') AS INTEGER))", BIGINT);
        assertTranslates("floor(extract(epoch FROM now()))::bigint::text", "strftime('%s','now')", TEXT);
        assertTranslates("(extract(epoch FROM now()) / 86400 + 2440587.5)::double precision", "(julianday('now'))", DOUBLE);
        assertTranslates(UTC_NOW, "julianday('now')", TIMESTAMP);
        assertUntranslated("julianday('now')", TEXT);
    }

    @Test
    void expressionsAreNotGuessed() {
        assertUntranslated("(random())", BIGINT);
        assertUntranslated("random()", DOUBLE);
        assertUntranslated("(abs(random()) % 100)", BIGINT);
        assertUntranslated("(lower(hex(randomblob(16))))", TEXT);
        assertUntranslated("datetime('now', '+1 day')", TIMESTAMP);
        // was %W: the rewriter now counts %W weeks as SQLite does (SqlRewriterFixturesTest); %J is still not translated
        assertUntranslated("(strftime('%J','now'))", TEXT);
        assertUntranslated("(strftime('%Y','now'))", TIMESTAMP);
        assertUntranslated("('a' || 'b')", TEXT);
        assertUntranslated("(1 + 2)", BIGINT);
    }

    @Test
    void anExpressionOfTwoDoubleQuotedStringsIsNotTakenForOneString() {
        // SQLite reads "a" || "b" in a DEFAULT as the text 'ab'; it is an expression, not one string literal.
        assertUntranslated("(\"a\" || \"b\")", TEXT);
    }

    @Test
    void theTextNullOnANonTextColumnIsNotTranslated() {
        assertUntranslated("'null'", BIGINT);
        assertUntranslated("'NULL'", TIMESTAMP);
        assertUntranslated("'null'", BOOLEAN);
        assertTranslates("'null'", "'null'", TEXT);
    }

    @Test
    void parenthesesAreRemoved() {
        assertTranslates("'0'", "(0)", BIGINT);
        assertTranslates("'0'", "((0))", BIGINT);
        assertTranslates("false", "(0)", BOOLEAN);
        assertTranslates("'x'", "('x')", TEXT);
        assertTranslates("'-1'", " ( -1 ) ", INTEGER);
    }
}
