package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.TriggersTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal made by the Ferry before triggers and collations were recreated knows only tables,
 * views and schemas; the next run brings it up to date instead of failing to record a function,
 * and undo then drops that function too.
 */
class JournalUpgradeTest {

    @Test
    void anEarlierJournalLearnsFunctionsAndCollations(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Path first = dir.resolve("first.sqlite");
        try (SqliteFixture db = SqliteFixture.at(first)) {
            db.sql("CREATE TABLE a (id INTEGER PRIMARY KEY)");
        }
        Migration m1 = new Migration(Options.of(first, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        m1.run(m1.preflight());
        // a run now makes the nocase collation whenever the server has ICU (for the app's own COLLATE NOCASE); the Ferry
        // of that earlier journal made none for this table, so it is taken away with its record, as that Ferry left it
        execute(target, "DELETE FROM ferry_journal.objects WHERE kind = 'collation'");
        execute(target, "DROP COLLATION public.nocase");
        execute(target, "ALTER TABLE ferry_journal.objects DROP CONSTRAINT objects_kind_check, ADD CONSTRAINT "
                + "objects_kind_check CHECK (kind IN ('table', 'view', 'schema'))");

        Path second = dir.resolve("second.sqlite");
        try (SqliteFixture db = SqliteFixture.at(second)) {
            db.sql("CREATE TABLE b (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE)", "CREATE TABLE log (id INTEGER)",
                    "CREATE TRIGGER b_ins AFTER INSERT ON b BEGIN INSERT INTO log VALUES (NEW.id); END");
        }
        Migration m2 = new Migration(Options.of(second, target, TestPostgres.get().adminPassword()).withSchema("other"),
                MigrationListener.NONE);
        assertEquals(Result.Status.DONE, m2.run(m2.preflight()).status());
        assertEquals(2, count(target, "SELECT count(*) FROM ferry_journal.objects WHERE kind IN ('function', 'collation')"));

        m2.undo(null, false);
        assertEquals(0, count(target, "SELECT count(*) FROM pg_proc WHERE proname = 'b_ins_fn'"));
        assertEquals(0, count(target, "SELECT count(*) FROM pg_collation WHERE collname = 'nocase'"));
    }
}
