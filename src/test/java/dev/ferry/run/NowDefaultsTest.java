package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static dev.ferry.run.TriggersTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defaults that take the time (datetime('now','localtime'), strftime(...,'now'), julianday('now'),
 * unixepoch(), CAST(strftime('%s','now') AS INTEGER), date('now','localtime')) are translated, so
 * a row PostgreSQL inserts without those columns gets values of the same shape SQLite gives.
 */
class NowDefaultsTest {

    static final String ISO_MS_Z = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @Test
    void timeDefaultsGiveValuesShapedLikeSqlites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("defaults.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT, "
                    + "at_local DATETIME DEFAULT (datetime('now','localtime')), "
                    + "iso TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), jd REAL DEFAULT (julianday('now')), "
                    + "epoch INTEGER DEFAULT (unixepoch()), epoch2 INTEGER DEFAULT (CAST(strftime('%s','now') AS INTEGER)), "
                    + "day TEXT DEFAULT (date('now','localtime')))",
                    "INSERT INTO events (id, name) VALUES (1, 'in sqlite')");
        }
        String sqliteIso;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT iso FROM events")) {
            rs.next();
            sqliteIso = rs.getString(1);
        }
        assertTrue(sqliteIso.matches(ISO_MS_Z), sqliteIso);

        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        assertEquals(0, r.problems().stream().filter(p -> p.kind() == Problem.Kind.DEFAULT_NOT_TRANSLATED).count(),
                r.problems().toString());

        execute(target, "INSERT INTO events (id, name) VALUES (2, 'in postgres')");
        long now = System.currentTimeMillis() / 1000;
        assertTrue(query(target, "SELECT iso FROM events WHERE id = 2").matches(ISO_MS_Z));
        assertTrue(query(target, "SELECT day FROM events WHERE id = 2").matches("\\d{4}-\\d\\d-\\d\\d"));
        assertEquals("timestamp without time zone", query(target, "SELECT pg_typeof(at_local)::text FROM events WHERE id = 2"));
        assertTrue(Math.abs(Long.parseLong(query(target, "SELECT epoch FROM events WHERE id = 2")) - now) < 120);
        assertTrue(Math.abs(Long.parseLong(query(target, "SELECT epoch2 FROM events WHERE id = 2")) - now) < 120);
        double jd = Double.parseDouble(query(target, "SELECT jd FROM events WHERE id = 2"));
        assertEquals(now / 86400.0 + 2440587.5, jd, 0.01, "julian day of now");
        assertEquals("1", query(target, "SELECT count(*) FROM events WHERE id = 2 AND abs(extract(epoch FROM at_local - "
                + "LOCALTIMESTAMP)) < 120"));
    }
}
