package dev.ferry.cli;

import static dev.ferry.cli.CommandLineTest.ferry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationEvent;
import dev.ferry.run.Options;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate --resume and undo as a script sees them: messages and exit codes. */
class ResumeUndoCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void anUnfinishedRunIsRefusedThenResumedThenUndone() throws Exception {
        Path file = ChinookLikeFixture.write(dir);
        TargetAddress db = TestPostgres.get().freshDatabase();
        String url = TestPostgres.url(db);
        cancelEarly(file, db);

        CommandLineTest.Run refused = ferry(null, "migrate", file.toString(), "--to", url);
        assertEquals(4, refused.code(), refused.all());
        assertTrue(refused.err().contains("did not finish") && refused.err().contains("--resume")
                && refused.err().contains("ferry undo --to " + url), refused.err());

        CommandLineTest.Run resumed = ferry(null, "migrate", file.toString(), "--to", url, "--resume");
        assertEquals(0, resumed.code(), resumed.all());
        assertTrue(resumed.out().contains("Every table arrived"), resumed.out());

        CommandLineTest.Run noTerminal = ferry(null, "undo", "--to", url);
        assertEquals(2, noTerminal.code(), noTerminal.all());
        assertTrue(noTerminal.out().contains("Undo drops 8 tables (album, artist"), noTerminal.out());
        assertTrue(noTerminal.err().contains("--yes") && noTerminal.err().contains("Nothing was dropped"), noTerminal.err());

        CommandLineTest.Run undone = ferry(null, "undo", "--to", url, "--yes");
        assertEquals(0, undone.code(), undone.all());
        assertTrue(undone.out().contains("Undone: 8 tables dropped."), undone.out());

        CommandLineTest.Run nothing = ferry(null, "undo", "--to", url, "--yes");
        assertEquals(4, nothing.code(), nothing.all());
        assertTrue(nothing.err().contains("no run into schema public"), nothing.err());
    }

    @Test
    void resumeOfAChangedFileExitsThree() throws Exception {
        Path file = ChinookLikeFixture.write(dir);
        TargetAddress db = TestPostgres.get().freshDatabase();
        cancelEarly(file, db);
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("INSERT INTO Artist (Name) VALUES ('Added after the cancel')");
        }
        CommandLineTest.Run r = ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db), "--resume");
        assertEquals(3, r.code(), r.all());
        assertTrue(r.err().contains("has changed since"), r.err());
    }

    @Test
    void undoAsksForForceWhenRowsWereAdded() throws Exception {
        Path file = ChinookLikeFixture.write(dir);
        TargetAddress db = TestPostgres.get().freshDatabase();
        String url = TestPostgres.url(db);
        assertEquals(0, ferry(null, "migrate", file.toString(), "--to", url, "--schema", "shop").code());
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement()) {
            s.execute("INSERT INTO shop.playlist (name) VALUES ('Added later')");
        }
        CommandLineTest.Run refused = ferry(null, "undo", "--to", url, "--schema", "shop", "--yes");
        assertEquals(4, refused.code(), refused.all());
        assertTrue(refused.err().contains("Rows were added") && refused.err().contains("--force"), refused.err());
        CommandLineTest.Run forced = ferry(null, "undo", "--to", url, "--schema", "shop", "--yes", "--force");
        assertEquals(0, forced.code(), forced.all());
        assertTrue(forced.out().contains("and schema shop"), forced.out());
        assertEquals(2, ferry(null, "undo", "--to", url, "--run", "not-an-id", "--yes").code());
        assertEquals(0, ferry(null, "undo", "--help").code());
    }

    /** A run cancelled after its first chunk (50 rows), as a Ctrl-C leaves it. */
    static void cancelEarly(Path file, TargetAddress db) {
        Options o = new Options(file, db, TestPostgres.get().adminPassword(), "public", Options.IfExists.FAIL, 1,
                Naming.Style.LOWER, Map.of(), 50);
        AtomicReference<Migration> m = new AtomicReference<>();
        m.set(new Migration(o, e -> {
            if (e instanceof MigrationEvent.RowsCopied) {
                m.get().cancel();
            }
        }));
        Plan plan = m.get().preflight();
        FerryException e = assertThrows(FerryException.class, () -> m.get().run(plan));
        assertEquals(130, e.kind().exitCode);
    }
}
