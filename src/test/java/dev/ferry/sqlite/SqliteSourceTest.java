package dev.ferry.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.schema.Catalog;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSourceTest {

    @TempDir
    Path dir;

    /** A small database at a plain name, then moved to {@code name} (the fixture's URL cannot carry '?'). */
    private Path database(String name) throws Exception {
        Path plain = dir.resolve("build-" + System.nanoTime() + ".sqlite");
        try (SqliteFixture db = SqliteFixture.at(plain)) {
            db.sql("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT NOT NULL)",
                    "CREATE INDEX album_title ON album(title)")
              .insert("album", new Object[] {1L, "Blue Train"}, new Object[] {2L, "Kind of Blue"},
                      new Object[] {3L, "Ágætis byrjun"});
        }
        Path target = dir.resolve(name);
        Files.move(plain, target);
        return target;
    }

    private static List<String> titles(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT title FROM album ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static FerryException assertSourceError(Path path) {
        FerryException e = assertThrows(FerryException.class, () -> SqliteSource.open(path));
        assertEquals(FerryException.Kind.SOURCE, e.kind());
        assertNotNull(e.getMessage());
        assertNotNull(e.advice());
        return e;
    }

    @Test
    void missingFileIsASourceError() {
        FerryException e = assertSourceError(dir.resolve("nothing-here.sqlite"));
        assertTrue(e.getMessage().contains("nothing-here.sqlite"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("nothing-here.sqlite")), "opening must not create the file");
    }

    @Test
    void directoryIsASourceError() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("a folder"));
        FerryException e = assertSourceError(folder);
        assertTrue(e.getMessage().contains("folder"), e.getMessage());
    }

    @Test
    void textFileIsASourceError() throws Exception {
        Path text = dir.resolve("notes.sqlite");
        Files.writeString(text, "This is not a database, just some notes.\n".repeat(50));
        byte[] before = Files.readAllBytes(text);
        FerryException e = assertSourceError(text);
        assertTrue(e.getMessage().contains("notes.sqlite"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(text));
    }

    @Test
    void emptyFileIsRefusedAsEmptyAndStaysEmpty() throws Exception {
        // SQLite would treat a 0-byte file as a valid database with nothing in it; Ferry says it is empty.
        Path empty = Files.createFile(dir.resolve("empty.sqlite"));
        dev.ferry.FerryException e = org.junit.jupiter.api.Assertions.assertThrows(dev.ferry.FerryException.class,
                () -> SqliteSource.open(empty));
        assertEquals(dev.ferry.FerryException.Kind.SOURCE, e.kind());
        assertTrue(e.getMessage().contains("is empty (0 bytes)"), e.getMessage());
        assertEquals(0, Files.size(empty));
        assertEquals(List.of("empty.sqlite"), listing());
    }

    @Test
    void awkwardFileNamesOpenAndRead() throws Exception {
        for (String name : List.of("my music.sqlite", "rock #1.db", "what?.sqlite", "a?b=c&d#e f.sqlite",
                "musique élégante 音楽 😀.sqlite", "100%.sqlite", "%20literal.sqlite")) {
            Path file = database(name);
            SqliteSource source = SqliteSource.open(file);
            assertEquals(file.toAbsolutePath().normalize(), source.file());
            try (Connection c = source.connect()) {
                assertEquals(List.of("Blue Train", "Kind of Blue", "Ágætis byrjun"), titles(c), name);
                assertEquals(1, new CatalogReader(c).read().tables().size(), name);
            }
        }
        // nothing was created next to the files under a mangled name
        for (String f : listing()) {
            assertFalse(f.endsWith("-journal") || f.endsWith("-wal") || f.endsWith("-shm"), f);
        }
        assertEquals(7, listing().size(), listing().toString());
    }

    @Test
    void relativePathsAreResolved() throws Exception {
        Path file = database("relative.sqlite");
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        SqliteSource source = SqliteSource.open(relative);
        assertEquals(file, source.file());
    }

    @Test
    void readingLeavesTheFileByteForByteUnchanged() throws Exception {
        Path file = database("music.sqlite");
        byte[] before = Files.readAllBytes(file);
        List<String> filesBefore = listing();
        SqliteSource source = SqliteSource.open(file);
        try (Connection c = source.connect()) {
            titles(c);
            new CatalogReader(c).read();
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM album").close();
                s.executeQuery("PRAGMA integrity_check").close();
            }
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(filesBefore, listing(), "no journal or other file was left next to the source");
    }

    @Test
    void walDatabaseIsReadAndLeftUnchanged() throws Exception {
        Path file = database("wal.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL"); // outside a transaction, which the fixture cannot do
        }
        byte[] before = Files.readAllBytes(file);
        assertEquals(2, before[18], "the file is in WAL mode");
        SqliteSource source = SqliteSource.open(file);
        try (Connection c = source.connect()) {
            assertEquals(3, titles(c).size());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void writesThroughConnectFail() throws Exception {
        Path file = database("music.sqlite");
        byte[] before = Files.readAllBytes(file);
        SqliteSource source = SqliteSource.open(file);
        for (String write : List.of("INSERT INTO album (title) VALUES ('x')", "UPDATE album SET title = 'x'",
                "DELETE FROM album", "CREATE TABLE sneaky (a)", "DROP INDEX album_title", "PRAGMA user_version = 7",
                "VACUUM")) {
            try (Connection c = source.connect(); Statement s = c.createStatement()) {
                assertThrows(SQLException.class, () -> s.execute(write), write);
            }
        }
        try (Connection c = source.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO album (title) VALUES ('x')"));
            }
            c.rollback();
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void queryOnlyCannotBeSwitchedOffToWrite() throws Exception {
        Path file = database("music.sqlite");
        byte[] before = Files.readAllBytes(file);
        try (Connection c = SqliteSource.open(file).connect(); Statement s = c.createStatement()) {
            try {
                s.execute("PRAGMA query_only = 0");
            } catch (SQLException ignored) {
                // refusing the pragma is fine too
            }
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO album (title) VALUES ('x')"));
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void quoteDoublesQuotes() {
        assertEquals("\"album\"", SqliteSource.quote("album"));
        assertEquals("\"a\"\"b\"", SqliteSource.quote("a\"b"));
        assertEquals("\"order details\"", SqliteSource.quote("order details"));
    }
}
