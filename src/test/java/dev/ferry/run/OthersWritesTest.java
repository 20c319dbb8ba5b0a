package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static dev.ferry.run.TriggersTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a migrate, a row someone else adds, changes or drops in PostgreSQL shows as their write; Ferry's own rows do not. */
class OthersWritesTest {

    @Test
    void rowsFerryDidNotWriteAreNoticed(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Path file = dir.resolve("app.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO a VALUES (1, 'x'), (2, 'y')",
                    "CREATE TABLE b (id INTEGER PRIMARY KEY, v REAL)", "INSERT INTO b VALUES (1, 1.5)",
                    "CREATE TABLE c (note TEXT)", "INSERT INTO c VALUES ('n')");
        }
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        UUID run = UUID.fromString(query(target, "SELECT run_id FROM ferry_journal.runs"));

        try (PgTarget pg = PgTarget.connect(target, TestPostgres.get().adminPassword(), 3)) {
            assertEquals(List.of(), OthersWrites.since(run, r.plan(), pg, 2));

            execute(target, "UPDATE public.b SET v = 2.5 WHERE id = 1");
            execute(target, "INSERT INTO public.c VALUES ('theirs')");
            assertEquals(List.of("b", "c"), OthersWrites.since(run, r.plan(), pg, 2).stream().sorted().toList());

            execute(target, "DROP TABLE public.a");
            assertEquals(List.of("a", "b", "c"), OthersWrites.since(run, r.plan(), pg, 2).stream().sorted().toList());
        }
    }
}
