package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.cli.CliRunner;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise "your SQLite file is never changed", for a WAL-mode file whose newest rows are only
 * in its -wal (never checkpointed): after every kind of run, the file, its -wal and its -shm are
 * byte for byte as before and nothing new lies beside them; and every row, WAL included, is read.
 */
class SourceUntouchedTest {

    static final int ROWS = 1500;

    /**
     * The files as a live app leaves them, copied while the writer holds them open (-wal and -shm
     * when asked for), or, {@code clean}, the main file alone after the app closed it.
     */
    static Path walFile(Path dir, boolean withWal, boolean withShm, boolean clean) throws Exception {
        Path live = Files.createDirectories(dir.resolve("live")), copy = Files.createDirectories(dir.resolve("copy"));
        try (Connection w = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("app.db"));
             Statement s = w.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, at TEXT)");
            for (int i = 1; i <= ROWS; i++) {
                s.execute("INSERT INTO item (name, at) VALUES ('item " + i + "', '2024-05-0" + (i % 9 + 1) + " 10:00:00')");
            }
            if (!clean) {
                Files.copy(live.resolve("app.db"), copy.resolve("app.db"));
            }
            if (withWal) {
                Files.copy(live.resolve("app.db-wal"), copy.resolve("app.db-wal"));
            }
            if (withShm) {
                Files.copy(live.resolve("app.db-shm"), copy.resolve("app.db-shm"));
            }
        }
        if (clean) {
            Files.copy(live.resolve("app.db"), copy.resolve("app.db")); // closing checkpointed every page into it
        }
        return copy.resolve("app.db");
    }

    static Map<String, String> snapshot(Path file) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var files = Files.list(file.getParent())) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    @Test
    void everyKindOfRunLeavesTheWalFileAndItsSideFilesAsTheyWere(@TempDir Path dir) throws Exception {
        Path file = walFile(dir, true, true, false);
        Map<String, String> before = snapshot(file);
        assertEquals(3, before.size(), before.toString());

        String[] inspect = CliRunner.run("inspect", file.toString());
        assertEquals("0", inspect[0], inspect[2]);
        assertEquals(before, snapshot(file), "inspect");

        TargetAddress target = TestPostgres.get().freshDatabase();
        String url = TestPostgres.url(target);
        String[] migrate = CliRunner.run("migrate", file.toString(), "--to", url);
        assertEquals("0", migrate[0], migrate[2]);
        assertEquals(ROWS, count(target, "SELECT count(*) FROM public.item"), "the rows only in the -wal arrived too");
        assertEquals(before, snapshot(file), "migrate");

        String[] verify = CliRunner.run("verify", file.toString(), "--to", url);
        assertEquals("0", verify[0], verify[1] + verify[2]);
        assertEquals(before, snapshot(file), "verify");

        String[] refused = CliRunner.run("migrate", file.toString(), "--to", "postgresql://postgres@127.0.0.1:1/postgres");
        assertEquals("4", refused[0], refused[2]);
        assertEquals(before, snapshot(file), "failed migrate");

        TargetAddress other = TestPostgres.get().freshDatabase();
        Migration[] run = new Migration[1];
        run[0] = new Migration(Options.of(file, other, TestPostgres.get().adminPassword()), e -> {
            if (e instanceof MigrationEvent.PhaseStarted p && p.phase() == MigrationEvent.Phase.COPY) {
                run[0].cancel();
            }
        });
        FerryException cancelled = assertThrows(FerryException.class, () -> run[0].run(run[0].preflight()));
        assertEquals(FerryException.Kind.INTERRUPTED, cancelled.kind());
        assertEquals(before, snapshot(file), "cancelled migrate");

        String[] rehearse = CliRunner.run("rehearse", file.toString());
        assertEquals("0", rehearse[0], rehearse[2]);
        assertEquals(before, snapshot(file), "rehearse");
    }

    @Test
    void aWalFileWithoutItsSideFilesIsReadWholeAndGetsNoneMade(@TempDir Path dir) throws Exception {
        for (boolean clean : new boolean[] {false, true}) {
            // a -wal without -shm: left by a crash or copied alone; clean: the app closed, every page is in the main file
            Path file = walFile(dir.resolve(clean ? "clean" : "no-shm"), !clean, false, clean);
            Map<String, String> before = snapshot(file);
            String[] inspect = CliRunner.run("inspect", file.toString(), "--json");
            assertEquals("0", inspect[0], inspect[2]);
            assertEquals(before, snapshot(file), "inspect");
            assertEquals(clean ? 1 : 2, before.size(), before.toString());
            assertTrue(inspect[1].contains(String.valueOf(ROWS)), inspect[1]);
        }
    }
}
