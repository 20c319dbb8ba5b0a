package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.AppDatabases;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.AppReport;
import dev.ferry.verify.StatementProof;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * check-app on the three fixture apps (src/test/resources/dev/ferry/appcode), each against a SQLite
 * file shaped as its SQL expects (a BOOLEAN active/tracked/read, DATETIME, JSON, TEXT columns),
 * migrated for real into the embedded PostgreSQL. Every statement of expected.tsv is found at its
 * line with the status the typed translator honestly gives: unchanged or translated and proven
 * (PREPAREd, or the same rows when they read without parameters), PRAGMA, schema changes and
 * last_insert_rowid() manual with what to do, and what it refuses manual with its reason.
 * products.js:16 orders by COLLATE nocase in a schema with no NOCASE column: it used to fail to prove
 * (Ferry made its nocase collation only for columns), and now PREPAREs, since a run makes the
 * collation whenever the server has ICU; so node-service is proven too.
 * The prose that begins with Select/Update/Delete is no longer reported; no password is ever written.
 * unproven-bot (two statements PostgreSQL refuses: a GROUP BY SQLite lets pass, a column the database
 * lacks) is failed with PostgreSQL's own words, and the app is not proven (check-app exits 5).
 */
class AppCheckTest {

    static final Path APPS = Path.of("src/test/resources/dev/ferry/appcode");
    static final String PASSWORD = "hunter2-never-shown";

    /** file:line → status, proof, and words the reason must contain (for manual ones). */
    static final Map<String, List<String>> EXPECTED = Map.of(
            "discord-bot", List.of(
                    "bot.py:34\ttranslated\tsame-results\t",
                    "bot.py:45\tmanual\tnot-run\tVACUUM INTO writes a copy of the SQLite file: use pg_dump for a copy o",
                    "cogs/stats.py:15\tmanual\tnot-run\tbuilt from variables at run time: Ferry checked the fixed parts; a per",
                    "cogs/stats.py:33\ttranslated\tsame-results\t",
                    "cogs/stats.py:41\ttranslated\tprepared\t",
                    "cogs/stats.py:49\tmanual\tnot-run\tbuilt from variables at run time: Ferry checked the fixed parts; a per",
                    "cogs/stats.py:54\tmanual\tnot-run\tbuilt from variables at run time: Ferry checked the fixed parts; a per",
                    "db.py:15\tmanual\tnot-run\tit changes the schema (CREATE TABLE), which Ferry already created in P",
                    "db.py:25\tmanual\tnot-run\tit changes the schema (CREATE TABLE), which Ferry already created in P",
                    "db.py:31\tmanual\tnot-run\tit changes the schema (CREATE INDEX), which Ferry already created in P",
                    "db.py:38\tmanual\tnot-run\tPRAGMA journal_mode is SQLite's own setting, with no PostgreSQL meanin",
                    "db.py:39\tmanual\tnot-run\tPRAGMA foreign_keys is SQLite's own setting, with no PostgreSQL meanin",
                    "db.py:49\tmanual\tnot-run\tINSERT OR REPLACE on a table with more than one unique key: SQLite may",
                    "db.py:58\tunchanged\tprepared\t",
                    "db.py:60\tmanual\tnot-run\tlast_insert_rowid() has no PostgreSQL twin: add RETURNING id to the IN",
                    "db.py:66\ttranslated\tsame-results\t",
                    "db.py:72\ttranslated\tprepared\t",
                    "db.py:77\tmanual\tnot-run\tit compares column played_at with an expression; SQLite converts text ",
                    "db.py:87\tunchanged\tprepared\t",
                    "migrations/002_seasons.sql:2\tmanual\tnot-run\tit changes the schema (CREATE TABLE), which Ferry already created in P",
                    "migrations/002_seasons.sql:9\ttranslated\tprepared\t",
                    "migrations/002_seasons.sql:12\tmanual\tnot-run\tit changes the schema, which Ferry already created in PostgreSQL: run ",
                    "migrations/002_seasons.sql:18\tmanual\tnot-run\tit changes the schema (ALTER TABLE), which Ferry already created in Po"),
            "node-service", List.of(
                    "src/db.js:9\tmanual\tnot-run\tit changes the schema (CREATE TABLE), which Ferry already created in P",
                    "src/db.js:18\tmanual\tnot-run\tit changes the schema (CREATE TABLE), which Ferry already created in P",
                    "src/repo/products.js:4\tmanual\tnot-run\tthe JSON function json() works differently in PostgreSQL",
                    "src/repo/products.js:7\ttranslated\tprepared\t",
                    "src/repo/products.js:13\tmanual\tnot-run\tGLOB with a pattern that is not a plain string",
                    "src/repo/products.js:16\ttranslated\tprepared\t",
                    "src/repo/products.js:32\tmanual\tnot-run\tbuilt from variables at run time: Ferry checked the fixed parts; a per",
                    "src/repo/products.js:42\tmanual\tnot-run\tbuilt from variables at run time: Ferry checked the fixed parts; a per",
                    "src/repo/products.js:46\ttranslated\tprepared\t",
                    "src/repo/products.js:48\tunchanged\tprepared\t",
                    "src/repo/products.js:49\tunchanged\tprepared\t",
                    "src/server.ts:12\ttranslated\tsame-results\t",
                    "src/server.ts:19\ttranslated\tsame-results\t",
                    "src/server.ts:31\ttranslated\tprepared\t",
                    "src/server.ts:36\tmanual\tnot-run\tVACUUM: PostgreSQL's autovacuum does this by itself; remove it, or kee",
                    "src/server.ts:37\tmanual\tnot-run\tANALYZE: PostgreSQL's autovacuum analyzes tables by itself; the statem"),
            "go-service", List.of(
                    "store/reports.go:6\ttranslated\tsame-results\t",
                    "store/reports.go:12\ttranslated\tsame-results\t",
                    // was manual (typeof refused); typeof(title) now reads the scan: items.title held only text and NULL, so
                    // typeof(title) = 'text' is "title IS NOT NULL" on both sides; it takes a parameter, so it is PREPAREd,
                    // and reportsSearchGivesSqlitesRowsWithTheWordBound runs it on both sides with a word bound
                    "store/reports.go:31\ttranslated\tprepared\t",
                    "store/reports.go:35\tunchanged\tsame-results\t",
                    "store/reports.go:40\tunchanged\tprepared\t",
                    "store/reports.go:43\tmanual\tnot-run\tsqlite_sequence is SQLite's own table, not in PostgreSQL: to restart a",
                    "store/store.go:16\tmanual\tnot-run\tit changes the schema (CREATE TABLE), which Ferry already created in P",
                    "store/store.go:23\tmanual\tnot-run\tit changes the schema (CREATE TABLE), which Ferry already created in P",
                    "store/store.go:43\tmanual\tnot-run\tPRAGMA journal_mode is SQLite's own setting, with no PostgreSQL meanin",
                    "store/store.go:50\ttranslated\tprepared\t",
                    "store/store.go:58\tmanual\tnot-run\tINSERT OR REPLACE on a table with more than one unique key: SQLite may",
                    "store/store.go:65\ttranslated\tprepared\t",
                    "store/store.go:78\tmanual\tnot-run\tbuilt from variables at run time: Ferry checked the fixed parts; a per",
                    "store/store.go:83\tmanual\tnot-run\tbuilt from variables at run time: Ferry checked the fixed parts; a per"));

