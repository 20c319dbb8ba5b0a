package dev.ferry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationListener;
import dev.ferry.run.Options;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table may have a column named rowid (or _rowid_, or oid) that hides SQLite's rowid. The profile
 * scan splits tables by rowid, so it must use a name that still reads it, or read the table whole
 * when columns hide all three. Regression: a text column named rowid made the scan see no rows at
 * all, so text in an INTEGER column went unnoticed.
 */
class ShadowedRowidTest {

    @TempDir
    Path dir;

    private Path file;

    private Plan plan(String create, int rows) throws Exception {
        file = dir.resolve("shadow" + create.hashCode() + ".sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql(create, "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < " + (rows - 1) + ") "
                    + "INSERT INTO t SELECT 'key ' || i, CASE WHEN i = " + rows / 2 + " THEN 'three' ELSE i END, 'x', 'y' FROM s");
        }
        return new Migration(Options.of(file, null, null), MigrationListener.NONE).preflight();
    }

    /** And the whole run: every row arrives and verifies, the text kept. */
    private void migrates(int rows) {
        dev.ferry.postgres.TargetAddress target = dev.ferry.testing.TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, dev.ferry.testing.TestPostgres.get().adminPassword()),
                MigrationListener.NONE);
        dev.ferry.run.Result r = m.run(m.preflight());
        assertTrue(r.verified());
        assertEquals(rows, r.tables().get(0).targetRows());
    }

    private static void assertSeesEveryRow(Plan plan, int rows) {
        assertEquals(rows, plan.table("t").orElseThrow().rows());
        assertEquals("text", plan.table("t").orElseThrow().column("n").type().sql(),
                "the text among n's integers was found, so n holds it as text");
        assertTrue(plan.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.DOES_NOT_FIT && p.column().equals("n")),
                () -> "reported: " + plan.problems());
    }

    @Test
    void aColumnNamedRowidDoesNotHideTheRows() throws Exception {
        int rows = 150_000; // more than one scan range
        assertSeesEveryRow(plan("CREATE TABLE t (rowid TEXT, n INTEGER, a TEXT, b TEXT)", rows), rows);
        migrates(rows);
    }

    @Test
    void allThreeNamesHiddenReadsTheTableWhole() throws Exception {
        int rows = 1_000;
        assertSeesEveryRow(plan("CREATE TABLE t (rowid TEXT, n INTEGER, _rowid_ TEXT, oid TEXT)", rows), rows);
        migrates(rows);
    }
}
