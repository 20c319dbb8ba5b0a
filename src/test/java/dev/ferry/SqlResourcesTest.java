package dev.ferry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SQL in resources: named blocks as written, templates as one line, and a clear error for what is missing. */
class SqlResourcesTest {

    private final SqlResources sql = SqlResources.named(SqlResourcesTest.class, "sql-resources-test.sql");

    @Test
    void aBlockIsReturnedAsWritten() {
        assertEquals("-- a comment the server skips\nSELECT a,\n       b\nFROM t", sql.get("plain"));
    }

    @Test
    void aTemplateComesOutAsOneLineWithItsKeysFilledInOnce() {
        assertEquals("ALTER TABLE public.t ADD CONSTRAINT c CHECK (x = '{table}')",
                sql.fill("template", "table", "public.t", "name", "c", "expression", "x = '{table}'"));
        assertEquals("ALTER TABLE null ADD CONSTRAINT c CHECK (1)", sql.fill("template", "table", null, "name", "c",
                "expression", "1"), "null is written as string concatenation writes it");
    }

    @Test
    void whatIsMissingOrLeftOverIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> sql.fill("template", "table", "t", "name", "c"));
        assertThrows(IllegalArgumentException.class, () -> sql.fill("template", "table", "t", "name", "c",
                "expression", "1", "typo", "2"));
        assertThrows(IllegalArgumentException.class, () -> sql.get("absent"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SqlResources.text(SqlResourcesTest.class, "absent.sql"));
        assertTrue(e.getMessage().contains("dev/ferry/absent.sql"), e.getMessage());
    }

    @Test
    void everyPackageReadsItsOwnFiles() {
        assertTrue(SqlResources.text(dev.ferry.run.Journal.class, "journal.sql").contains("CREATE TABLE IF NOT EXISTS ferry_journal.runs"));
        assertTrue(SqlResources.named(dev.ferry.sqlite.CatalogReader.class, "catalog.sql").get("columns")
                .contains("pragma_table_xinfo(?)"));
        assertEquals("CREATE INDEX IF NOT EXISTS i ON t USING gin (c)", SqlResources.named(dev.ferry.postgres.Ddl.class,
                "ddl.sql").fill("create-search-index", "index", "i", "table", "t", "column", "c"));
    }
}
