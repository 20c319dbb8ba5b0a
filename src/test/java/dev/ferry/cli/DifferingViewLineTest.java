package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.SakilaLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view whose rows differ in PostgreSQL is told on its own line, with why, and the report's item
 * says created-differs; the exit code stays 0, since every table arrived (the data is verified by them).
 */
class DifferingViewLineTest {

    @Test
    void aDifferingViewGetsOneLineAndTheExitStaysZero(@TempDir Path dir) throws Exception {
        Path file = SakilaLikeFixture.write(dir.resolve(SakilaLikeFixture.FILE_NAME));
        Path report = dir.resolve("report.json");
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", file.toString(), "--to",
                TestPostgres.url(TestPostgres.get().freshDatabase()), "--report", report.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("View payments 1997 was created but does not do what it did in SQLite: SQLite compared "
                + "these dates as text"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.contains("was created but does not do what it did in SQLite")).count(),
                r.out());
        String json = Files.readString(report);
        assertTrue(json.contains("\"status\" : \"created-differs\""), json);
        assertTrue(json.contains("\"result\" : \"differs\""), json);
    }
}
