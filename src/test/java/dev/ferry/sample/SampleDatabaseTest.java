package dev.ferry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testing.ChinookLikeFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDatabaseTest {

    private static final Pattern SIZED = Pattern.compile("(?:N?VARCHAR)\\((\\d+)\\)");

    @TempDir
    Path dir;

    @Test
    void sampleHasThePromisedFeatures() throws Exception {
        Path file = dir.resolve("nested/sample.sqlite");
        long started = System.nanoTime();
        SampleSummary summary = SampleDatabase.write(file);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 5_000, "sample took " + millis + " ms");
        assertEquals(file, summary.file());
        assertEquals(6, summary.tables());
        assertTrue(summary.rows() >= 5_000 && summary.rows() <= 20_000, "rows: " + summary.rows());

        try (Connection c = open(file)) {
            List<String> tables = strings(c, "SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY name");
            assertEquals(List.of("attachments", "guilds", "members", "messages", "reminders", "settings"), tables);
            String ddl = String.join("\n", strings(c, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"));
            for (String feature : List.of("AUTOINCREMENT", "PRIMARY KEY (guild_id, user_id)", "ON DELETE CASCADE",
                    "NVARCHAR(40)", "NUMERIC(10,2)", "DATETIME", "BOOLEAN", "BLOB", "DEFAULT CURRENT_TIMESTAMP",
                    "CREATE UNIQUE INDEX", "CREATE INDEX", "ifnull(")) {
                assertTrue(ddl.contains(feature), "schema lacks " + feature);
            }
            assertEquals(List.of("message_feed"), strings(c, "SELECT name FROM sqlite_master WHERE type = 'view'"));
            assertTrue(count(c, "SELECT count(*) FROM message_feed") > 0);

            long total = 0;
            for (String table : tables) {
                long rows = count(c, "SELECT count(*) FROM " + table);
                assertTrue(rows > 0, table + " is empty");
                total += rows;
            }
            assertEquals(summary.rows(), total);
            assertTrue(strings(c, "PRAGMA foreign_key_check").isEmpty(), "foreign key violations");
            assertEquals(List.of("ok"), strings(c, "PRAGMA integrity_check"));
            assertTrue(strings(c, "SELECT name FROM guilds").stream().anyMatch(n -> n.codePoints().anyMatch(cp -> cp > 0xFFFF)),
                "no emoji in guild names");
            assertEquals(12, count(c, "SELECT count(DISTINCT json_extract(config, '$.welcome_channel')) FROM settings"));
            for (String table : tables) {
                assertValuesFitDeclaredTypes(c, table);
            }
        }
    }

    /** The sample promises clean data: a newcomer's first migration must not trip over it. */
    private static void assertValuesFitDeclaredTypes(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet cols = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (cols.next()) {
                String col = cols.getString("name"), type = cols.getString("type").toUpperCase();
                String bad;
                Matcher sized = SIZED.matcher(type);
                if (type.equals("DATETIME")) {
                    bad = "typeof(" + col + ") <> 'text' OR " + col + " NOT GLOB"
                        + " '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'";
                } else if (type.equals("BOOLEAN")) {
                    bad = col + " NOT IN (0, 1) OR typeof(" + col + ") <> 'integer'";
                } else if (type.equals("NUMERIC(10,2)")) {
                    bad = "typeof(" + col + ") NOT IN ('integer', 'real') OR round(" + col + ", 2) <> " + col
                        + " OR abs(" + col + ") >= 100000000";
                } else if (type.equals("INTEGER")) {
                    bad = "typeof(" + col + ") <> 'integer'";
                } else if (type.equals("BLOB")) {
                    bad = "typeof(" + col + ") <> 'blob'";
                } else if (type.equals("JSON")) {
                    bad = "NOT json_valid(" + col + ") OR json_type(" + col + ") <> 'object'";
                } else if (sized.matches()) {
                    bad = "typeof(" + col + ") <> 'text' OR length(" + col + ") > " + sized.group(1);
                } else {
                    bad = "typeof(" + col + ") <> 'text'";
                }
                long wrong = count(c, "SELECT count(*) FROM " + table + " WHERE " + col + " IS NOT NULL AND (" + bad + ")");
                assertEquals(0, wrong, table + "." + col + " " + type + " has values that do not fit");
            }
        }
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        Path file = dir.resolve("sample.sqlite");
        SampleDatabase.write(file);
        long size = Files.size(file);
        IOException e = assertThrows(IOException.class, () -> SampleDatabase.write(file));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(size, Files.size(file));

        Path other = dir.resolve("user-data.sqlite");
        Files.writeString(other, "not mine to touch");
        assertThrows(IOException.class, () -> SampleDatabase.write(other));
        assertEquals("not mine to touch", Files.readString(other));
    }

    @Test
    void everySampleFileHasTheSameContents() throws Exception {
        Path a = SampleDatabase.write(dir.resolve("a.sqlite")).file();
        Path b = SampleDatabase.write(dir.resolve("b.sqlite")).file();
        List<String> dumpA = dump(a);
        assertFalse(dumpA.isEmpty());
        assertEquals(dumpA, dump(b));
    }

    @Test
    void chinookLikeFixtureMatchesItsExpectedRows() throws Exception {
        Path file = ChinookLikeFixture.write(dir);
        assertEquals(dir.resolve("chinook-like.sqlite"), file);
        Map<String, Long> expected = ChinookLikeFixture.expectedRows();
        assertEquals(8, expected.size());
        try (Connection c = open(file)) {
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                assertEquals(e.getValue(), count(c, "SELECT count(*) FROM " + e.getKey()), e.getKey());
            }
            long sequence = count(c, "SELECT seq FROM sqlite_sequence WHERE name = 'Artist'");
            long maxId = count(c, "SELECT max(ArtistId) FROM Artist");
            assertTrue(sequence > maxId, "sqlite_sequence " + sequence + " should exceed max(ArtistId) " + maxId);
            assertTrue(strings(c, "PRAGMA foreign_key_check").isEmpty(), "foreign key violations");
            assertTrue(count(c, "SELECT count(*) FROM Track WHERE AlbumId IS NULL") > 0);
            assertEquals(0, count(c, "SELECT count(*) FROM Track WHERE typeof(UnitPrice) <> 'real'"));
            assertEquals(3, count(c, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'I%'"));
        }
    }

    private static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Schema, sequences and every row of every table, rendered with storage class so 1 and 1.0 differ. */
    private static List<String> dump(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = open(file)) {
            out.addAll(strings(c, "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY name"));
            for (String table : strings(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY rowid")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= columns; i++) {
                            Object v = rs.getObject(i);
                            row.append('|').append(v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : v)
                                .append(v == null ? "" : ":" + v.getClass().getSimpleName());
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }
}
