package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.DamagedFile;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ferry migrate` on a file damaged where its plan does not read (the plan comes from a sample, and
 * SQLite's check goes on beside the copy). What must happen, as for a file whose damage the
 * preflight finds: the same plain words, exit code 3, and nothing of the run left in PostgreSQL.
 */
class DamagedSourceCommandLineTest {

    @Test
    void damageFoundDuringTheRunIsToldWithExitCode3AndLeavesNoTable(@TempDir Path dir) throws Exception {
        Path file = DamagedFile.write(dir);
        TargetAddress db = TestPostgres.get().freshDatabase();
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db), "--yes");
        assertEquals(3, r.code(), r.all());
        assertTrue(r.err().contains("Error: damaged.sqlite is damaged: SQLite's own check of the file failed"), r.err());
        assertTrue(r.err().contains("What to do: "), r.err());
        try (Connection c = TestPostgres.get().connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "no table left behind: " + r.err());
        }
    }
}
