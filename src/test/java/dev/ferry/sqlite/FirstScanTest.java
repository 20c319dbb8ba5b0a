package dev.ferry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.schema.Table;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first scan answers what planning asks of each column: its profile (from the presumed class
 * when every value conforms, counted class by class when not), the misfits of its first question
 * (only when the column held the class the question was chosen for), and its unsafe text.
 */
class FirstScanTest {

    @Test
    void answersEachColumnsQuestionsInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scan.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s SMALLINT, name TEXT, x, mixed INTEGER)",
                    "INSERT INTO t VALUES (1, 5, -3, 'ok', 1, 1), (2, 7, 40000, CAST(x'41ff' AS TEXT), 'a' || char(0), 'two'),"
                            + " (3, NULL, 2, 'fine', x'00', 3)");
        }
        try (Connection conn = SqliteSource.open(file).connect()) {
            Table t = new CatalogReader(conn).read().table("t").orElseThrow();
            Profiler profiler = new Profiler(conn);
            Profiler.FirstScanResult r = profiler.firstScan(t, List.of(
                    new Profiler.Ask(t.columns().get(0), "integer", false, null, false),
                    new Profiler.Ask(t.columns().get(1), "integer", false, "\"n\" > 5", true),
                    new Profiler.Ask(t.columns().get(2), "integer", true, null, true),
                    new Profiler.Ask(t.columns().get(3), "text", false, null, true),
                    new Profiler.Ask(t.columns().get(4), null, false, null, true),
                    new Profiler.Ask(t.columns().get(5), "integer", false, "\"mixed\" > 1", true)));
            assertEquals(3, r.rows());
            List<Profiler.Found> f = r.columns();
            assertEquals(new ColumnProfile(0, 3, 0, 0, 0, null, null, null, null), f.get(0).profile(), "the rowid alias");
            assertNull(f.get(0).misfits(), "no question asked");
            assertEquals(new ColumnProfile(1, 2, 0, 0, 0, null, null, null, null), f.get(1).profile());
            assertEquals(1L, f.get(1).misfits(), "5 is not above 5; NULL is no misfit");
            assertEquals(-3L, f.get(2).profile().minInteger(), "a range that matters is read");
            assertEquals(40000L, f.get(2).profile().maxInteger());
            assertEquals(1, f.get(3).unsafe(), "text that is not UTF-8, found by the bulk check");
            assertEquals(new ColumnProfile(0, 1, 0, 1, 1, 1L, 1L, 1L, 1L), f.get(4).profile(),
                    "classes counted one by one (SQLite's length of text stops at a NUL)");
            assertEquals(1, f.get(4).unsafe(), "text with a NUL, in a column holding blobs too");
            assertEquals(new ColumnProfile(0, 2, 0, 1, 0, 1L, 3L, 3L, null), f.get(5).profile(), "surprised: counted in detail");
            assertNull(f.get(5).misfits(), "asked of a column that turned out to hold text too: no answer");
        }
    }
}
