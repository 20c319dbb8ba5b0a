package dev.ferry.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.cli.CliRunner;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --backup: a copy that opens, passes SQLite's integrity check and holds the same rows; never over a file. */
class BackupTest {

    static Path fixture(Path dir) throws SQLException {
        Path file = dir.resolve("app.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, photo BLOB, score REAL)",
                    "CREATE INDEX person_name ON person (name)", "CREATE TABLE log (at TEXT, line TEXT)");
            for (int i = 0; i < 200; i++) {
                db.insert("person", new Object[] {(long) i, "name " + i, new byte[] {(byte) i, 0, 1}, i / 3.0});
            }
            db.insert("log", new Object[] {"2024-01-01", "started"}, new Object[] {null, "tab\there é"});
        }
        return file;
    }

    @Test
    void theBackupOpensPassesTheIntegrityCheckAndHoldsTheSameRows(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        Path copy = dir.resolve("backups with space/app copy.sqlite");
        Files.createDirectories(copy.getParent());
        Backup.write(SqliteSource.open(file), copy);

        assertEquals(List.of("ok|"), rows(copy, "PRAGMA integrity_check"));
        for (String table : List.of("person", "log")) {
            assertEquals(rows(file, "SELECT * FROM " + table + " ORDER BY rowid"), rows(copy, "SELECT * FROM " + table + " ORDER BY rowid"));
        }
        assertEquals(rows(file, "SELECT sql FROM sqlite_master ORDER BY name"), rows(copy, "SELECT sql FROM sqlite_master ORDER BY name"));
        try (var listing = Files.list(copy.getParent())) {
            assertEquals(List.of(copy), listing.toList(), "no partial file is left beside it");
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        Path taken = Files.write(dir.resolve("taken.sqlite"), new byte[] {1, 2, 3});
        FerryException e = assertThrows(FerryException.class, () -> Backup.write(SqliteSource.open(file), taken));
        assertEquals(FerryException.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().contains("already a file"), e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(taken));
        FerryException noFolder = assertThrows(FerryException.class,
                () -> Backup.write(SqliteSource.open(file), dir.resolve("missing/copy.sqlite")));
        assertEquals(1, noFolder.kind().exitCode);
    }

    @Test
    void migrateWritesTheBackupFirstAndStopsBeforeCopyingWhenItCannot(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        String url = TestPostgres.url(TestPostgres.get().freshDatabase());
        Path copy = dir.resolve("before.sqlite");
        String[] ok = CliRunner.run("migrate", file.toString(), "--to", url, "--backup", copy.toString());
        assertEquals("0", ok[0], ok[2]);
        assertTrue(ok[2].contains("Backup written and checked") || ok[1].contains("Backup written and checked"), ok[1] + ok[2]);
        assertEquals(List.of("ok|"), rows(copy, "PRAGMA integrity_check"));

        String other = TestPostgres.url(TestPostgres.get().freshDatabase());
        String[] refused = CliRunner.run("migrate", file.toString(), "--to", other, "--backup", copy.toString());
        assertEquals("1", refused[0], refused[2]);
        assertTrue(refused[2].contains("already a file"), refused[2]);
    }

    static List<String> rows(Path db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.append(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(v)).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
