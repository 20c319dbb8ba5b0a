package dev.ferry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAL file in use is read from a private snapshot; one taken per open while the app writes.
 * Regression: the wizard plans again at every change on Review, and each plan of a busy file made
 * a full copy kept until Ferry closed; only the newest two (a run's and its plan's) are kept now.
 */
class LiveSnapshotTest {

    @Test
    void onlyTheNewestSnapshotsOfABusyFileAreKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.db");
        List<Path> snapshots = new ArrayList<>();
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = app.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            for (int i = 0; i < 4; i++) {
                s.execute("INSERT INTO t DEFAULT VALUES");
                Thread.sleep(20); // a new -wal modification time
                String url = ReadOnlyUri.of(file);
                snapshots.add(Path.of(URI.create(url.substring("jdbc:sqlite:".length()))));
            }
        }
        assertEquals(4, snapshots.stream().distinct().count(), "each open after a write sees the newest state");
        assertFalse(Files.exists(snapshots.get(0)));
        assertFalse(Files.exists(snapshots.get(1)));
        assertTrue(Files.exists(snapshots.get(2)) && Files.exists(snapshots.get(3)));
    }
}