    /** What each app adds up to, for the issue's closing note: a change here is a change in what Ferry proves. */
    static final Map<String, String> COUNTS = Map.of(
            "discord-bot", "23 statements: 2 unchanged, 6 translated, 15 manual; 3 same-results, 5 prepared",
            "node-service", "16 statements: 2 unchanged, 6 translated, 8 manual; 2 same-results, 6 prepared",
            // reports.go:31 (typeof of a column) moved from manual to translated and prepared
            "go-service", "14 statements: 2 unchanged, 5 translated, 7 manual; 3 same-results, 4 prepared");

    /** The prose the keyword filter lets through (AppFixturesTest lists them): file:line. */
    static final Map<String, List<String>> NOT_SQL = Map.of(
            "discord-bot", List.of("db.py:43", "db.py:89", "cogs/stats.py:44", "bot.py:28"),
            "node-service", List.of("src/repo/products.js:25", "src/server.ts:14", "src/server.ts:26"),
            "go-service", List.of("store/store.go:86", "store/reports.go:18", "store/reports.go:19", "main.go:15"));

    static final Map<String, Migrated> MIGRATED = new HashMap<>();

    record Migrated(Options options, Plan plan) {
    }

    @BeforeAll
    static void migrate(@TempDir Path dir) throws Exception {
        for (String app : EXPECTED.keySet()) {
            Path file = AppDatabases.write(app, dir);
            Options o = Options.of(file, TestPostgres.get().freshDatabase(), new Secret(PASSWORD));
            Migration m = new Migration(o, MigrationListener.NONE);
            Plan plan = m.preflight();
            m.run(plan);
            MIGRATED.put(app, new Migrated(o, plan));
        }
    }

