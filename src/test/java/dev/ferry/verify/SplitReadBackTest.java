package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationListener;
import dev.ferry.run.Options;
import dev.ferry.run.Result;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large table is checksummed as several ctid ranges at once; the parts must add up to exactly the
 * checksum of the whole. The split size is lowered so the small fixture's tables split too.
 */
class SplitReadBackTest {

    /** The Chinook-like fixture migrated into a fresh database, and verified. */
    private record Migrated(TargetAddress db, Plan plan, Result result) {

        static Migrated into(Path dir) throws Exception {
            TargetAddress db = TestPostgres.get().freshDatabase();
            Migration m = new Migration(Options.of(ChinookLikeFixture.write(dir), db, TestPostgres.get().adminPassword()),
                    MigrationListener.NONE);
            Plan plan = m.preflight();
            Result result = m.run(plan);
            assertTrue(result.verified());
            return new Migrated(db, plan, result);
        }
    }

    @Test
    void partsAddUpToTheWhole(@TempDir Path dir) throws Exception {
        Migrated migrated = Migrated.into(dir);
        TargetAddress db = migrated.db();
        Plan plan = migrated.plan();
        Result result = migrated.result();
        System.setProperty("ferry.verify.splitBlocks", "1");
        try (PgTarget pg = PgTarget.connect(db, TestPostgres.get().adminPassword(), 4)) {
            for (TablePlan t : plan.tables()) {
                Checksums.Sum sum = Checksums.target(t, pg, new Ddl("public"));
                TableCheck whole = result.tables().stream().filter(c -> c.source().equals(t.source().name())).findFirst()
                        .orElseThrow();
                assertEquals(whole.targetRows(), sum.rows(), t.target());
                assertEquals(whole.targetChecksum(), sum.checksum(), t.target());
            }
        } finally {
            System.clearProperty("ferry.verify.splitBlocks");
        }
    }

    /** Where PostgreSQL cannot compute the checksum, reading the rows back must give the very same one. */
    @Test
    void readingBackGivesTheChecksumPostgresComputes(@TempDir Path dir) throws Exception {
        Migrated migrated = Migrated.into(dir);
        TargetAddress db = migrated.db();
        Plan plan = migrated.plan();
        java.util.Map<String, Checksums.Sum> computed = new java.util.HashMap<>();
        try (PgTarget pg = PgTarget.connect(db, TestPostgres.get().adminPassword(), 4)) {
            assertTrue(ServerChecksum.usable(pg), "the test server computes Ferry's checksums");
            for (TablePlan t : plan.tables()) {
                computed.put(t.target(), Checksums.target(t, pg, new Ddl("public")));
            }
        }
        System.setProperty("ferry.verify.readBack", "true");
        try (PgTarget pg = PgTarget.connect(db, TestPostgres.get().adminPassword(), 4)) {
            assertTrue(!ServerChecksum.usable(pg));
            for (TablePlan t : plan.tables()) {
                Checksums.Sum back = Checksums.target(t, pg, new Ddl("public"));
                assertEquals(computed.get(t.target()), back, t.target());
                assertTrue(back.rows() > 0, t.target());
            }
        } finally {
            System.clearProperty("ferry.verify.readBack");
        }
    }
}
