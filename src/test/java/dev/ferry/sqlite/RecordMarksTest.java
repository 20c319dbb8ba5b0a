package dev.ferry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.SqliteFixture;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page walk gives every row SQLite gives, in rowid order, with a hash that follows the record's
 * bytes (overflow pages too); on bytes that are not what the format says it gives up instead of
 * answering: a page of another kind, a pointer out of the file, a page reached twice, a file cut
 * short, a WAL with frames beside it.
 */
class RecordMarksTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void make() throws Exception {
        file = dir.resolve("t.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, b BLOB)",
                    "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000) "
                            + "INSERT INTO t SELECT i * 3 - 100, 'value ' || i, CASE WHEN i % 500 = 0 THEN zeroblob(9000) END FROM s");
        }
    }

    private int root() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return RecordMarks.roots(c).get("T");
        }
    }

    private List<long[]> walk() throws Exception {
        List<long[]> out = new ArrayList<>();
        try (RecordMarks m = RecordMarks.open(file)) {
            m.walk(root(), (rowid, hash) -> out.add(new long[] {rowid, hash}));
        }
        return out;
    }

    @Test
    void everyRowInRowidOrderAsSqliteHasIt() throws Exception {
        List<long[]> marks = walk();
        List<Long> rowids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
            while (rs.next()) {
                rowids.add(rs.getLong(1));
            }
        }
        assertEquals(rowids, marks.stream().map(m -> m[0]).toList());
        assertEquals(-97, marks.get(0)[0], "negative rowids come first");
    }

    @Test
    void theHashFollowsTheRecordEvenInItsOverflowPages() throws Exception {
        Map<Long, Long> before = byRowid(walk());
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("UPDATE t SET b = CAST(zeroblob(8000) || x'07' || zeroblob(999) AS BLOB) WHERE id = 1500 * 3 - 100",
                    "UPDATE t SET v = 'value 7' WHERE id = 7 * 3 - 100"); // the same value again
        }
        Map<Long, Long> after = byRowid(walk());
        int differ = 0;
        for (Map.Entry<Long, Long> e : before.entrySet()) {
            if (!e.getValue().equals(after.get(e.getKey()))) {
                differ++;
                assertEquals(1500 * 3 - 100, e.getKey());
            }
        }
        assertEquals(1, differ);
        assertNotEquals(before.get(1000L * 3 - 100), before.get(1500L * 3 - 100), "rows of other values hash apart");
    }

    private static Map<Long, Long> byRowid(List<long[]> marks) {
        Map<Long, Long> out = new java.util.HashMap<>();
        marks.forEach(m -> out.put(m[0], m[1]));
        return out;
    }

    /** Writes {@code bytes} at {@code offset} of the file. */
    private void poke(long offset, byte... bytes) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.write(bytes);
        }
    }

    private int pageSize() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(16);
            return f.readUnsignedShort();
        }
    }

    @Test
    void aPageOfAnotherKindStopsTheWalk() throws Exception {
        int root = root();
        poke((long) (root - 1) * pageSize(), (byte) 0x0A); // the root said to be an index leaf
        RecordMarks.Unreadable e = assertThrows(RecordMarks.Unreadable.class, this::walk);
        assertTrue(e.getMessage().contains("not a page of a rowid table"), e.getMessage());
    }

    @Test
    void aPointerOutOfTheFileOrBackToAPageAlreadyReadStopsTheWalk() throws Exception {
        int root = root(), ps = pageSize();
        long rightmost = (long) (root - 1) * ps + 8; // an interior root: its right-most child pointer
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek((long) (root - 1) * ps);
            assertEquals(0x05, f.read(), "the table spans several pages");
        }
        poke(rightmost, (byte) 0x7f, (byte) 0, (byte) 0, (byte) 0);
        assertThrows(RecordMarks.Unreadable.class, this::walk);
        poke(rightmost, (byte) (root >>> 24), (byte) (root >>> 16), (byte) (root >>> 8), (byte) root); // a cycle
        RecordMarks.Unreadable e = assertThrows(RecordMarks.Unreadable.class, this::walk);
        assertTrue(e.getMessage().contains("already read"), e.getMessage());
    }

    @Test
    void aFileCutShortStopsTheWalk() throws Exception {
        int root = root();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() - 3L * pageSize());
        }
        try (RecordMarks m = RecordMarks.open(file)) {
            assertThrows(RecordMarks.Unreadable.class, () -> m.walk(root, (rowid, hash) -> { }));
        }
    }

    @Test
    void aCellPointerOutOfThePageStopsTheWalk() throws Exception {
        int root = root(), ps = pageSize();
        long leaf;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek((long) (root - 1) * ps + 8);
            leaf = f.readInt(); // the right-most leaf
        }
        poke((leaf - 1) * ps + 8, (byte) 0xff, (byte) 0xff); // its first cell said to start past the page's end
        assertThrows(RecordMarks.Unreadable.class, this::walk);
    }

    @Test
    void aRollbackJournalInUseIsNotReadPageByPage() throws Exception {
        byte[] header = new byte[512];
        byte[] magic = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63, (byte) 0xd7};
        System.arraycopy(magic, 0, header, 0, magic.length);
        Files.write(ReadOnlyUri.side(file, "-journal"), header);
        RecordMarks.Unreadable e = assertThrows(RecordMarks.Unreadable.class, () -> RecordMarks.open(file));
        assertTrue(e.getMessage().contains("journal"), e.getMessage());
        Files.write(ReadOnlyUri.side(file, "-journal"), new byte[512]); // a journal kept but finished (PERSIST): its header zeroed
        RecordMarks.open(file).close();
    }

    @Test
    void aWalWithFramesIsNotReadPageByPage() throws Exception {
        Files.write(ReadOnlyUri.side(file, "-wal"), new byte[64]);
        RecordMarks.Unreadable e = assertThrows(RecordMarks.Unreadable.class, () -> RecordMarks.open(file));
        assertTrue(e.getMessage().contains("WAL"), e.getMessage());
    }
}
