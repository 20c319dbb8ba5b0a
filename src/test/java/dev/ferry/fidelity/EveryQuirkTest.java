package dev.ferry.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationListener;
import dev.ferry.run.Options;
import dev.ferry.run.Result;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.TableCheck;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fidelity promise in one run: a file holding every quirk of the catalogue (see
 * {@link QuirkFixture}) migrates with the default options, every table's rows arrive (counts and
 * checksums), and every quirk shows up as the problem that explains what Ferry did.
 */
class EveryQuirkTest {

    @Test
    void everyQuirkMigratesWithDefaultsAndNoRowIsLost(@TempDir Path dir) throws Exception {
        Path file = QuirkFixture.write(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Plan plan = m.preflight();
        Result r = m.run(plan);

        assertTrue(r.verified(), () -> r.tables().stream().filter(t -> !t.checksumMatch()).map(TableCheck::source)
                .collect(Collectors.joining(", ")));
        assertEquals(0, r.rejectedRows());
        for (TableCheck t : r.tables()) {
            assertEquals(QuirkFixture.rows(file, t.source()), t.targetRows(), "every row of " + t.source());
        }
        Set<Problem.Kind> kinds = r.problems().stream().map(Problem::kind).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Problem.Kind.class)));
        for (Problem.Kind k : QuirkFixture.EXPECTED_KINDS) {
            assertTrue(kinds.contains(k), "a problem of kind " + k.id() + " is reported: " + kinds);
        }
        try (Connection c = TestPostgres.get().connect(target)) {
            QuirkFixture.checkTarget(c);
        }
    }

    static long one(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
