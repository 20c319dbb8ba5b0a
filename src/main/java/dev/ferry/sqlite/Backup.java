package dev.ferry.sqlite;

import dev.ferry.FerryException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A verified copy of the source (--backup): SQLite's online backup, read through the same
 * read-only connection as everything else (so a writer keeps working and the copy is consistent),
 * then SQLite's integrity_check on the copy. The copy is written beside its final name and moved
 * there only once checked, so a file at that name is always a good backup, and never one the user
 * had before: an existing file is refused, not overwritten.
 */
public final class Backup {

    private Backup() {
    }

    public static void write(SqliteSource source, Path to) {
        Path dest = to.toAbsolutePath().normalize();
        if (Files.exists(dest)) {
            throw new FerryException(FerryException.Kind.FAILED, "There is already a file at " + dest + "; Ferry does not "
                    + "overwrite files with a backup.", "Choose a new name for the backup, or move that file away.");
        }
        Path dir = dest.getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new FerryException(FerryException.Kind.FAILED, "Ferry cannot write the backup into folder " + dir
                    + ": it does not exist or may not be written to.", "Choose a folder you can write to.");
        }
        String name = dest.toString();
        if (name.contains("\"") && name.contains("'")) {
            throw new FerryException(FerryException.Kind.FAILED, "The backup's path holds both kinds of quote marks, "
                    + "which SQLite's backup cannot take.", "Choose a name without quote marks.");
        }
        Path partial = dir.resolve("." + dest.getFileName() + ".ferry-partial");
        try {
            Files.deleteIfExists(partial); // a leftover of an earlier attempt that stopped: it was never a backup
            try (Connection c = source.connect(); Statement s = c.createStatement()) {
                String quoted = partial.toString().contains("\"") ? "'" + partial + "'" : "\"" + partial + "\"";
                s.executeUpdate("backup to " + quoted);
            } catch (SQLException e) {
                throw failed(source, e);
            }
            check(partial);
            Files.move(partial, dest); // no REPLACE_EXISTING: a file that appeared meanwhile is not overwritten
        } catch (FileAlreadyExistsException e) {
            throw new FerryException(FerryException.Kind.FAILED, "A file appeared at " + dest + " while Ferry wrote the "
                    + "backup; Ferry did not overwrite it.", "Choose a new name for the backup.", e);
        } catch (IOException e) {
            throw new FerryException(FerryException.Kind.FAILED, "Ferry could not write the backup to " + dest + ": "
                    + e.getMessage(), "Check the folder and the free space, then try again.", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing more to do: the name says it is not a backup
            }
        }
    }

    /** SQLite's own full check of the copy: a backup nobody can restore from is worse than none. */
    private static void check(Path copy) {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI); // a URI keeps '?' and '#' in names intact
        try (Connection c = config.createConnection("jdbc:sqlite:" + copy.toUri());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            String first = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(first)) {
                throw new FerryException(FerryException.Kind.FAILED, "The backup Ferry wrote did not pass SQLite's "
                        + "integrity check (" + first + "), so it was removed.", "Check the disk, then try again.");
            }
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.FAILED, "Ferry could not check the backup it wrote.",
                    "Check the disk, then try again. See the details.", e);
        }
    }

    /** Reading the source is what failed (exit 3), or writing the copy (exit 1). */
    private static FerryException failed(SqliteSource source, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED || code == SQLiteErrorCode.SQLITE_CORRUPT
                || code == SQLiteErrorCode.SQLITE_NOTADB) {
            return Header.unreadable(source.file(), e);
        }
        return new FerryException(FerryException.Kind.FAILED, "Ferry could not write the backup: " + e.getMessage(),
                "Check the folder and the free space, then try again. The SQLite file was not changed.", e);
    }
}
