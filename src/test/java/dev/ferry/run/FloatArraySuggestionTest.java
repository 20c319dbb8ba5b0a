package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Suggestion;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: JSON arrays of numbers with fractions (sensor readings, prices, weights) were offered
 * no native array, since only text[] and bigint[] were. They are offered as double precision[];
 * taken, every number arrives as the same double and the checksums hold: the copy writes each one
 * as PostgreSQL prints it (1.50 and 15e-1 as 1.5, 1e-7 as 1e-07), not as the JSON spelled it.
 * Whole numbers beyond 2^53 would be rounded as doubles, so a column holding one is not offered it.
 */
class FloatArraySuggestionTest {

    @Test
    void jsonArraysOfFractionsBecomeDoublePrecisionArraysVerified(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sensors.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE readings (id INTEGER PRIMARY KEY, vals TEXT DEFAULT '[0.5]', counts TEXT, huge TEXT)",
                    "INSERT INTO readings VALUES (1, '[0.1, 1e-7, 123456789.123]', '[1,2]', '[9007199254740993, 0.5]'), "
                            + "(2, '[1, 2.5, null]', '[3]', '[1.5]'), (3, '[-0.0, 1.50, 15e-1, 1E+21]', '[]', '[2.5]'), "
                            + "(4, '[]', NULL, NULL), (5, NULL, '[4]', '[3.5]')");
        }
        Migration m = new Migration(Options.of(file, null, null), MigrationListener.NONE);
        Plan plan = m.preflight();
        Suggestion vals = plan.suggestions().stream().filter(s -> s.id().equals("array:readings.vals")).findFirst().orElseThrow();
        assertEquals(List.of("double precision[]"), vals.details());
        assertEquals("All 4 values are JSON arrays of numbers.", vals.why());
        Suggestion counts = plan.suggestions().stream().filter(s -> s.id().equals("array:readings.counts")).findFirst().orElseThrow();
        assertEquals(List.of("bigint[]"), counts.details(), "whole numbers alone stay bigint[]");
        assertTrue(plan.suggestions().stream().noneMatch(s -> s.id().equals("array:readings.huge")),
                "9007199254740993 is no double: " + plan.suggestions());

        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = ConnectionFaultTest.options(file, target, TestPostgres.get().adminPassword())
                .withSuggestions(Set.of("array:readings.vals"));
        m = new Migration(options, MigrationListener.NONE);
        Result r = m.run(m.preflight());
        ResumeTest.assertVerified(r, Map.of("readings", 5L));
        assertEquals("double precision[]", query(target, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = 'readings'::regclass AND attname = 'vals'"));
        assertEquals("{0.1,1e-07,123456789.123}|{1,2.5,NULL}|{-0,1.5,1.5,1e+21}|{}",
                query(target, "SELECT string_agg(vals::text, '|' ORDER BY id) FROM readings"));
        assertEquals("0.1", query(target, "SELECT vals[1]::text FROM readings WHERE id = 1"), "an element is a double");
        assertEquals("{0.5}", query(target, "SELECT column_default FROM information_schema.columns WHERE table_name = "
                + "'readings' AND column_name = 'vals'").replaceAll("^'|'::double precision\\[\\]$", ""));
    }
}
