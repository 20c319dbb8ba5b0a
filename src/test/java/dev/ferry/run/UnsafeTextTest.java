package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.mapping.PgType;
import dev.ferry.target.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: the SQLite driver turns bytes that are not UTF-8 into U+FFFD without a word, so such
 * text arrived changed while its checksum (taken from the same changed string) still matched. Text
 * that cannot arrive unchanged now stops the copy with a plain message; as bytea it arrives exactly.
 */
class UnsafeTextTest {

    private static Path file(Path dir, String valueSql) throws Exception {
        Path file = dir.resolve("t.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                    "INSERT INTO notes (body) VALUES ('fine é'), (" + valueSql + "), ('legit \uFFFD replacement char')");
        }
        return file;
    }

    private static Result migrate(Path file, Map<String, PgType> types) {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, db, TestPostgres.get().adminPassword()).withOverrides(types),
                MigrationListener.NONE);
        return m.run(m.preflight());
    }

    @Test
    void invalidUtf8StopsInsteadOfArrivingChanged(@TempDir Path dir) throws Exception {
        Path file = file(dir, "CAST(x'41FF42' AS TEXT)");
        FerryException e = assertThrows(FerryException.class, () -> migrate(file, Map.of()));
        assertTrue(e.getMessage().contains("not valid UTF-8") && e.getMessage().contains("body"), e.getMessage());
        assertEquals(FerryException.Kind.FAILED, e.kind());
    }

    @Test
    void nulBytesStopWithAPlainMessage(@TempDir Path dir) throws Exception {
        Path file = file(dir, "CAST(x'410042' AS TEXT)");
        FerryException e = assertThrows(FerryException.class, () -> migrate(file, Map.of()));
        assertTrue(e.getMessage().contains("NUL byte"), e.getMessage());
    }

    @Test
    void asByteaTheBytesArriveExactly(@TempDir Path dir) throws Exception {
        Path file = file(dir, "CAST(x'41FF42' AS TEXT)");
        Result r = migrate(file, Map.of("notes.body", PgType.parse("bytea")));
        assertTrue(r.verified());
    }
}
