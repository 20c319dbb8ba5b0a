package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.sqlite.SqliteSource;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.Checksums;
import dev.ferry.verify.Proof;
import dev.ferry.verify.Report;
import dev.ferry.verify.TableCheck;
import dev.ferry.verify.ViewProof;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proofs themselves: a view is compared whole, or past the row limit on a sample chosen by
 * the rows' contents, and says which; a trigger that fails when PostgreSQL fires it becomes
 * created-differs (the run stays DONE: the data is verified by the tables); a RAISE refusing the
 * change is its proof; nothing the proofs fire is left behind; the verify command proves the same.
 */
class ViewAndTriggerProofsTest {

    static Path file;
    static TargetAddress target;
    static Migration migration;
    static Result result;

    @BeforeAll
    static void migrate(@TempDir Path dir) throws Exception {
        file = dir.resolve("proofs.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, sold BOOLEAN, "
                            + "at DATETIME, code TEXT UNIQUE)",
                    "CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, item_id INTEGER, n INTEGER)",
                    "CREATE VIEW every_item AS SELECT * FROM item",
                    "CREATE VIEW sold_items AS SELECT id, price * 2 AS twice FROM item WHERE sold = 1",
                    "CREATE TRIGGER item_number AFTER UPDATE ON item BEGIN INSERT INTO log (item_id, n) "
                            + "VALUES (NEW.id, CAST(NEW.name AS INTEGER)); END",
                    "CREATE TRIGGER item_keep BEFORE DELETE ON item BEGIN SELECT RAISE(ABORT, 'items are kept'); END",
                    "CREATE TRIGGER item_added AFTER INSERT ON item BEGIN INSERT INTO log (item_id) VALUES (NEW.id); END");
            for (int i = 1; i <= 300; i++) {
                db.insert("item", new Object[] {(long) i, "item " + i, i / 4.0, (long) (i % 2), "2024-01-02 03:04:"
                        + String.format("%02d", i % 60) + ".000", "C" + i});
            }
        }
        target = TestPostgres.get().freshDatabase();
        migration = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        result = migration.run(migration.preflight());
    }

    static Map<String, Report.Item> byName(java.util.List<Report.Item> items) {
        return items.stream().collect(Collectors.toMap(Report.Item::name, i -> i));
    }

    @Test
    void viewsAreComparedWholeOrOnASampleThatSaysSo() {
        Report.Item every = byName(result.views()).get("every_item");
        assertEquals("created", every.status());
        assertEquals("the same 300 rows in SQLite and PostgreSQL", every.proof().text());
        assertEquals("created", byName(result.views()).get("sold_items").status(), "0/1 against false/true, 1 against 1.0");

        Plan.ViewPlan v = result.plan().views().stream().filter(p -> p.source().equals("every_item")).findFirst().orElseThrow();
        try (PgTarget pg = PgTarget.connect(target, TestPostgres.get().adminPassword(), 2)) {
            Proof sampled = new ViewProof(SqliteSource.open(file), pg, result.plan().schema(), 50, Duration.ofSeconds(30))
                    .prove(v.source(), v.target());
            assertEquals(Proof.PROVEN, sampled.result(), sampled.text());
            assertEquals(300L, sampled.sqliteRows());
            assertTrue(sampled.text().startsWith("the same 300 rows in SQLite and PostgreSQL; compared a sample of "),
                    sampled.text());
        }
    }

    @Test
    void aTriggerThatFailsWhenFiredDiffersAndTheRunStaysDone() {
        assertEquals(Result.Status.DONE, result.status());
        Map<String, Report.Item> triggers = byName(result.triggers());
        Report.Item number = triggers.get("item_number");
        assertEquals("created-differs", number.status());
        assertTrue(number.reason().startsWith("it fails when it fires: PostgreSQL said ") && number.reason().contains("bigint"),
                number.reason());
        Report.Item keep = triggers.get("item_keep");
        assertEquals("created", keep.status());
        assertTrue(keep.proof().text().contains("items are kept"), keep.proof().text());
        assertEquals(Proof.PROVEN, triggers.get("item_added").proof().result(), triggers.get("item_added").proof().text());
    }

    @Test
    void theProofsLeaveNothingBehindAndVerifyProvesTheSame() throws Exception {
        assertEquals("300", query(target, "SELECT count(*) FROM log"), "SQLite's 300 rows, none the proofs' triggers wrote");
        Ddl ddl = new Ddl(result.plan().schema());
        try (PgTarget pg = PgTarget.connect(target, TestPostgres.get().adminPassword(), 2)) {
            for (TableCheck t : result.tables()) {
                Checksums.Sum now = Checksums.target(result.plan().table(t.source()).orElseThrow(), pg, ddl);
                assertEquals(t.targetRows(), now.rows(), t.source());
                assertEquals(t.targetChecksum(), now.checksum(), t.source());
            }
        }
        Result verified = migration.verify(migration.preflight());
        assertEquals(Result.Status.DONE, verified.status());
        assertEquals("the same 300 rows in SQLite and PostgreSQL", byName(verified.views()).get("every_item").proof().text());
        assertEquals("created-differs", byName(verified.triggers()).get("item_number").status());
        // The proofs set no sequence back (on a database in use, another program's id could then be handed out twice):
        // the copied table's own ids are never used up, and an audit table its triggers wrote to keeps a gap at most.
        String items = query(target, "SELECT pg_get_serial_sequence('item', 'id')");
        assertEquals("301 false", query(target, "SELECT last_value || ' ' || is_called FROM " + items),
                "no id of the table the proofs inserted into was used up: the next is 301, as the copy left it");
        String log = query(target, "SELECT pg_get_serial_sequence('log', 'id')");
        assertEquals("t", query(target, "SELECT (SELECT last_value FROM " + log + ") >= (SELECT max(id) FROM log)"),
                "the audit table's next id comes after every row, never one twice");
    }
}
