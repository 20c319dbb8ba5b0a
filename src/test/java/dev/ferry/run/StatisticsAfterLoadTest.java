package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Right after a migrate, pg_stats was empty for every table, so the app's first queries ran on the
 * planner's guesses. Every table with rows must have statistics when the run ends, and the run
 * says it gathered them.
 */
class StatisticsAfterLoadTest {

    @Test
    void everyTableHasPlannerStatisticsWhenTheRunEnds(@TempDir Path dir) throws Exception {
        Path file = ChinookLikeFixture.write(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        List<String> notes = new ArrayList<>();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), e -> {
            if (e instanceof MigrationEvent.Note n) {
                notes.add(n.text());
            }
        });
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT EXISTS (SELECT 1 FROM pg_stats p "
                     + "WHERE p.schemaname = 'public' AND p.tablename = c.relname)")) {
            List<String> without = new ArrayList<>();
            while (rs.next()) {
                without.add(rs.getString(1));
            }
            assertEquals(List.of(), without, "tables without planner statistics");
        }
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Statistics for PostgreSQL's planner gathered (ANALYZE) for "
                + r.tables().size() + " of " + r.tables().size() + " tables")), notes.toString());
    }
}