    static AppReport check(String app, String driver) {
        Migrated m = MIGRATED.get(app);
        return Migration.checkApp(APPS.resolve(app), m.plan(), m.options(), driver);
    }

    @ParameterizedTest
    @ValueSource(strings = {"discord-bot", "node-service", "go-service"})
    void everyStatementAtItsLineWithItsStatusAndProof(String app) throws Exception {
        AppReport r = check(app, null);
        List<String> expected = EXPECTED.get(app);
        for (String e : expected) {
            String[] f = e.split("\t", -1);
            AppReport.Statement s = r.statements().stream().filter(x -> x.where().equals(f[0])).findFirst().orElse(null);
            assertNotNull(s, "not found: " + f[0]);
            assertEquals(f[1], s.status(), f[0] + ": " + s);
            assertEquals(f[2], s.proof(), f[0] + ": " + s);
            assertTrue(s.why().contains(f[3]), f[0] + " says: " + s.why());
            if (s.status().equals(AppReport.MANUAL)) {
                assertEquals(null, s.postgres(), "a person decides: Ferry offers no text for " + f[0]);
            } else {
                assertNotNull(s.postgres());
            }
        }
        // every statement is an expected one: the prose is gone, nothing else was added
        assertEquals(expected.stream().map(e -> e.split("\t")[0]).sorted().toList(),
                r.statements().stream().map(AppReport.Statement::where).sorted().toList());
        for (String prose : NOT_SQL.get(app)) {
            assertTrue(r.statements().stream().noneMatch(s -> s.where().equals(prose)), "not SQL: " + prose);
        }
        // every parameterless SELECT that PostgreSQL runs gives the same rows, or is shown failed
        for (AppReport.Statement s : r.statements()) {
            if (!s.status().equals(AppReport.MANUAL) && s.sqlite().toUpperCase().startsWith("SELECT")
                    && !s.sqlite().contains("?")) {
                assertTrue(s.proof().equals(StatementProof.SAME) || s.proof().equals(StatementProof.FAILED), s.toString());
            }
        }
        AppReport.Summary sum = r.summary();
        // the must-show, as strictly as it is written: every statement Ferry offers a text for PREPAREs on the
        // migrated database, and every one that reads without parameters (any marker: ?, :name, @name) gives the
        // same rows; a manual one is never run
        for (AppReport.Statement s : r.statements()) {
            if (s.status().equals(AppReport.MANUAL)) {
                assertEquals(StatementProof.NOT_RUN, s.proof(), s.toString());
                continue;
            }
            dev.ferry.translate.SqlStatement tree = dev.ferry.translate.SqlParser.parse(s.sqlite());
            boolean parameterless = dev.ferry.translate.Placeholders.count(tree) == 0;
            assertEquals(tree instanceof dev.ferry.translate.SqlSelect && parameterless ? StatementProof.SAME
                    : StatementProof.PREPARED, s.proof(), s.toString());
        }
        assertEquals(COUNTS.get(app), sum.statements() + " statements: " + sum.count(AppReport.UNCHANGED) + " unchanged, "
                + sum.count(AppReport.TRANSLATED) + " translated, " + sum.count(AppReport.MANUAL) + " manual; "
                + sum.proofs(StatementProof.SAME) + " same-results, " + sum.proofs(StatementProof.PREPARED) + " prepared");
        assertEquals(expected.size(), sum.statements());
        assertEquals(expected.stream().filter(e -> e.contains("\tmanual\t")).count(), sum.count(AppReport.MANUAL));
        // node-service's products.js:16 (COLLATE nocase) failed here until the run made Ferry's collation whenever it can
        assertEquals(0, sum.proofs(StatementProof.FAILED));
        assertEquals(true, r.proven(), "exit 0 exactly when nothing failed to prove");

        String json = r.toJson();
        assertFalse(json.contains(PASSWORD), "the password is in the report");
        assertFalse(dev.ferry.verify.AppHtml.render(r).contains(PASSWORD));
        assertTrue(sum.env().stream().anyMatch(l -> l.contains("<password>")), sum.env().toString());
        JsonNode tree = new ObjectMapper().readTree(json);
        JsonNode first = tree.get("statements").get(0);
        for (String field : List.of("file", "line", "status", "sqlite", "proof", "why")) {
            assertTrue(first.has(field), field + " in " + first);
        }
        assertTrue(tree.get("summary").has("counts") && tree.get("summary").has("proofs"), tree.get("summary").toString());
    }

