package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.query;
import static dev.ferry.run.UndoTest.sql;
import static dev.ferry.run.UndoTest.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.cli.CliRunner;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.TableCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --if-exists append and truncate: existing tables are checked before any row moves, filled
 * without being recreated, verified on the rows the run added, and never dropped by undo.
 */
class AppendTruncateTest {

    static Path file;

    // the app's table as someone already made it in PostgreSQL: wider types, a serial id, an extra column
    static final String NOTE = "CREATE TABLE public.note (id bigserial PRIMARY KEY, title text NOT NULL, body text, "
            + "added timestamptz DEFAULT now(), flag boolean)";

    @BeforeAll
    static void fixture(@TempDir Path dir) throws Exception {
        file = dir.resolve("notes.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE note (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT)",
                    "CREATE TABLE tag (name TEXT)");
            db.insert("note", new Object[] {10L, "ten", "x"}, new Object[] {11L, "eleven", null}, new Object[] {12L, "twelve", "z"});
            db.insert("tag", new Object[] {"red"}, new Object[] {"blue"});
        }
    }

    static Options options(TargetAddress target, Options.IfExists policy) {
        return Options.of(file, target, TestPostgres.get().adminPassword()).withIfExists(policy);
    }

    @Test
    void appendAddsTheRowsVerifiesOnlyThemAndUndoKeepsTheTable() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, NOTE, "INSERT INTO public.note (title) VALUES ('mine')");
        Migration m = new Migration(options(target, Options.IfExists.APPEND), MigrationListener.NONE);
        Result r = m.run(m.preflight());

        assertEquals(Result.Status.DONE, r.status());
        TableCheck note = r.tables().stream().filter(t -> t.target().equals("note")).findFirst().orElseThrow();
        assertEquals(3, note.sourceRows());
        assertEquals(3, note.targetRows(), "the check covers the rows this run added");
        assertTrue(note.checksumMatch());
        assertEquals(4, count(target, "SELECT count(*) FROM public.note"));
        assertEquals("mine", query(target, "SELECT title FROM public.note WHERE id = 1"));
        assertEquals(1, count(target, "SELECT count(*) FROM pg_indexes WHERE tablename = 'note'"), "no second key");
        assertEquals(13, count(target, "INSERT INTO public.note (title) VALUES ('next') RETURNING id"), "serial moved on");

        Undo u = m.undo(null, false);
        assertEquals(List.of("tag"), u.tables());
        assertTrue(u.kept().get(0).contains("note"), u.kept().toString());
        assertEquals(Set.of("note"), tables(target, "public"));
        assertEquals(5, count(target, "SELECT count(*) FROM public.note"), "nothing of the table that was there is dropped");
    }

    @Test
    void truncateEmptiesOnlyTheMigratedTablesThenFillsThem() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, NOTE, "INSERT INTO public.note (title) SELECT 'old ' || g FROM generate_series(1, 5) g",
                "CREATE TABLE public.other (x int)", "INSERT INTO public.other VALUES (1)");
        Migration m = new Migration(options(target, Options.IfExists.TRUNCATE), MigrationListener.NONE);
        Result r = m.run(m.preflight());

        assertEquals(Result.Status.DONE, r.status());
        assertEquals(3, count(target, "SELECT count(*) FROM public.note"));
        assertEquals(0, count(target, "SELECT count(*) FROM public.note WHERE title LIKE 'old%'"));
        assertEquals(1, count(target, "SELECT count(*) FROM public.other"));
        assertEquals(List.of("tag"), m.undo(null, false).tables());
        assertEquals(Set.of("note", "other"), tables(target, "public"));
    }

    @Test
    void anIncompatibleTableIsNamedBeforeAnyRowMoves() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE public.note (id bigint, title integer, body text)", "INSERT INTO public.note VALUES (1, 1, 'a')");
        for (Options.IfExists policy : List.of(Options.IfExists.APPEND, Options.IfExists.TRUNCATE)) {
            Migration m = new Migration(options(target, policy), MigrationListener.NONE);
            FerryException e = assertThrows(FerryException.class, () -> m.run(m.preflight()));
            assertEquals(FerryException.Kind.TARGET, e.kind());
            assertTrue(e.getMessage().contains("column title is integer there"), e.getMessage());
        }
        sql(target, "DROP TABLE public.note", "CREATE TABLE public.note (id bigint, title text, body text, owner int NOT NULL)");
        Migration m = new Migration(options(target, Options.IfExists.APPEND), MigrationListener.NONE);
        FerryException e = assertThrows(FerryException.class, () -> m.run(m.preflight()));
        assertTrue(e.getMessage().contains("column owner that needs a value"), e.getMessage());
        assertEquals(Set.of("note"), tables(target, "public"), "tag was not created");
        assertEquals(0, count(target, "SELECT count(*) FROM public.note"));
    }

    @Test
    void truncateAsksFirstAndTheCommandLineExitsFourOnAnIncompatibleTable() throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        sql(target, "CREATE TABLE public.note (id bigint, title integer, body text)");
        String url = TestPostgres.url(target);
        String[] asked = CliRunner.run("migrate", file.toString(), "--to", url, "--if-exists", "truncate");
        assertEquals("2", asked[0], asked[2]);
        String[] refused = CliRunner.run("migrate", file.toString(), "--to", url, "--if-exists", "append");
        assertEquals("4", refused[0], refused[2]);
        assertTrue(refused[2].contains("column title is integer there"), refused[2]);
    }
}
