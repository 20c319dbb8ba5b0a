package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.SampleGuard;
import dev.ferry.plan.TablePlan;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.RowHasher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON column planned from a sample is checked on the copy's own parse of every value (the one
 * the checksum makes, as jsonb prints it) instead of SQLite's json_valid beside each row; SQLite
 * still checks that the value is text, and judges by the rule's own test any value that parse does
 * not vouch for. What must happen: (1) every value the parse vouches for passes the rule's SQLite
 * test (else a misfit would be copied as JSON), on edge cases and on thousands of near-JSON texts;
 * (2) JSON nested 1,001 levels deep, which json_valid refuses and jsonb takes, still makes the
 * table be planned again (as text, the plan of the full profile), while 1,000 levels stay jsonb;
 * (3) the copy's query no longer asks SQLite for json_valid where Java checks, and still does for
 * a table without rowid.
 */
class JsonGuardTest {

    private static final List<String> EDGES = List.of("{}", "[]", "1", "-0", "0.5e-3", "1E+2", "\"a\"", "true", "null",
            " {\"a\" : [1, 2.5, \"x\"]} ", "\t[\n1\r]", "{\"a\":1,\"a\":2}", "\"\\ud83d\\ude00\"", "\"\\u00e9\"", "\"\\/\"",
            "", " ", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "1e", "-", "[1 2]", "{'a': 1}", "{a: 1}",
            "\"\\x\"", "\"a\tb\"", "\"a\nb\"", "\"\\u0000\"", "\"\\ud83d\"", "\"\\ude00\"", "NaN", "Infinity", "[1] x",
            "tru", "nulll", "/* c */ 1", "[1e999999]", "\"\u00e9\"", "[\"\\u12\"]", "{\"a\" 1}", "[[[[]]]]",
            "[".repeat(1000) + "]".repeat(1000), "[".repeat(1001) + "]".repeat(1001),
            "{\"a\":".repeat(1001) + "1" + "}".repeat(1001));