    @Test
    void theDriverIsGuessedFromTheImportsAndItsMarkersUsed() {
        AppReport bot = check("discord-bot", null);
        assertEquals("asyncpg", bot.summary().driver());
        assertEquals("db.py:8", bot.summary().driverFrom());
        assertEquals("INSERT INTO matches (winner_id, loser_id) VALUES ($1, $2)", statement(bot, "db.py:58").postgres());
        assertEquals("pgx", check("go-service", null).summary().driver());
        AppReport node = check("node-service", null);
        assertEquals("node-postgres", node.summary().driver());
        assertEquals("DELETE FROM prices WHERE product_id = $1", statement(node, "src/repo/products.js:48").postgres());
        assertEquals(List.of("db.py:36"), bot.summary().changeHere().stream().map(p -> p.file() + ":" + p.line()).toList());
    }

    @Test
    void aGivenDriverDecidesTheMarkers() {
        AppReport psycopg = check("discord-bot", "psycopg");
        assertEquals(null, psycopg.summary().driverFrom());
        assertEquals("INSERT INTO matches (winner_id, loser_id) VALUES (%s, %s)", statement(psycopg, "db.py:58").postgres());
        AppReport jdbc = check("discord-bot", "jdbc");
        assertEquals("DELETE FROM players WHERE discord_id = ?", statement(jdbc, "db.py:87").postgres());
        FerryException e = assertThrows(FerryException.class, () -> check("discord-bot", "odbc"));
        assertEquals(FerryException.Kind.USAGE, e.kind());
    }

    @Test
    void aGivenDriverDecidesTheEnvLinesToo() {
        AppReport guessed = check("discord-bot", null);
        assertEquals("$1", guessed.summary().markers());
        assertTrue(guessed.summary().env().get(0).startsWith("DATABASE_URL=postgresql://"), guessed.summary().env().toString());
        AppReport jdbc = check("discord-bot", "pgjdbc");
        assertEquals("?", jdbc.summary().markers());
        assertEquals(1, jdbc.summary().env().size());
        assertTrue(jdbc.summary().env().get(0).startsWith("JDBC_DATABASE_URL=jdbc:postgresql://"), jdbc.summary().env().toString());
        assertTrue(jdbc.summary().env().get(0).contains("password=<password>"), jdbc.summary().env().toString());
        // the same statements, proven the same: only the markers and the connection's form follow the driver
        assertEquals(guessed.summary().proofs(), jdbc.summary().proofs());
        AppReport node = check("discord-bot", "node-postgres");
        assertTrue(node.summary().env().get(0).startsWith("DATABASE_URL=postgres://"), node.summary().env().toString());
    }

    @Test
    void columnsWhoseTypeChangedListTheStatementsThatTouchThem() {
        AppReport bot = check("discord-bot", null);
        AppReport.Changed active = bot.summary().changedColumns().stream().filter(c -> c.column().equals("active"))
                .findFirst().orElseThrow();
        assertEquals("now boolean", active.change());
        assertEquals(List.of("bot.py:34", "cogs/stats.py:41", "db.py:49", "db.py:66", "db.py:77"), active.statements());
        AppReport node = check("node-service", null);
        assertTrue(node.summary().changedColumns().stream().anyMatch(c -> c.column().equals("meta")
                && c.change().equals("now jsonb") && c.statements().contains("src/repo/products.js:16")));
        assertTrue(node.summary().changedColumns().stream().anyMatch(c -> c.column().equals("created_at")
                && c.change().equals("now timestamp") && c.statements().contains("src/server.ts:19")));
    }

    @Test
    void tablesNotMigratedYetAreSaidPlainly(@TempDir Path dir) throws Exception {
        Migrated m = MIGRATED.get("node-service");
        Options empty = m.options().withTarget(TestPostgres.get().freshDatabase(), Secret.NONE);
        FerryException e = assertThrows(FerryException.class,
                () -> Migration.checkApp(APPS.resolve("node-service"), m.plan(), empty, null));
        assertEquals(FerryException.Kind.TARGET, e.kind());
        assertTrue(e.advice().contains("run ferry migrate first"), e.advice());
    }

