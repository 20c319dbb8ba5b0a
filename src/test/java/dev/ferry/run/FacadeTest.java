package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the faces ask of the engine beside a run, through {@link Migration}'s static doors: the
 * source card's summary, the connection test, the existing-tables check, the backup, undo's preview
 * then undo, and a run aimed at another server. Real SQLite files and the real PostgreSQL.
 */
class FacadeTest {

    static Path file;

    @BeforeAll
    static void fixture(@TempDir Path dir) throws Exception {
        file = dir.resolve("shop.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE Artist (id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE TABLE album (id INTEGER PRIMARY KEY, artist_id INTEGER REFERENCES Artist(id), title TEXT)",
                    "CREATE VIEW titles AS SELECT title FROM album",
                    "CREATE TRIGGER named AFTER INSERT ON Artist BEGIN SELECT 1; END",
                    "INSERT INTO Artist VALUES (1, 'a'), (2, 'b')",
                    // SQLite enforces foreign keys only when asked, so a file can hold one pointing nowhere
                    "INSERT INTO album VALUES (1, 1, 'x'), (2, 2, 'y'), (3, 99, 'z')");
        }
    }

    @Test
    void theSummaryCountsChecksAndSaysHowFarItGot() throws Exception {
        List<String> steps = new ArrayList<>();
        SourceSummary s = Migration.summarize(file, new SourceSummary.Progress() {
            @Override
            public void counting(String table, int done, int of) {
                steps.add(table + " " + done + "/" + of);
            }

            @Override
            public void checking() {
                steps.add("checking");
            }

            @Override
            public boolean stopped() {
                return false;
            }
        });
        assertEquals(Map.of("Artist", 2L, "album", 3L), s.tables().stream()
                .collect(Collectors.toMap(SourceSummary.TableRows::name, SourceSummary.TableRows::rows)));
        assertEquals(5, s.rows());
        assertEquals(1, s.views());
        assertEquals(1, s.triggers());
        assertEquals(List.of(), s.virtualTables());
        assertEquals(List.of("ok"), s.integrity());
        assertTrue(s.intact());
        assertEquals(1, s.fkViolations(), "album 3 points at artist 99");
        assertEquals(0, s.walBytes());
        assertEquals(Files.size(file), s.bytes());
        assertEquals(file.toAbsolutePath().normalize(), s.file());
        assertEquals(3, steps.size(), steps.toString());
        assertTrue(steps.get(0).endsWith(" 0/2") && steps.get(1).endsWith(" 1/2"), steps.toString());
        assertEquals("checking", steps.get(2));
    }

    @Test
    void aSummaryNoLongerWantedEndsWithNothing() {
        assertNull(Migration.summarize(file, new SourceSummary.Progress() {
            @Override
            public void counting(String table, int done, int of) {
            }

            @Override
            public void checking() {
            }

            @Override
            public boolean stopped() {
                return true;
            }
        }));
    }

    @Test
    void theConnectionTestTellsVersionRightsAndTablesThatExist() throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        sql(db, "CREATE TABLE public.artist (id int)");
        ConnectionTest t = Migration.testConnection(db, TestPostgres.get().adminPassword(), List.of("Artist", "album"));
        assertFalse(t.serverVersion().isBlank());
        assertFalse(t.encrypted(), "the test server speaks without TLS");
        assertTrue(t.canCreate());
        assertEquals(List.of("artist"), t.existing(), "named as the default identifier style writes them");
    }

    @Test
    void theConnectionTestSaysWhenTheUserMayNotCreateTables() throws Exception {
        TestPostgres.get().execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ferry_nocreate') "
                + "THEN CREATE ROLE ferry_nocreate LOGIN; END IF; END$$");
        TargetAddress db = TestPostgres.get().freshDatabase();
        sql(db, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        TargetAddress as = new TargetAddress(db.host(), db.port(), db.database(), "ferry_nocreate", db.params(), db.passwordInUrl());
        assertFalse(Migration.testConnection(as, Secret.NONE, List.of("album")).canCreate());
    }

    @Test
    void existingListsOnlyWhatIsInThatSchema() throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        sql(db, "CREATE SCHEMA shop", "CREATE TABLE shop.album (id int)", "CREATE VIEW shop.titles AS SELECT 1 AS one",
                "CREATE TABLE public.artist (id int)");
        assertEquals(Set.of("album", "titles"), Set.copyOf(Migration.existing(db, TestPostgres.get().adminPassword(), "shop",
                Set.of("album", "titles", "artist"))));
    }

    @Test
    void aBackupGoesOnlyIntoAFolderThatExistsUnlessAskedToMakeIt(@TempDir Path dir) throws Exception {
        Path nested = dir.resolve("backups/shop.sqlite");
        FerryException e = assertThrows(FerryException.class, () -> Migration.backUp(file, nested));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(nested.getParent()));
        Migration.backUpMakingFolder(file, nested);
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + nested); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM album")) {
            rs.next();
            assertEquals(3, rs.getLong(1), "the copy holds the rows");
        }
        FerryException again = assertThrows(FerryException.class, () -> Migration.backUpMakingFolder(file, nested));
        assertTrue(again.getMessage().contains("does not overwrite"), again.getMessage());
    }

    @Test
    void undoPreviewChangesNothingThenUndoDropsWhatItShowed() throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Secret secret = TestPostgres.get().adminPassword();
        Migration m = new Migration(Options.of(file, db, secret), MigrationListener.NONE);
        assertEquals(Result.Status.DONE, m.run(m.preflight()).status());

        Undo preview = Migration.undoPreview(db, secret, "public", null);
        assertEquals(List.of("album", "artist"), preview.tables());
        assertEquals(List.of("titles"), preview.views());
        assertEquals(List.of(), preview.grown());
        assertEquals(Set.of("album", "artist"), Set.copyOf(TestPostgres.get().rows(db,
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")), "a preview drops nothing");

        Undo done = Migration.undo(db, secret, preview, false);
        assertEquals(List.of(), TestPostgres.get().rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
        assertEquals("undone", TestPostgres.get().rows(db, "SELECT status FROM ferry_journal.runs").get(0));
        assertFalse(done.schemaDropped(), "public was there before");
    }

    @Test
    void optionsAimedAtAnotherServerKeepEverythingElse() {
        TargetAddress mine = TargetAddress.parse("postgresql://app@db.example:5432/shop", Map.of());
        TargetAddress other = TargetAddress.parse("postgresql://postgres@localhost:6543/postgres", Map.of());
        Options o = Options.of(file, mine, new Secret("s3cret")).withSchema("shop").withJobs(3)
                .withIfExists(Options.IfExists.APPEND).withExcluded(Set.of("Album"));
        Options moved = o.withTarget(other, Secret.NONE);
        assertEquals(other, moved.target());
        assertFalse(moved.password().isPresent());
        assertEquals(o, moved.withTarget(mine, o.password()));
    }

    static void sql(TargetAddress db, String... statements) throws Exception {
        try (Connection c = TestPostgres.get().connect(db); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
