package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.Ddl;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL preview names public once: "SET search_path TO public, public;" read as a mistake. */
class SearchPathScriptTest {

    @Test
    void publicIsNamedOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        }
        Plan plan = new Migration(Options.of(file, null, null), MigrationListener.NONE).preflight();
        assertEquals("public", plan.schema());
        String script = new Ddl(plan.schema()).script(plan);
        assertTrue(script.contains("SET search_path TO public;\n"), script);
        assertFalse(script.contains("public, public"), script);
        // the nocase collation is in the script though no column needs it (the app's own SQL may say COLLATE NOCASE),
        // in a block a server without ICU lets pass, as a run does; on this one it makes the collation
        int start = script.indexOf("DO $ferry$"), end = script.indexOf("END $ferry$;", start);
        assertTrue(start >= 0 && end > start && script.substring(start, end).contains("CREATE COLLATION"), script);
        dev.ferry.postgres.TargetAddress pg = dev.ferry.testing.TestPostgres.get().freshDatabase();
        TriggersTest.execute(pg, script.substring(start, end + "END $ferry$".length()));
        assertEquals(1, ResumeTest.count(pg, "SELECT count(*) FROM pg_collation WHERE collname = 'nocase'"));
        assertEquals("SET LOCAL search_path TO public", new Ddl("public").searchPath());
        assertEquals("SET LOCAL search_path TO shop, public", new Ddl("shop").searchPath());
    }
}
