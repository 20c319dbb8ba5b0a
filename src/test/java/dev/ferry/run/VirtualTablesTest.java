package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.Resolutions;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Virtual tables: FTS5 and FTS4 tables arrive as plain tables keyed by their rowid with a working
 * search column; an R*Tree arrives as a plain table of boxes; shadow tables never arrive; a
 * contentless and an external-content FTS table are reported, not copied; the user may choose a
 * plain copy or none.
 */
class VirtualTablesTest {

    private static Path file(Path dir) throws Exception {
        Path file = dir.resolve("search.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT, body TEXT)",
                    "INSERT INTO notes VALUES (1, 'Ferry', 'moves SQLite into PostgreSQL'), (7, 'Boats', 'a ferry crosses the river')",
                    "CREATE VIRTUAL TABLE notes_fts USING fts5(title, body)",
                    "INSERT INTO notes_fts (rowid, title, body) SELECT id, title, body FROM notes",
                    "CREATE VIRTUAL TABLE old_fts USING fts4(subject, text)",
                    "INSERT INTO old_fts (docid, subject, text) VALUES (3, 'hello', 'ferry world'), (4, 'bye', 'nothing here')",
                    "CREATE VIRTUAL TABLE ext_fts USING fts5(title, content='notes', content_rowid='id')",
                    "CREATE VIRTUAL TABLE bare_fts USING fts5(word, content='')",
                    "INSERT INTO bare_fts (rowid, word) VALUES (1, 'gone')",
                    "CREATE VIRTUAL TABLE places USING rtree(id, min_x, max_x, min_y, max_y)",
                    "INSERT INTO places VALUES (1, 0.5, 1.5, 10, 20), (2, -3, -1, 0, 0.25)");
        }
        return file;
    }

    private record Run(Plan plan, Result result, TargetAddress db) {
    }

    private static Run migrate(Path dir, String... onProblem) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file(dir), db, TestPostgres.get().adminPassword())
                .withResolutions(Resolutions.parse(List.of(onProblem))), MigrationListener.NONE);
        Plan plan = m.preflight();
        return new Run(plan, m.run(plan), db);
    }


    @Test
    void fullTextAndRtreeTablesArriveAsPlainTablesWithSearch(@TempDir Path dir) throws Exception {
        Run r = migrate(dir);
        assertTrue(r.result().verified(), r.result().tables().toString());
        List<String> tables = TestPostgres.get().rows(r.db(), "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
        assertEquals(List.of("notes", "notes_fts", "old_fts", "places"), tables, "no shadow, contentless or external-content table");
        assertEquals(List.of("1|Ferry|moves SQLite into PostgreSQL", "7|Boats|a ferry crosses the river"),
                TestPostgres.get().rows(r.db(), "SELECT rowid, title, body FROM notes_fts ORDER BY rowid"));
        assertEquals(List.of("1", "7"), TestPostgres.get().rows(r.db(),
                "SELECT rowid FROM notes_fts WHERE search @@ websearch_to_tsquery('simple', 'ferry') ORDER BY rowid"));
        assertEquals(List.of("3"), TestPostgres.get().rows(r.db(),
                "SELECT rowid FROM old_fts WHERE search @@ websearch_to_tsquery('simple', 'ferry')"));
        assertEquals(List.of("1|0.5|1.5|10|20", "2|-3|-1|0|0.25"),
                TestPostgres.get().rows(r.db(), "SELECT id, min_x, max_x, min_y, max_y FROM places ORDER BY id"));
        assertEquals(List.of("notes_fts_pkey"), TestPostgres.get().rows(r.db(),
                "SELECT conname FROM pg_constraint WHERE conrelid = 'notes_fts'::regclass AND contype = 'p'"));
        List<Problem> skipped = r.plan().problems().stream().filter(p -> p.kind() == Problem.Kind.TABLE_SKIPPED).toList();
        assertTrue(skipped.stream().anyMatch(p -> p.table().equals("bare_fts") && p.message().contains("contentless")), skipped.toString());
        assertTrue(skipped.stream().anyMatch(p -> p.table().equals("ext_fts") && p.message().contains("external content")),
                skipped.toString());
    }

    @Test
    void theUserMayChooseAPlainCopyOrNone(@TempDir Path dir) throws Exception {
        Run r = migrate(dir, "full-text-table:notes_fts=plain", "full-text-table:old_fts=skip", "virtual-table=skip");
        assertTrue(r.result().verified());
        assertEquals(List.of("notes", "notes_fts"), TestPostgres.get().rows(r.db(), "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"));
        assertFalse(TestPostgres.get().rows(r.db(), "SELECT column_name FROM information_schema.columns WHERE table_name = 'notes_fts'")
                .contains("search"));
    }
}
