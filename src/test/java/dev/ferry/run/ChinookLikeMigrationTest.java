package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.TableCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's promise on a realistic file: a Chinook-like store (composite keys, foreign keys,
 * AUTOINCREMENT, NVARCHAR(n), NUMERIC(10,2), DATETIME, BLOB) arrives with equal counts and checksums,
 * its keys and indexes in place, and ids that keep counting after the copied ones.
 */
class ChinookLikeMigrationTest {

    static Path file;
    static TargetAddress target;
    static Result result;
    static byte[] before;

    @BeforeAll
    static void migrate(@TempDir Path dir) throws Exception {
        file = ChinookLikeFixture.write(dir);
        before = Files.readAllBytes(file);
        target = TestPostgres.get().freshDatabase();
        Options options = Options.of(file, target, TestPostgres.get().adminPassword());
        Migration m = new Migration(options, MigrationListener.NONE);
        Plan plan = m.preflight();
        result = m.run(plan);
    }

    @Test
    void everyTableArrivesWithEqualCountsAndChecksums() {
        assertEquals(Result.Status.DONE, result.status());
        Map<String, Long> rows = new HashMap<>();
        for (TableCheck t : result.tables()) {
            assertTrue(t.checksumMatch(), t.source() + " checksum differs");
            rows.put(t.source(), t.targetRows());
        }
        assertEquals(ChinookLikeFixture.expectedRows(), rows);
    }

    @Test
    void typesFollowTheMappingTable() throws SQLException {
        Map<String, String> types = query("SELECT table_name || '.' || column_name, format_type(a.atttypid, a.atttypmod) "
                + "FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = (c.table_schema || '.' || "
                + "c.table_name)::regclass AND a.attname = c.column_name WHERE c.table_schema = 'public'");
        assertEquals("bigint", types.get("artist.artistid"));
        assertEquals("character varying(120)", types.get("artist.name"));
        assertEquals("numeric(10,2)", types.get("track.unitprice"));
        assertEquals("timestamp without time zone", types.get("invoice.invoicedate"));
        assertEquals("bytea", types.get("cover.image"));
    }

    @Test
    void keysAndIndexesArePresent() throws SQLException {
        Map<String, String> cons = query("SELECT conname, contype::text FROM pg_constraint c JOIN pg_namespace n "
                + "ON n.oid = c.connamespace WHERE n.nspname = 'public'");
        assertEquals("p", cons.get("playlisttrack_pkey"), "composite primary key");
        assertEquals(8, cons.values().stream().filter("p"::equals).count(), "a primary key per table");
        assertEquals(7, cons.values().stream().filter("f"::equals).count(), "every foreign key");
        Map<String, String> idx = query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'");
        assertTrue(idx.containsKey("ifk_albumartistid"), idx.keySet().toString());
        assertTrue(idx.get("ix_playlistname").startsWith("CREATE UNIQUE INDEX"));
        Map<String, String> fk = query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'");
        assertTrue(fk.get("track_albumid_fkey").contains("ON DELETE SET NULL"), fk.toString());
    }

    @Test
    void idsContinueAfterTheAutoincrementHighWaterMark() throws SQLException {
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("INSERT INTO artist (name) VALUES ('New') RETURNING artistid")) {
            rs.next();
            assertEquals(58, rs.getLong(1), "sqlite_sequence said 57 although max(ArtistId) is 52");
        }
    }

    @Test
    void theSourceFileIsByteForByteUnchanged() throws Exception {
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
    }

    private static Map<String, String> query(String sql) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
