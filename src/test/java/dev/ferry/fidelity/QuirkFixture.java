package dev.ferry.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.plan.Problem;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * One SQLite file with every quirk of the problem catalogue, each built by its own method so the
 * quirk is readable next to the name of the test that covers it in depth. The file lives in a
 * folder with a space and unicode in its name, with an unusual extension, in WAL mode with pages
 * that were never checkpointed.
 */
public final class QuirkFixture {

    /** Kinds the default run must report for this file. */
    static final List<Problem.Kind> EXPECTED_KINDS = List.of(Problem.Kind.DOES_NOT_FIT, Problem.Kind.UNSAFE_TEXT,
            Problem.Kind.NAME_CHANGED, Problem.Kind.FOREIGN_KEY_VIOLATED, Problem.Kind.FULL_TEXT_TABLE,
            Problem.Kind.VIRTUAL_TABLE, Problem.Kind.CHECK_VIOLATED);

    private QuirkFixture() {
    }

    public static Path write(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("my data ☃"));
        Path file = folder.resolve("bot store.data");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            misfits(f);            // run/MisfitResolutionsTest
            unsafeText(f);         // run/UnsafeTextTest
            datesAndTimes(f);      // mapping/DateTimeRulesTest
            booleansJsonUuid(f);   // mapping/TypePlannerTest
            identifiers(f);        // target/NamingTest, run/HostileNamesTest
            tableKinds(f);         // source/SqliteSourceTest
            brokenForeignKey(f);   // run/ChinookLikeMigrationTest
            virtualTables(f);      // run/VirtualTablesTest
            schemaFeatures(f);     // run/NowDefaultsTest, CheckConstraintsTest, GeneratedColumnsTest, NocaseTest,
                                   // PartialExpressionIndexesTest
            viewsAndTriggers(f);   // run/NorthwindViewsTest, run/TriggersTest
        }
        walWithUncheckpointedPages(file); // run/SourceUntouchedTest, run/LiveWriterTest
        return file;
    }

    private static void misfits(SqliteFixture f) throws Exception {
        f.sql("CREATE TABLE misfit (id INTEGER PRIMARY KEY, qty INTEGER, price REAL, flag BOOLEAN, small SMALLINT)",
                "INSERT INTO misfit (qty, price, flag, small) VALUES (1, 1.5, 1, 5), ('lots', 'n/a', 'maybe', 70000), "
                        + "(2.5, 3, 0, -1), (9223372036854775807, -0.0, 'yes', 32767)");
    }

    private static void unsafeText(SqliteFixture f) throws Exception {
        f.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, latin TEXT)",
                "INSERT INTO notes (body, latin) VALUES ('fine', 'fine'), (CAST(x'610062' AS TEXT), CAST(x'636166E9' AS TEXT)), "
                        + "('emoji 🚢', NULL)");
    }

    private static void datesAndTimes(SqliteFixture f) throws Exception {
        f.sql("CREATE TABLE times (id INTEGER PRIMARY KEY, iso DATETIME, tee TIMESTAMP, zoned DATETIME, day DATE, "
                        + "secs DATETIME, millis TIMESTAMP, julian DATETIME, clock TIME, mixed DATETIME)",
                "INSERT INTO times (iso, tee, zoned, day, secs, millis, julian, clock, mixed) VALUES "
                        + "('2024-05-01 10:00:00', '2024-05-01T10:00:00.123', '2024-05-01 10:00:00Z', '2024-05-01', 1714557600, "
                        + "1714557600123, 2460432.5, '10:00', '2024-05-01'), "
                        + "('2024-12-31 23:59:59.999999', '2024-02-29T00:00', '2024-05-01T10:00:00+02:00', '1999-12-31', 0, 0, "
                        + "2451544.5, '23:59:59.5', 1714557600)");
    }

    private static void booleansJsonUuid(SqliteFixture f) throws Exception {
        f.sql("CREATE TABLE kinds (id INTEGER PRIMARY KEY, yes_no BOOLEAN, tf BOOL, doc JSON, meta TEXT, uid UUID, bid UUID)",
                "INSERT INTO kinds (yes_no, tf, doc, meta, uid, bid) VALUES ('yes', 't', '{\"a\":1}', '[1,2]', "
                        + "'0f8fad5b-d9cb-469f-a165-70867728950e', randomblob(16)), ('no', 'f', '\"just a string\"', "
                        + "'{\"b\":{\"c\":null}}', '7c9e6679-7425-40de-944b-e07fc1f90ae7', randomblob(16)), "
                        + "(1, 0, 'null', NULL, NULL, NULL)");
    }

    private static void identifiers(SqliteFixture f) throws Exception {
        f.sql("CREATE TABLE \"Order Details\" (\"Order ID\" INTEGER, \"select\" TEXT, \"a\"\"quote\" TEXT, [br] TEXT, "
                        + "\"ünï\" TEXT, Name TEXT, NAME2 TEXT)",
                "INSERT INTO \"Order Details\" VALUES (1, 'x', 'y', 'z', 'ü', 'n', 'm')",
                "CREATE TABLE " + "t".repeat(70) + " (" + "c".repeat(64) + "1 TEXT, " + "c".repeat(64) + "2 TEXT)",
                "INSERT INTO " + "t".repeat(70) + " VALUES ('one', 'two')");
    }

    private static void tableKinds(SqliteFixture f) throws Exception {
        f.sql("CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID",
                "INSERT INTO kv VALUES ('a', x'00ff'), ('b', NULL)",
                "CREATE TABLE strict_t (id INTEGER PRIMARY KEY, n INT, r REAL, t TEXT, b BLOB, a ANY) STRICT",
                "INSERT INTO strict_t (n, r, t, b, a) VALUES (1, 2.5, 'x', x'01', 'any'), (2, 3, 'y', NULL, 7)",
                "CREATE TABLE auto (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)",
                "INSERT INTO auto (v) VALUES ('a'), ('b')", "DELETE FROM auto WHERE v = 'b'");
    }

    private static void brokenForeignKey(SqliteFixture f) throws Exception {
        f.sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)",
                "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id) ON DELETE CASCADE)",
                "INSERT INTO parent VALUES (1)", "INSERT INTO child (parent_id) VALUES (1), (42)");
    }

    private static void virtualTables(SqliteFixture f) throws Exception {
        f.sql("CREATE VIRTUAL TABLE docs_fts USING fts5(title, body)",
                "INSERT INTO docs_fts (rowid, title, body) VALUES (10, 'hello', 'ferry world')",
                "CREATE VIRTUAL TABLE boxes USING rtree(id, x0, x1)", "INSERT INTO boxes VALUES (1, 0, 1)");
    }

    private static void schemaFeatures(SqliteFixture f) throws Exception {
        f.sql("CREATE TABLE account (id INTEGER PRIMARY KEY, email TEXT COLLATE NOCASE UNIQUE, "
                        + "created TEXT DEFAULT (datetime('now')), stamp TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), "
                        + "jd REAL DEFAULT (julianday('now')), n INTEGER DEFAULT '0', note TEXT DEFAULT 'null', "
                        + "age INTEGER CHECK (age >= 0), deleted INTEGER NOT NULL DEFAULT 0, "
                        + "upper_email TEXT GENERATED ALWAYS AS (upper(email)) STORED, "
                        + "CONSTRAINT sane CHECK (length(email) > 3))",
                "CREATE INDEX account_live ON account (email) WHERE deleted = 0",
                "CREATE INDEX account_lower ON account (lower(email))",
                "PRAGMA ignore_check_constraints = 1", // an old row from before the check was added
                "INSERT INTO account (email, age) VALUES ('Bob@x.org', 30), ('ann@y.org', -1)",
                "PRAGMA ignore_check_constraints = 0");
    }

    private static void viewsAndTriggers(SqliteFixture f) throws Exception {
        f.sql("CREATE TABLE \"Order Lines\" (id INTEGER PRIMARY KEY, product TEXT, qty INTEGER, at DATETIME, "
                        + "updated_at DATETIME)",
                "INSERT INTO \"Order Lines\" (product, qty, at) VALUES ('tea', 2, '2024-05-01 10:00:00'), "
                        + "('tea', 1, '2024-06-01 11:00:00'), ('cake', 1, '2024-06-02 12:00:00')",
                "CREATE VIEW [Product Totals] AS SELECT product, sum(qty) AS total, group_concat(id, ';') AS ids, "
                        + "strftime('%Y-%m', max(at)) AS last_month FROM [Order Lines] GROUP BY product",
                "CREATE VIEW top_product AS SELECT ifnull(product, '?') AS p FROM `Product Totals` ORDER BY total DESC LIMIT 1",
                "CREATE TABLE audit (id INTEGER PRIMARY KEY, line INTEGER, what TEXT, at DATETIME)",
                "CREATE TRIGGER lines_touch AFTER UPDATE ON \"Order Lines\" FOR EACH ROW BEGIN "
                        + "UPDATE \"Order Lines\" SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id; END",
                "CREATE TRIGGER lines_audit AFTER INSERT ON \"Order Lines\" BEGIN "
                        + "INSERT INTO audit (line, what, at) VALUES (NEW.id, 'insert', datetime('now')); END");
    }

    /** WAL mode with every row only in the -wal: the copies are taken while the writer still holds the file. */
    private static void walWithUncheckpointedPages(Path file) throws Exception {
        Path live = file.resolveSibling("live-" + file.getFileName());
        Files.copy(file, live);
        try (Connection w = DriverManager.getConnection("jdbc:sqlite:" + live); Statement s = w.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("CREATE TABLE late (id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO late (v) VALUES ('only in the wal'), ('me too')");
            Files.copy(live, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(live.resolveSibling(live.getFileName() + "-wal"), file.resolveSibling(file.getFileName() + "-wal"));
            Files.copy(live.resolveSibling(live.getFileName() + "-shm"), file.resolveSibling(file.getFileName() + "-shm"));
        }
        Files.delete(live);
    }

    /** Rows of a table in the SQLite file, counted by SQLite itself. */
    static long rows(Path file, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toUri().getRawPath() + "?mode=ro&immutable=0",
                new org.sqlite.SQLiteConfig().toProperties()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What the target must hold beyond counts: a few values that prove each conversion. */
    static void checkTarget(Connection c) throws Exception {
        assertEquals("bytea", type(c, "notes", "body"));
        assertEquals("text", type(c, "misfit", "qty"));
        assertEquals("timestamp with time zone", type(c, "times", "zoned"));
        assertEquals("timestamp without time zone", type(c, "times", "secs"));
        assertEquals("timestamp without time zone", type(c, "times", "julian"));
        assertEquals("uuid", type(c, "kinds", "uid"));
        assertEquals("uuid", type(c, "kinds", "bid"));
        assertEquals("jsonb", type(c, "kinds", "doc"));
        assertEquals("boolean", type(c, "kinds", "yes_no"));
        assertEquals(2, EveryQuirkTest.one(c, "SELECT count(*) FROM late"), "rows only in the -wal arrived");
        assertEquals(1, EveryQuirkTest.one(c, "SELECT count(*) FROM docs_fts WHERE search @@ to_tsquery('simple', 'ferry')"));
        assertEquals(2, EveryQuirkTest.one(c, "SELECT count(*) FROM information_schema.views WHERE table_name IN "
                + "('product totals', 'top_product')"), "views over tables with spaces");
        assertEquals(1, EveryQuirkTest.one(c, "SELECT count(*) FROM top_product WHERE p = 'tea'"));
        assertEquals(2, EveryQuirkTest.one(c, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'lines_%'"));
        assertEquals(0, EveryQuirkTest.one(c, "SELECT count(*) FROM audit"), "the copy fired no trigger");
        c.createStatement().execute("INSERT INTO \"order lines\" (product, qty) VALUES ('pie', 1)");
        assertEquals(1, EveryQuirkTest.one(c, "SELECT count(*) FROM audit"), "a new row fires the translated trigger");
        assertEquals(1, EveryQuirkTest.one(c, "SELECT count(*) FROM account WHERE email = 'BOB@X.ORG'"), "NOCASE kept");
        assertEquals(1, EveryQuirkTest.one(c, "SELECT count(*) FROM account WHERE upper_email = 'BOB@X.ORG'"), "generated");
        c.createStatement().execute("INSERT INTO account (email, age) VALUES ('new@z.org', 1)");
        assertEquals(1, EveryQuirkTest.one(c, "SELECT count(*) FROM account WHERE email = 'new@z.org' AND created IS NOT NULL "
                + "AND stamp LIKE '____-__-__T__:__:__.___Z' AND n = 0"), "translated defaults");
        assertEquals(2, EveryQuirkTest.one(c, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('account_live', 'account_lower')"));
        assertEquals(2, EveryQuirkTest.one(c, "SELECT count(DISTINCT column_name) FROM information_schema.columns WHERE "
                + "table_name = '" + "t".repeat(63) + "' OR table_name LIKE 'tttttttttt%'"), "names cut to 63 bytes stay distinct");
    }

    private static String type(Connection c, String table, String column) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT data_type FROM information_schema.columns WHERE table_name = '"
                + table + "' AND column_name = '" + column + "'")) {
            return rs.next() ? rs.getString(1) : "missing";
        }
    }
}
