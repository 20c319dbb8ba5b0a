package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A LATIN1 database (old servers, some hosts) was found out half way: tables created, then "has no
 * equivalent in encoding LATIN1", then advice to resume that could not help. Now: a file whose text
 * does not fit is refused before anything is written, naming a value and the fix; a file whose text
 * all fits goes on, verified, and the run says it checked.
 */
class NonUtf8DatabaseTest {

    private static TargetAddress latin1Database() {
        TestPostgres pg = TestPostgres.get();
        String name = "ferry_latin1_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        pg.execute("CREATE DATABASE " + name + " ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        return TestPostgres.withDatabase(pg.freshDatabase(), name);
    }

    @Test
    void textThatDoesNotFitIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("names.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE artists (id INTEGER PRIMARY KEY, name TEXT)",
                    "INSERT INTO artists (name) VALUES ('Björk'), ('Tchaikovsky'), ('Чайковский')");
        }
        TargetAddress target = latin1Database();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        FerryException e = assertThrows(FerryException.class, () -> m.run(m.preflight()));
        assertEquals(FerryException.Kind.TARGET, e.kind());
        assertTrue(e.getMessage().contains("LATIN1") && e.getMessage().contains("Чайковский"), e.getMessage());
        assertTrue(e.advice().startsWith("Nothing was changed.") && e.advice().contains("ENCODING 'UTF8'"), e.advice());
        assertEquals("0", ResumeTest.query(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    @Test
    void textThatFitsGoesOnAndTheRunSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE artists (id INTEGER PRIMARY KEY, name TEXT)",
                    "INSERT INTO artists (name) VALUES ('Björk'), ('Sigur Rós'), ('plain')");
        }
        TargetAddress target = latin1Database();
        List<String> notes = new ArrayList<>();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), event -> {
            if (event instanceof MigrationEvent.Note n) {
                notes.add(n.text());
            }
        });
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        assertTrue(notes.stream().anyMatch(n -> n.contains("LATIN1") && n.contains("all of them fit")), notes.toString());
        assertEquals("Sigur Rós", ResumeTest.query(target, "SELECT name FROM artists WHERE id = 2"));
    }
}
