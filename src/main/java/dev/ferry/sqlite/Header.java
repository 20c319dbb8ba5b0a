package dev.ferry.sqlite;

import dev.ferry.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells apart the ways a file can fail to be a usable SQLite database, so the message says which
 * one it is: empty, something else entirely, encrypted, locked by a writer, or damaged. The first
 * 16 bytes of every SQLite file are "SQLite format 3\0"; an encrypted one (SQLCipher) starts with
 * random salt instead, and all of it looks random.
 */
final class Header {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SAMPLE = 64 * 1024;

    private Header() {
    }

    /** Refuses, before SQLite sees it, a file that is empty or does not start like a SQLite database. */
    static void check(Path file) {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = in.readNBytes(SAMPLE);
        } catch (IOException e) {
            throw new FerryException(FerryException.Kind.SOURCE, "Ferry could not read " + file + ": " + e.getMessage(),
                    "Check that the file is there and that you may read it.", e);
        }
        if (size == 0) {
            throw new FerryException(FerryException.Kind.SOURCE, file.getFileName() + " is empty (0 bytes): it holds no "
                    + "database.", "Pick the file your app actually writes to; an app that never ran leaves an empty one.");
        }
        if (head.length >= MAGIC.length && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return;
        }
        if (looksEncrypted(head, size)) {
            throw encrypted(file, null);
        }
        throw new FerryException(FerryException.Kind.SOURCE, file.getFileName() + " is not a SQLite database.",
                "Make sure this is the database file itself (often ending in .db, .sqlite or .sqlite3), not a backup "
                        + "archive, an export or another program's file.");
    }

    /** Whole pages of bytes that look random: what an encrypted database is, and what nothing else usually is. */
    static boolean looksEncrypted(byte[] head, long size) {
        if (size % 512 != 0 || head.length < 1024) {
            return false;
        }
        int[] counts = new int[256];
        for (byte b : head) {
            counts[b & 0xff]++;
        }
        double entropy = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / head.length;
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy > 7.5; // bits per byte: text is around 4-5, compressed or encrypted data close to 8
    }

    /** What SQLite said when the file would not open, in the user's terms. */
    static FerryException unreadable(Path file, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
        String text = String.valueOf(e.getMessage());
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED || text.contains("database is locked")) {
            return new FerryException(FerryException.Kind.SOURCE, "Another program is writing to " + file.getFileName()
                    + " and keeps it locked: Ferry waited " + SqliteSource.LOCKED_WAIT_MILLIS / 1000 + " s for it to finish.",
                    "Stop the app that uses the database (your bot, server or script), or wait until it is done, then "
                            + "try again. Ferry only reads the file, but needs a moment when nobody is writing.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_NOTADB || text.contains("file is not a database")) {
            return encrypted(file, e);
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT || text.contains("malformed")) {
            return damaged(file, text, e);
        }
        return new FerryException(FerryException.Kind.SOURCE, file.getFileName() + " is not a SQLite database Ferry can read.",
                "Make sure this is the database file itself, not a backup archive or an encrypted copy.", e);
    }

    static FerryException damaged(Path file, String report, SQLException e) {
        return new FerryException(FerryException.Kind.SOURCE, file.getFileName() + " is damaged: SQLite's own check of "
                + "the file failed (" + report + ").", "Ferry copies only a sound database. Keep this file as it is, then "
                + "try a repaired copy: sqlite3 " + file.getFileName() + " \".recover\" | sqlite3 repaired.db, and migrate "
                + "repaired.db; or use a recent backup.", e).tagged(IntegrityCheck.DAMAGED);
    }

    private static FerryException encrypted(Path file, SQLException e) {
        return new FerryException(FerryException.Kind.SOURCE, file.getFileName() + " looks encrypted (for example with "
                + "SQLCipher), or is not a SQLite database at all: SQLite cannot read it.", "Ferry reads plain SQLite "
                + "files. Export a decrypted copy with the app or tool that holds the key (for SQLCipher: ATTACH a plain "
                + "database and SELECT sqlcipher_export), then migrate that copy.", e);
    }
}
