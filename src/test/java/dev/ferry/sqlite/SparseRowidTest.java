package dev.ferry.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationListener;
import dev.ferry.run.Options;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rowids spread over the whole 64-bit range (snowflake ids as INTEGER PRIMARY KEY, as a Discord
 * bot stores them) or in far-apart clusters. The profile scan splits a table into rowid ranges;
 * ranges of equal span would be almost all empty there and take practically forever, so it seeks
 * each range's end instead, and still sees every row and every problem.
 */
class SparseRowidTest {

    @TempDir
    Path dir;

    private Plan plan(String name, String ids, int rows) throws Exception {
        Path file = dir.resolve(name + ".sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, label TEXT)",
                    "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < " + (rows - 1) + ") "
                            + "INSERT INTO t SELECT " + ids + ", CASE WHEN i = " + rows / 3 + " THEN 'three' ELSE i END, "
                            + "CASE WHEN i = " + rows / 2 + " THEN CAST(x'43a9' AS TEXT) ELSE 'label ' || i END FROM s",
                    "INSERT INTO t VALUES (-9223372036854775808, 1, 'lowest'), (9223372036854775807, 2, 'highest')");
        }
        return new Migration(Options.of(file, null, null), MigrationListener.NONE).preflight();
    }

    private static void seesEverything(Plan plan, int rows) {
        assertEquals(rows + 2, plan.table("t").orElseThrow().rows(), "every row counted");
        assertTrue(plan.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.DOES_NOT_FIT && p.column().equals("n")),
                () -> "the text among the integers: " + plan.problems());
        assertTrue(plan.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.UNSAFE_TEXT && p.column().equals("label")),
                () -> "the Latin-1 text: " + plan.problems());
    }

    @Test
    void idsSpreadOverTheWhole64BitRange() {
        int rows = 40_000;
        // distinct, from -8e18 to +8e18
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> seesEverything(
                plan("spread", "(i - 20000) * 400000000000000", rows), rows));
    }

    @Test
    void farApartClusters() {
        int rows = 40_000;
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> seesEverything(
                plan("clusters", "CASE WHEN i % 2 = 0 THEN i ELSE 4611686018427387904 + i END", rows), rows));
    }

    /** Copied in parts too (a table this large is split by rowid), every row arrives and verifies. */
    @Test
    void aLargeTableAcrossTheWholeRangeIsCopiedInParts() throws Exception {
        int rows = 450_000;
        Path file = dir.resolve("large.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)",
                    "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < " + (rows - 1) + ") "
                            + "INSERT INTO t SELECT (i - " + rows / 2 + ") * 20000000000000, i FROM s",
                    "INSERT INTO t VALUES (-9223372036854775808, -1), (9223372036854775807, -2)");
        }
        dev.ferry.postgres.TargetAddress target = dev.ferry.testing.TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, dev.ferry.testing.TestPostgres.get().adminPassword())
                .withJobs(2), MigrationListener.NONE);
        dev.ferry.run.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> m.run(m.preflight()));
        assertTrue(r.verified());
        assertEquals(rows + 2, r.tables().get(0).targetRows());
    }
}
