package dev.ferry.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk check for text PostgreSQL cannot store: values are joined by SQLite and checked many at
 * once, over rowid ranges on two connections. Each case here is one the joining could hide: bad
 * bytes far into a large table, two halves of a character split across neighbouring rows (each
 * invalid alone, valid if joined without a separator), long values checked one by one, NUL bytes,
 * and blobs (not text, so never counted) in a column that also holds text.
 */
class UnsafeTextScanTest {

    @Test
    void findsEveryUnsafeValueAndNothingElse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE t (id INTEGER PRIMARY KEY, late TEXT, split TEXT, long TEXT, nul TEXT, mixed, clean TEXT, num)",
                    // 30,000 rows: several ranges of the bulk check, on both connections
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000) "
                            + "INSERT INTO t SELECT i, 'row ' || i, 'ok', printf('%.2000c', 'é'), 'fine', "
                            + "CASE WHEN i % 2 = 0 THEN x'ffc3' ELSE 'text ✓' END, 'plain ' || i, i FROM n",
                    "UPDATE t SET late = CAST(x'4361fe' AS TEXT) WHERE id = 29999", // Latin-1 near the end
                    "UPDATE t SET split = CAST(x'41c3' AS TEXT) WHERE id = 1000",   // ends in a lead byte ...
                    "UPDATE t SET split = CAST(x'a942' AS TEXT) WHERE id = 1001",   // ... the next starts with its tail
                    "UPDATE t SET long = CAST(x'41ff' AS TEXT) || printf('%.3000c', 'x') WHERE id = 77",
                    "UPDATE t SET nul = CAST(x'410042' AS TEXT) WHERE id IN (5, 25000)");
        }
        SqliteSource source = SqliteSource.open(file);
        Table table;
        try (Connection c = source.connect()) {
            table = new CatalogReader(c).read().tables().get(0);
        }
        List<Column> cols = table.columns().subList(1, table.columns().size());
        long[] found = new Profiler(source, 2).unsafeText(table, cols, c -> c.name().equals("mixed"));
        assertArrayEquals(new long[] {1, 2, 1, 2, 0, 0, 0}, found);

        // the same answers on one connection, the way the wizard's planner may ask
        try (Connection c = source.connect()) {
            assertArrayEquals(found, new Profiler(c).unsafeText(table, cols, col -> col.name().equals("mixed")));
        }
    }
}