    @Test
    void whatTheParseVouchesForPassesTheRulesOwnTest(@TempDir Path dir) throws Exception {
        Set<String> texts = new LinkedHashSet<>(EDGES);
        Random random = new Random(19);
        String alphabet = "{}[]\":,0123456789.eE+- \t\n\\u/abcdeftnrlsx\u00e9";
        for (String seed : EDGES.subList(0, 15)) { // near-JSON: one character added, dropped or changed, many times over
            for (int k = 0; k < 400; k++) {
                StringBuilder sb = new StringBuilder(seed);
                for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                    int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
                    char ch = alphabet.charAt(random.nextInt(alphabet.length()));
                    switch (random.nextInt(3)) {
                        case 0 -> sb.insert(at, ch);
                        case 1 -> { if (sb.length() > 0) { sb.deleteCharAt(at); } }
                        default -> { if (sb.length() > 0) { sb.setCharAt(at, ch); } }
                    }
                }
                texts.add(sb.toString());
            }
        }
        Path file = dir.resolve("j.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            // TEXT keeps "1" text (JSON's affinity would store it as a number): SQLite's class test is
            // the copy's own, beside each row; here the JSON part of the rule is compared
            db.sql("CREATE TABLE j (id INTEGER PRIMARY KEY, body TEXT)");
        }
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            SqliteSource.addFunctions(c);
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO j (body) VALUES (?)")) {
                for (String t : texts) {
                    p.setString(1, t);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            String rule = dev.ferry.plan.TypeRules.all().stream().filter(r -> r.name().equals("json")).findFirst().orElseThrow()
                    .valueSql(null, "body");
            RowHasher hasher = new RowHasher(new PgType.Kind[] {PgType.Kind.JSONB});
            List<String> wronglyVouched = new ArrayList<>();
            int vouched = 0, refused = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT CAST(body AS BLOB), CASE WHEN " + rule + " THEN 1 ELSE 0 END FROM j")) {
                while (rs.next()) {
                    hasher.value(rs.getBytes(1));
                    hasher.endRow();
                    boolean sqlite = rs.getInt(2) == 1;
                    if (hasher.lastJsonTaken(SampleGuard.SQLITE_JSON_DEPTH)) {
                        vouched++;
                        if (!sqlite) {
                            wronglyVouched.add(rs.getString(1));
                        }
                    } else if (!sqlite) {
                        refused++;
                    }
                }
            }
            assertEquals(List.of(), wronglyVouched, "vouched for by the parse, refused by the rule's SQLite test");
            assertTrue(vouched > 500 && refused > 500, "both sides are exercised: " + vouched + " vouched, " + refused + " refused");
        }
    }

    @Test
    void deepJsonIsJudgedBySqliteAndTheCopyAsksNoJsonValid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deep.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE deep (id INTEGER PRIMARY KEY, body JSON)",
                    "CREATE TABLE edge (id INTEGER PRIMARY KEY, body JSON)",
                    "CREATE TABLE keyed (k TEXT PRIMARY KEY, body JSON) WITHOUT ROWID",
                    "INSERT INTO keyed VALUES ('a', '{\"a\": 1}'), ('b', '[2]')");
            // past the first rows the planner reads whole (TypePlanner's 2,000), so the sample's plan is jsonb
            for (String t : List.of("deep", "edge")) {
                db.sql(ResumeTest.series(2_100, "INSERT INTO " + t + " (body) SELECT '{\"n\": ' || i || '}' FROM n"));
            }
            db.insert("deep", new Object[] {2_101L, "[".repeat(1001) + "]".repeat(1001)});
            db.insert("edge", new Object[] {2_101L, "[".repeat(1000) + "]".repeat(1000)});
        }
        Options o = Options.of(file, TestPostgres.get().freshDatabase(), TestPostgres.get().adminPassword());
        Plan full = new Migration(o, MigrationListener.NONE).preflight();
        assertEquals("text", type(full, "deep"), "json_valid refuses 1,001 levels, so the full profile keeps text");
        assertEquals("jsonb", type(full, "edge"));

        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        Migration m = new Migration(o, events::add);
        Plan start = m.preflight(1);
        assertEquals("jsonb", type(start, "deep"), "a sample of one row does not see the deep value");
        for (TablePlan t : start.tables()) {
            String select = CopyPart.plan(List.of(t), SqliteSource.open(file), 1).get(0).select();
            if (t.source().name().equals("keyed")) {
                assertFalse(SampleGuard.jsonInJava(t, 1), "no rowid to read a row again by: SQLite checks JSON beside each row");
                assertTrue(!t.sampled() || select.contains("json_valid"), select);
            } else {
                assertFalse(select.contains("json_valid"), t.source().name() + ": JSON checked in Java, " + select);
                assertTrue(select.contains("typeof(\"body\") = 'text'"), "SQLite still checks the storage class");
            }
        }
        Result r = m.run(start);
        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.verified(), "every row arrives unchanged");
        assertEquals("text", type(r.plan(), "deep"), "planned again from every value: the full profile's type");
        assertEquals("jsonb", type(r.plan(), "edge"), "1,000 levels fit json_valid: no re-plan");
        List<String> replans = events.stream().filter(e -> e instanceof MigrationEvent.Note n
                && n.text().contains("planned that table from a sample")).map(e -> ((MigrationEvent.Note) e).text()).toList();
        assertEquals(1, replans.size(), replans.toString());
        assertTrue(replans.get(0).contains("table deep"), replans.get(0));
    }

    private static String type(Plan plan, String table) {
        TablePlan t = plan.tables().stream().filter(x -> x.source().name().equals(table)).findFirst().orElseThrow();
        return t.columns().stream().filter(c -> c.source().name().equals("body")).map(ColumnPlan::type).findFirst()
                .orElseThrow().sql();
    }
}
