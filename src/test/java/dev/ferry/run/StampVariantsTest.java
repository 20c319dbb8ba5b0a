package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.Proof;
import dev.ferry.verify.Report;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stamp triggers written the ways real schemas write them (lower case, the key or the rowid under its
 * names, comments and line breaks, CURRENT_TIMESTAMP, strftime('%s','now') into a number column, a
 * table without a key) are each recreated as a BEFORE trigger, proven by firing, and stamp the row
 * when the app writes it in PostgreSQL.
 */
class StampVariantsTest {

    static TargetAddress target;
    static Result result;

    @BeforeAll
    static void migrate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stamps.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, last_update DATETIME, created DATETIME)",
                    "CREATE TABLE notes (body TEXT, seen INTEGER)");
            // the rows first: in SQLite the insert stamp would fire on them too
            db.insert("items", new Object[] {1L, "one", "2020-01-01 00:00:00", "2020-01-01 00:00:00"});
            db.insert("notes", new Object[] {"hello", 0L});
            db.sql(
                    "create trigger items_touch after update on items begin update items set last_update = DATETIME('NOW') "
                            + "where id = new.id; end",
                    "CREATE TRIGGER Items_Made -- when a row is added\n  AFTER INSERT ON \"Items\"\nBEGIN\n"
                            + "\t/* the row itself */ UPDATE Items SET created = CURRENT_TIMESTAMP\n\t WHERE ROWID = New.RowId ;\nEND",
                    "CREATE TRIGGER notes_seen AFTER UPDATE OF body ON notes BEGIN UPDATE notes SET seen = strftime('%s','now') "
                            + "WHERE _rowid_ = new._rowid_; END");
        }
        target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        result = m.run(m.preflight());
    }

    @Test
    void eachIsCreatedAsABeforeTriggerAndProvenByFiring() {
        assertEquals(3, result.triggers().size());
        for (Report.Item t : result.triggers()) {
            assertEquals("created", t.status(), t.name() + ": " + t.reason());
            assertEquals(Proof.PROVEN, t.proof().result(), t.name() + ": " + t.proof().text());
        }
        result.plan().triggers().forEach(t -> assertTrue(t.events().startsWith("BEFORE"), t.name() + ": " + t.events()));
    }

    @Test
    void theyStampTheRowsTheAppWrites() throws Exception {
        query(target, "UPDATE items SET name = 'uno' WHERE id = 1 RETURNING id");
        assertEquals("true", query(target, "SELECT (last_update > now() AT TIME ZONE 'UTC' - interval '10 minutes')::text "
                + "FROM items WHERE id = 1"), "stamped on update");
        assertEquals("2020-01-01 00:00:00", query(target, "SELECT created::text FROM items WHERE id = 1"),
                "the insert stamp does not fire on an update");
        String id = query(target, "INSERT INTO items (name) VALUES ('two') RETURNING id");
        assertEquals("true", query(target, "SELECT (created > now() AT TIME ZONE 'UTC' - interval '10 minutes')::text "
                + "FROM items WHERE id = " + id), "stamped on insert");
        query(target, "UPDATE notes SET body = 'bye' RETURNING body");
        assertEquals("true", query(target, "SELECT (abs(seen - extract(epoch FROM now())) < 600)::text FROM notes"),
                "Unix seconds, as strftime('%s','now') gives");
    }
}
