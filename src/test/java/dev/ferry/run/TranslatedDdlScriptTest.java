package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.Ddl;
import dev.ferry.testing.SqliteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DDL preview and --dry-run show the translated SQL the run will execute (collation, generated
 * columns, checks, partial indexes, views, trigger functions), and say which objects are not made.
 * Planning needs the SQLite file only.
 */
class TranslatedDdlScriptTest {

    @Test
    void theScriptHoldsEveryTranslatedObject(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("script.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE Items (id INTEGER PRIMARY KEY, Name TEXT COLLATE NOCASE, price REAL CHECK (price >= 0), "
                            + "qty INTEGER, deleted INTEGER, updated_at DATETIME, total REAL AS (price * qty) STORED)",
                    "CREATE INDEX items_live ON Items(Name) WHERE deleted = 0",
                    "CREATE VIEW [Live Items] AS SELECT Name, total FROM Items WHERE deleted = 0",
                    "CREATE VIEW odd AS SELECT typeof(Name) FROM Items",
                    // typeof of a computed value is still refused, so the script still says what it does not make
                    "CREATE VIEW odder AS SELECT typeof(Name || 'x') FROM Items",
                    "CREATE TRIGGER items_stamp AFTER UPDATE ON Items BEGIN UPDATE Items SET updated_at = CURRENT_TIMESTAMP "
                            + "WHERE id = NEW.id; END");
            db.insert("Items(id, Name, price, qty, deleted, updated_at)", new Object[] {1L, "a", 1.5, 2L, 0L, "2024-01-01 00:00:00"});
        }
        Plan plan = new Migration(Options.of(file, null, null), MigrationListener.NONE).preflight();
        String script = new Ddl(plan.schema()).script(plan);
        for (String expected : new String[] {
                "CREATE COLLATION IF NOT EXISTS public.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
                "name text COLLATE public.nocase",
                "total double precision GENERATED ALWAYS AS (price * qty) STORED",
                "ALTER TABLE public.items ADD CONSTRAINT items_price_check CHECK (price >= 0) NOT VALID",
                "CREATE INDEX items_live ON public.items (name) WHERE deleted = 0",
                "CREATE VIEW public.\"live items\" AS SELECT name, total FROM items WHERE deleted = 0",
                // odd was refused until typeof(column) read the scan: Name held only text, so SQLite's typeof(Name) is
                // 'text' (or 'null'), as the CASE says; the same form gives SQLite's rows in NorthwindViewsTest's kinds view
                "CREATE VIEW public.odd AS SELECT CASE WHEN name IS NULL THEN 'null' ELSE 'text' END FROM items",
                "-- view odder not created: typeof()",
                "CREATE FUNCTION public.items_stamp_fn() RETURNS trigger LANGUAGE plpgsql",
                "NEW.updated_at := (now() AT TIME ZONE 'UTC');",
                "CREATE TRIGGER items_stamp BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.items_stamp_fn()"}) {
            assertTrue(script.contains(expected), () -> "missing: " + expected + "\n" + script);
        }
    }
}
