package dev.ferry.testing;

import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A SQLite file damaged where planning does not read it: 60,000 short rows, then a last one of 40 KB
 * that SQLite keeps on overflow pages, one of whose links to the next page points past the file's
 * end. Counting the rows and a sample of them (even the 16,384 rows of a migrate's, whose last
 * slice ends before the last row) never read those pages; SQLite's check and the copy do.
 */
public final class DamagedFile {

    private static final int ROWS = 60_000;

    private DamagedFile() {
    }

    /** The damaged file, damaged.sqlite in {@code dir}. */
    public static Path write(Path dir) throws Exception {
        Path file = sound(dir);
        breakOverflowLink(file);
        return file;
    }

    /** The same file before it is damaged. */
    public static Path sound(Path dir) throws Exception {
        Path file = dir.resolve("damaged.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + (ROWS - 1) + ") "
                            + "INSERT INTO notes SELECT i, printf('note number %d, with some words', i) FROM n",
                    "INSERT INTO notes VALUES (" + ROWS + ", replace(hex(zeroblob(20000)), '0', 'Z'))");
        }
        return file;
    }

    /** Points an overflow page's link to the next one (its first 4 bytes) at a page the file does not have. */
    public static void breakOverflowLink(Path file) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] page = new byte[4096];
            for (long at = f.length() - page.length; at > 0; at -= page.length) {
                f.seek(at);
                f.readFully(page);
                boolean spill = (page[0] | page[1] | page[2] | page[3]) != 0; // the chain's last page links nowhere
                for (int i = 4; i < 200 && spill; i++) {
                    spill = page[i] == 'Z';
                }
                if (spill) {
                    f.seek(at);
                    f.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0});
                    return;
                }
            }
        }
        throw new AssertionError("no overflow page of the long row in " + file);
    }
}
