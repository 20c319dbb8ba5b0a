package dev.ferry.sqlite;

import dev.ferry.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How to open a SQLite file so that not one byte beside it changes. A read-only connection to a
 * WAL-mode database still writes its -shm file (it rebuilds the WAL index there, and marks where it
 * reads), and creates -wal and -shm when they are missing. So, by what is on disk:
 * <ul>
 *   <li>rollback journal: plain read-only; nothing else is opened.</li>
 *   <li>WAL, with -wal and -shm: the app likely has the file open and may write during the run.
 *       Ferry reads it once through {@code readonly_shm=1} (SQLite reads the index from -shm, or
 *       builds its own in memory, and never writes it) with SQLite's backup API into a private
 *       copy, and the whole run reads that copy: one consistent snapshot, whatever the app writes
 *       meanwhile, and the app's locks are held only for the copy.</li>
 *   <li>WAL, no -wal: every page is in the main file, so {@code immutable=1} (no locks, no side
 *       files) reads all of it.</li>
 *   <li>WAL, a -wal but no -shm (left by a crash, or a copied file): SQLite cannot read it without
 *       writing a -shm, so Ferry reads a private copy of the two files instead.</li>
 * </ul>
 */
final class ReadOnlyUri {

    /** Private copies by the original's path and state, so the several opens of one run share one. */
    private static final Map<String, Path> SNAPSHOTS = new ConcurrentHashMap<>();

    private ReadOnlyUri() {
    }

    static String of(Path file) {
        if (!walMode(file)) {
            return "jdbc:sqlite:" + file.toUri();
        }
        Path wal = side(file, "-wal"), shm = side(file, "-shm");
        if (Files.exists(wal) && Files.exists(shm)) {
            return "jdbc:sqlite:" + liveSnapshot(file, wal).toUri();
        }
        if (!Files.exists(wal)) {
            return "jdbc:sqlite:" + file.toUri() + "?immutable=1";
        }
        return "jdbc:sqlite:" + snapshot(file, wal).toUri();
    }

    private static boolean walMode(Path file) {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            // bytes 18 and 19 of the header: the file format versions, 2 meaning WAL
            return in.readNBytes(header, 0, 20) == 20 && header[18] == 2 && header[19] == 2;
        } catch (IOException e) {
            return false; // opening will tell what is wrong with it
        }
    }

    static Path side(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static Path snapshot(Path file, Path wal) {
        try {
            String key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file) + "|" + Files.size(wal) + "|"
                    + Files.getLastModifiedTime(wal);
            return SNAPSHOTS.computeIfAbsent(key, k -> copy(file, wal));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** A consistent private copy of a WAL file that may be in use, made with SQLite's backup API. */
    private static Path liveSnapshot(Path file, Path wal) {
        try {
            String key = "live|" + file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file) + "|" + Files.size(wal)
                    + "|" + Files.getLastModifiedTime(wal);
            Path made = SNAPSHOTS.computeIfAbsent(key, k -> backup(file));
            forgetOlder(file, made);
            return made;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The newest live snapshots per file: older ones are deleted, or a wizard re-planning a busy file fills the disk. */
    private static final Map<Path, java.util.Deque<Path>> LIVE = new ConcurrentHashMap<>();
    private static final int LIVE_KEPT = 2; // a run's, and the plan's made just before it

    private static void forgetOlder(Path file, Path made) {
        java.util.Deque<Path> kept = LIVE.computeIfAbsent(file, f -> new java.util.ArrayDeque<>());
        synchronized (kept) {
            if (kept.contains(made)) {
                return;
            }
            kept.addFirst(made);
            while (kept.size() > LIVE_KEPT) {
                Path old = kept.removeLast();
                SNAPSHOTS.values().remove(old);
                try {
                    for (String suffix : new String[] {"-wal", "-shm", "-journal", ""}) {
                        Files.deleteIfExists(side(old, suffix));
                    }
                    Files.deleteIfExists(old.getParent());
                } catch (IOException e) {
                    // deleted on exit instead
                }
            }
        }
    }

    private static Path backup(Path file) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ferry-snapshot");
        } catch (IOException e) {
            throw snapshotFailed(file, e);
        }
        Path db = dir.resolve("source.db");
        dir.toFile().deleteOnExit();
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            side(db, suffix).toFile().deleteOnExit();
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(30_000);
        try (java.sql.Connection c = config.createConnection("jdbc:sqlite:" + file.toUri() + "?readonly_shm=1");
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("backup to " + db.toAbsolutePath());
        } catch (java.sql.SQLException e) {
            throw snapshotFailed(file, e);
        }
        return db;
    }

    private static FerryException snapshotFailed(Path file, Exception e) {
        return new FerryException(FerryException.Kind.SOURCE, file.getFileName() + " is in use (it has -wal and -shm files), "
                + "and Ferry could not make the private snapshot it reads such a file from, so that what your app writes "
                + "meanwhile cannot mix into the run: " + e.getMessage(),
                "Check the free space in the temporary folder (Ferry needs about the size of the file), or stop the app "
                        + "and try again.", e);
    }

    private static Path copy(Path file, Path wal) {
        try {
            Path dir = Files.createTempDirectory("ferry-snapshot");
            Path db = dir.resolve("source.db");
            dir.toFile().deleteOnExit(); // deleted last: files registered later go first
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                side(db, suffix).toFile().deleteOnExit();
            }
            Files.copy(file, db, StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(wal, side(db, "-wal"), StandardCopyOption.COPY_ATTRIBUTES);
            return db;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static FerryException unreadable(Path file, IOException e) {
        return new FerryException(FerryException.Kind.SOURCE, file.getFileName() + " has a -wal file but no -shm file, "
                + "and Ferry could not make the private copy it reads such a file from: " + e.getMessage(),
                "Check the free space in the temporary folder, or open the database once with the app (or sqlite3) "
                        + "so SQLite tidies it, then try again.", e);
    }
}
