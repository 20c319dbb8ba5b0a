package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.query;
import static dev.ferry.run.TriggersTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.TableCheck;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished run notes in its journal what each table it created held once verified (rows and
 * verify's checksum), so that a later final sync can tell whether someone else wrote there since.
 * Tables that were there before (--if-exists append) hold others' rows too and are not noted.
 */
class JournalVerifiedTest {

    @Test
    void aFinishedRunNotesWhatEachCreatedTableHeld(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Path file = dir.resolve("app.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO a VALUES (1, 'x'), (2, 'y'), (3, NULL)",
                    "CREATE TABLE b (v REAL)", "INSERT INTO b VALUES (1.5)");
        }
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());

        for (TableCheck t : r.tables()) {
            String where = " FROM ferry_journal.verified WHERE table_name = '" + t.target() + "'";
            assertEquals(t.targetRows(), count(target, "SELECT rows_after" + where));
            assertEquals(t.targetChecksum(), count(target, "SELECT checksum_after" + where));
        }
        assertEquals(3, count(target, "SELECT rows_after FROM ferry_journal.verified WHERE table_name = 'a'"));
        assertEquals(2, count(target, "SELECT count(*) FROM ferry_journal.verified"));

        UUID run = UUID.fromString(query(target, "SELECT run_id FROM ferry_journal.runs"));
        try (Connection c = TestPostgres.get().connect(target)) {
            Map<String, Journal.Verified> read = Journal.verified(c, run);
            assertEquals(2, read.size());
            for (TableCheck t : r.tables()) {
                assertEquals(new Journal.Verified(t.targetRows(), t.targetChecksum()), read.get(t.target()));
            }
        }
    }

    @Test
    void aJournalWithoutTheRecordLearnsIt(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Path first = dir.resolve("first.sqlite");
        try (SqliteFixture db = SqliteFixture.at(first)) {
            db.sql("CREATE TABLE a (id INTEGER PRIMARY KEY)");
        }
        Migration m1 = new Migration(Options.of(first, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        m1.run(m1.preflight());
        execute(target, "DROP TABLE ferry_journal.verified"); // as an earlier Ferry left it

        Path second = dir.resolve("second.sqlite");
        try (SqliteFixture db = SqliteFixture.at(second)) {
            db.sql("CREATE TABLE c (id INTEGER PRIMARY KEY)", "INSERT INTO c VALUES (7)");
        }
        Migration m2 = new Migration(Options.of(second, target, TestPostgres.get().adminPassword()).withSchema("other"),
                MigrationListener.NONE);
        assertEquals(Result.Status.DONE, m2.run(m2.preflight()).status());
        assertEquals(1, count(target, "SELECT rows_after FROM ferry_journal.verified WHERE table_name = 'c'"));
    }
}