    @Test
    void nothingIsWrittenToEitherDatabase() throws Exception {
        Migrated m = MIGRATED.get("discord-bot");
        byte[] before = Files.readAllBytes(m.options().source());
        List<String> rows = TestPostgres.get().rows(m.options().target(),
                "SELECT count(*) || ' ' || sum(id) FROM players UNION ALL SELECT count(*)::text FROM matches");
        check("discord-bot", null);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(m.options().source())), "the SQLite file changed");
        assertEquals(rows, TestPostgres.get().rows(m.options().target(),
                "SELECT count(*) || ' ' || sum(id) FROM players UNION ALL SELECT count(*)::text FROM matches"));
    }

    @Test
    void anOrmKeepsItsMarkersAndShowsItsOnePlaceToChange(@TempDir Path app) throws Exception {
        Files.writeString(app.resolve("models.py"), String.join("\n",
                "from sqlalchemy import create_engine, text",
                "",
                "engine = create_engine(\"sqlite:///league.db\")",
                "",
                "def player(conn, discord_id):",
                "    return conn.execute(text(\"SELECT id, name FROM players WHERE discord_id = :discord_id\"),",
                "                        {\"discord_id\": discord_id}).fetchone()",
                ""));
        Migrated m = MIGRATED.get("discord-bot");
        AppReport r = Migration.checkApp(app, m.plan(), m.options(), null);
        assertEquals("psycopg", r.summary().driver());
        assertEquals("models.py:3", r.summary().driverFrom());
        assertEquals(List.of("models.py:3 change the URL"), r.summary().changeHere().stream()
                .map(p -> p.file() + ":" + p.line() + " " + p.what()).toList());
        AppReport.Statement s = statement(r, "models.py:6");
        assertEquals(AppReport.UNCHANGED, s.status());
        assertEquals(StatementProof.PREPARED, s.proof());
        assertEquals("SELECT id, name FROM players WHERE discord_id = :discord_id", s.postgres(),
                "SQLAlchemy's text() takes :name on PostgreSQL too");
        assertTrue(r.summary().env().get(0).startsWith("DATABASE_URL=postgresql+psycopg://postgres:<password>@"),
                r.summary().env().toString());
    }

    @Test
    void aStatementPostgresRefusesIsFailedWithItsWordsAndTheAppIsNotProven() {
        // unproven-bot leans on two things SQLite allows and PostgreSQL refuses, against discord-bot's database
        Migrated m = MIGRATED.get("discord-bot");
        AppReport r = Migration.checkApp(APPS.resolve("unproven-bot"), m.plan(), m.options(), null);
        assertEquals(List.of("leaderboard.py:10", "leaderboard.py:16", "leaderboard.py:21"),
                r.statements().stream().map(AppReport.Statement::where).toList());
        AppReport.Statement grouped = statement(r, "leaderboard.py:10");
        assertEquals(StatementProof.FAILED, grouped.proof(), grouped.toString());
        assertEquals("PostgreSQL: column \"players.name\" must appear in the GROUP BY clause or be used in an aggregate "
                + "function", grouped.proofDetail());
        assertTrue(grouped.why().contains("PostgreSQL refuses it"), grouped.why());
        AppReport.Statement missing = statement(r, "leaderboard.py:16");
        assertEquals(StatementProof.FAILED, missing.proof(), missing.toString());
        assertEquals("PostgreSQL: column \"nickname\" does not exist", missing.proofDetail());
        assertEquals("SELECT nickname FROM players WHERE discord_id = $1", missing.postgres(), "still offered, in asyncpg's style");
        assertEquals(StatementProof.SAME, statement(r, "leaderboard.py:21").proof());
        assertEquals(2, r.summary().proofs(StatementProof.FAILED));
        assertFalse(r.proven(), "exit 5: two statements failed to prove");
    }

    /**
     * A server without ICU: the run could not make Ferry's nocase collation (simulated as ServerFit's tests
     * do, then the collation dropped as such a server never had it), and players.name, COLLATE NOCASE in
     * SQLite, became plain text. The app's case-insensitive comparisons and sorts are folded with lower() on
     * both sides instead, and give SQLite's rows; with the collation there, the same text uses it.
     */
    @Test
    void withoutIcuNocaseComparisonsAreFoldedWithLowerAndGiveTheSameRows(@TempDir Path dir) throws Exception {
        Path file = AppDatabases.write("discord-bot", dir);
        TargetAddress db = TestPostgres.get().freshDatabase();
        Options o = Options.of(file, db, TestPostgres.get().adminPassword());
        Plan plan;
        System.setProperty("ferry.fit.icu", "false");
        try {
            Migration m = new Migration(o, MigrationListener.NONE);
            plan = m.preflight();
            m.run(plan);
        } finally {
            System.clearProperty("ferry.fit.icu");
        }
        try (java.sql.Connection c = TestPostgres.get().connect(db); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP COLLATION IF EXISTS public.nocase");
        }
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("lookup.py"), String.join("\n",
                "import aiosqlite",
                "",
                "BY_NAME = \"SELECT id FROM players WHERE name = 'ADA'\"",
                "BY_TEAM = \"SELECT id FROM players WHERE team = 'RED' COLLATE NOCASE\"",
                "SORTED = \"SELECT name FROM players ORDER BY name COLLATE NOCASE\"",
                "FIND = \"SELECT id FROM players WHERE name = ?\"",
                ""));
        AppReport r = Migration.checkApp(app, plan, o, null);
        assertEquals("SELECT id FROM players WHERE lower(name) = lower('ADA')", statement(r, "lookup.py:3").postgres());
        assertEquals("SELECT id FROM players WHERE lower(team) = lower('RED')", statement(r, "lookup.py:4").postgres());
        assertEquals("SELECT name FROM players ORDER BY lower(name)", statement(r, "lookup.py:5").postgres());
        assertEquals("SELECT id FROM players WHERE lower(name) = lower($1)", statement(r, "lookup.py:6").postgres());
        for (String where : List.of("lookup.py:3", "lookup.py:4", "lookup.py:5")) {
            AppReport.Statement s = statement(r, where);
            assertEquals(AppReport.TRANSLATED, s.status(), s.toString());
            assertEquals(StatementProof.SAME, s.proof(), s.toString());
        }
        assertEquals(StatementProof.PREPARED, statement(r, "lookup.py:6").proof());
        assertTrue(r.proven(), r.statements().toString());
        assertEquals(List.of("1"), TestPostgres.get().rows(db, "SELECT count(*)::text FROM players WHERE name = 'ADA' OR name = 'Ada'"),
                "name compares exactly in this PostgreSQL: without the fold, BY_NAME would find nothing");

        // with ICU, the run's collation says the same thing without folding
        Migrated icu = MIGRATED.get("discord-bot");
        AppReport withIcu = Migration.checkApp(app, icu.plan(), icu.options(), null);
        for (String where : List.of("lookup.py:3", "lookup.py:4", "lookup.py:5")) {
            AppReport.Statement s = statement(withIcu, where);
            assertEquals(AppReport.UNCHANGED, s.status(), s.toString());
            assertEquals(s.sqlite(), s.postgres(), "COLLATE NOCASE names the run's collation: the app's text stays");
            assertEquals(StatementProof.SAME, s.proof(), s.toString());
        }
    }

    /**
     * reports.go:31 asks typeof(title) with a word bound: the translation, run on the migrated PostgreSQL, gives
     * the rows SQLite gives for the same word (PREPARE alone proves only that PostgreSQL accepts it).
     */
    @Test
    void reportsSearchGivesSqlitesRowsWithTheWordBound() throws Exception {
        Migrated m = MIGRATED.get("go-service");
        AppReport.Statement s = statement(check("go-service", null), "store/reports.go:31");
        assertEquals("SELECT id, title FROM items WHERE strpos(lower(title), lower($1)) > 0 AND "
                + "CASE WHEN title IS NULL THEN 'null' ELSE 'text' END = 'text'", s.postgres());
        for (String word : List.of("o", "TIPS", "", "nothing like it")) {
            List<String> sqlite = new java.util.ArrayList<>(), postgres = new java.util.ArrayList<>();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + m.options().source());
                 java.sql.PreparedStatement ps = c.prepareStatement(s.sqlite())) {
                ps.setString(1, word);
                rows(ps, sqlite);
            }
            try (java.sql.Connection c = TestPostgres.get().connect(m.options().target());
                 java.sql.PreparedStatement ps = c.prepareStatement(s.postgres().replace("$1", "?"))) {
                ps.setString(1, word);
                rows(ps, postgres);
            }
            assertEquals(sqlite, postgres, "word '" + word + "'");
            if (word.equals("o")) {
                assertEquals(List.of("1:Hello", "3:Postgres tips"), sqlite, "the NULL title (item 2) is in neither");
            }
        }
    }

    private static void rows(java.sql.PreparedStatement ps, List<String> into) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getLong(1) + ":" + rs.getString(2));
            }
        }
        java.util.Collections.sort(into);
    }

    private static AppReport.Statement statement(AppReport r, String where) {
        return r.statements().stream().filter(s -> s.where().equals(where)).findFirst().orElseThrow();
    }
}
