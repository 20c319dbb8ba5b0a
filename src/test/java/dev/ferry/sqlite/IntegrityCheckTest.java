package dev.ferry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.testing.DamagedFile;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite's check of the file beside a run (a migrate copies while it runs). What must happen: a
 * damaged file is told in the preflight's words when the check is joined, and to whoever waits for
 * it as soon as it is found; a sound file joins quietly; a check the run stops tells nothing; and
 * SQLite's own "damaged page" met by a reader (the copy) is told in the same words, while
 * PostgreSQL's "malformed array literal" is not taken for a damaged file.
 */
class IntegrityCheckTest {

    @Test
    void aDamagedFileIsToldWhenFoundAndWhenJoined(@TempDir Path dir) throws Exception {
        SqliteSource source = SqliteSource.open(DamagedFile.write(dir));
        IntegrityCheck check = source.checkBeside();
        CountDownLatch told = new CountDownLatch(1);
        check.whenDamaged(told::countDown);
        assertTrue(told.await(60, TimeUnit.SECONDS), "told as soon as found");
        assertTrue(check.damaged());
        FerryException e = assertThrows(FerryException.class, check::join);
        assertEquals(FerryException.Kind.SOURCE, e.kind());
        assertTrue(e.getMessage().startsWith("damaged.sqlite is damaged: SQLite's own check of the file failed"), e.getMessage());
        assertEquals(e.getMessage(), assertThrows(FerryException.class, source::check).getMessage(), "the preflight's words");
    }

    @Test
    void aSoundFileJoinsQuietly(@TempDir Path dir) throws Exception {
        IntegrityCheck check = SqliteSource.open(DamagedFile.sound(dir)).checkBeside();
        check.join();
        assertFalse(check.damaged());
    }

    @Test
    void aStoppedCheckTellsNothing(@TempDir Path dir) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        IntegrityCheck check = SqliteSource.open(DamagedFile.write(dir)).checkBeside(() -> {
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CountDownLatch told = new CountDownLatch(1);
        check.whenDamaged(told::countDown);
        check.stop();
        stopped.countDown();
        assertFalse(told.await(2, TimeUnit.SECONDS), "the run stopped for another reason: the damage is not its to tell");
        assertFalse(check.damaged());
    }

    @Test
    void sqlitesDamagedPageMetByAReaderIsToldAsTheCheckTellsIt() {
        Path file = Path.of("/data/app.db");
        SQLException corrupt = new SQLiteException("[SQLITE_CORRUPT] The database disk image is malformed (database disk "
                + "image is malformed)", SQLiteErrorCode.SQLITE_CORRUPT);
        FerryException copy = new FerryException(FerryException.Kind.FAILED, "Copying table notes stopped: "
                + corrupt.getMessage(), "…", corrupt);
        FerryException told = IntegrityCheck.damage(file, copy);
        assertNotNull(told);
        assertEquals(FerryException.Kind.SOURCE, told.kind());
        assertEquals("app.db is damaged: SQLite's own check of the file failed (The database disk image is malformed "
                + "(database disk image is malformed)).", told.getMessage());
        assertNull(IntegrityCheck.damage(file, new FerryException(FerryException.Kind.FAILED, "Copying table t stopped",
                "…", new SQLException("ERROR: malformed array literal: \"{1,\"", "22P02"))), "PostgreSQL's words are not SQLite's");
        assertNull(IntegrityCheck.damage(file, new IllegalStateException("something else")));
    }
}
