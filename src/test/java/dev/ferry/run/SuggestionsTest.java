package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Suggestion;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Ferry could also do, on a blog app's file as such apps write it: foreign keys without an
 * index, a CHECK listing a status's values, dates kept as 'YYYY-MM-DD' text, tags and scores kept
 * as JSON arrays, a JSON column. Each is offered with what the data shows, none is taken by
 * default, and each one taken arrives in PostgreSQL as that type or index, with the same values,
 * verified by the same checksums.
 */
class SuggestionsTest {

    static final List<String> ALL = List.of("fk-index:posts.author_id", "fk-index:comments.post_id", "gin:posts.meta",
            "date:posts.published_on", "enum:posts.status", "array:posts.tags", "array:posts.scores");

    static Path blog(Path dir) throws Exception {
        Path file = dir.resolve("blog.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "CREATE TABLE posts (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors(id), "
                            + "title TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'draft' "
                            + "CHECK (status IN ('draft', 'published', 'archived')), published_on TEXT, "
                            + "tags TEXT NOT NULL DEFAULT '[]', scores TEXT, meta JSON)",
                    "CREATE TABLE comments (id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts(id) "
                            + "ON DELETE CASCADE, body TEXT)",
                    "CREATE INDEX comments_by_body ON comments(body)");
            db.insert("authors", new Object[] {1L, "Ada"}, new Object[] {2L, "Linus"});
            db.insert("posts",
                    new Object[] {1L, 1L, "Moving to PostgreSQL", "published", "2024-03-01", "[\"sqlite\",\"postgres\"]",
                            "[1,2,3]", "{\"words\": 1200, \"lang\": \"en\"}"},
                    new Object[] {2L, 1L, "Drafts", "draft", null, "[]", "[]", "{\"words\": 10}"},
                    new Object[] {3L, 2L, "Old news", "archived", "2023-12-31", "[\"a b\",\"x,y\",\"q\\\"\"]", "[10,-4,null]",
                            null});
            db.insert("comments", new Object[] {1L, 1L, "Nice"}, new Object[] {2L, 1L, "Thanks"}, new Object[] {3L, 3L, null});
        }
        return file;
    }

    @Test
    void suggestionsAreOfferedWithWhyAndNoneIsTakenByDefault(@TempDir Path dir) throws Exception {
        Plan plan = new Migration(Options.of(blog(dir), null, null), MigrationListener.NONE).preflight();

        assertEquals(Set.copyOf(ALL.subList(0, 7)), Set.copyOf(plan.suggestions().stream().map(Suggestion::id)
                .filter(ALL::contains).toList()), plan.suggestions().toString());
        assertTrue(plan.taken().isEmpty(), "nothing is taken unless asked");
        assertEquals("text", plan.table("posts").orElseThrow().column("published_on").type().sql());
        assertEquals("text", plan.table("posts").orElseThrow().column("status").type().sql());
        assertEquals("jsonb", plan.table("posts").orElseThrow().column("tags").type().sql());
        Suggestion date = plan.suggestions().stream().filter(s -> s.id().equals("date:posts.published_on")).findFirst().orElseThrow();
        assertEquals("All 2 values are a date written YYYY-MM-DD.", date.why());
        Suggestion scores = plan.suggestions().stream().filter(s -> s.id().equals("array:posts.scores")).findFirst().orElseThrow();
        assertEquals(List.of("bigint[]"), scores.details(), "whole numbers and nulls: bigint[]");
        Suggestion tags = plan.suggestions().stream().filter(s -> s.id().equals("array:posts.tags")).findFirst().orElseThrow();
        assertEquals(List.of("text[]"), tags.details());
        Suggestion status = plan.suggestions().stream().filter(s -> s.id().equals("enum:posts.status")).findFirst().orElseThrow();
        assertEquals(List.of("draft", "published", "archived"), status.details(), "the CHECK's order");
        assertTrue(plan.suggestions().stream().noneMatch(s -> s.id().startsWith("fk-index:comments.body")));
        assertTrue(plan.suggestions().stream().noneMatch(s -> s.id().startsWith("date:posts.title")), "titles are no dates");
    }

    @Test
    void everySuggestionTakenArrivesAsItsTypeOrIndexAndVerifies(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = Options.of(blog(dir), target, TestPostgres.get().adminPassword()).withSuggestions(Set.copyOf(ALL));
        Migration m = new Migration(options, MigrationListener.NONE);
        Plan plan = m.preflight();
        assertEquals(Set.copyOf(ALL), Set.copyOf(plan.taken().stream().map(Suggestion::id).toList()));
        Result r = m.run(plan);

        assertEquals(Result.Status.DONE, r.status(), r.toString());
        assertTrue(r.verified(), "the checksums agree on the converted values");
        String type = "SELECT data_type || ':' || udt_name FROM information_schema.columns WHERE table_name = 'posts' "
                + "AND column_name = ";
        assertEquals("date:date", query(target, type + "'published_on'"));
        assertEquals("USER-DEFINED:posts_status", query(target, type + "'status'"));
        assertEquals("ARRAY:_text", query(target, type + "'tags'"));
        assertEquals("ARRAY:_int8", query(target, type + "'scores'"));
        assertEquals("draft,published,archived", query(target, "SELECT string_agg(l::text, ',' ORDER BY n) FROM "
                + "unnest(enum_range(NULL::posts_status)) WITH ORDINALITY AS e(l, n)"));
        assertEquals("2024-03-01", query(target, "SELECT published_on::text FROM posts WHERE id = 1"));
        assertEquals("postgres", query(target, "SELECT tags[2] FROM posts WHERE id = 1"));
        assertEquals("q\"", query(target, "SELECT tags[3] FROM posts WHERE id = 3"));
        assertEquals(12, count(target, "SELECT sum(s) FROM posts, unnest(scores) AS s"));
        assertEquals(1, count(target, "SELECT count(*) FROM posts WHERE scores[3] IS NULL AND id = 3"));
        assertEquals("{}", query(target, "SELECT column_default FROM information_schema.columns WHERE table_name = 'posts' "
                + "AND column_name = 'tags'").replaceAll("'(.*)'::text\\[\\]", "$1"), "the JSON default '[]' as an array");
        assertEquals(1, count(target, "SELECT count(*) FROM posts WHERE meta @> '{\"lang\": \"en\"}'"));
        assertEquals(1, count(target, "SELECT count(*) FROM pg_indexes WHERE tablename = 'posts' AND indexdef LIKE "
                + "'%USING gin (meta)%'"));
        assertEquals(1, count(target, "SELECT count(*) FROM pg_indexes WHERE tablename = 'comments' AND indexdef LIKE "
                + "'%USING btree (post_id)'"));
        assertEquals(1, count(target, "SELECT count(*) FROM pg_indexes WHERE tablename = 'posts' AND indexdef LIKE "
                + "'%USING btree (author_id)'"));
        assertEquals(1, count(target, "SELECT count(*) FROM posts WHERE status = 'draft'"));

        assertEquals("posts_status", query(target, "SELECT string_agg(name, ',') FROM ferry_journal.objects WHERE kind = 'type'"));
        m.undo(null, true);
        assertEquals(0, count(target, "SELECT count(*) FROM pg_type WHERE typname = 'posts_status'"), "undo dropped the type");
    }

    /** The final sync writes changed rows the same way: an array column goes by text COPY, and verifies. */
    @Test
    void aSyncAfterwardsCarriesChangedRowsIntoTheSameTypes(@TempDir Path dir) throws Exception {
        TargetAddress target = TestPostgres.get().freshDatabase();
        Path file = blog(dir);
        Options options = Options.of(file, target, TestPostgres.get().adminPassword()).withSuggestions(Set.copyOf(ALL));
        Migration m = new Migration(options, MigrationListener.NONE);
        assertTrue(m.run(m.preflight()).verified());
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("UPDATE posts SET tags = '[\"moved\"]', scores = '[7]', published_on = '2025-01-02' WHERE id = 2",
                    "INSERT INTO posts VALUES (4, 2, 'New', 'published', '2025-02-03', '[\"x\"]', '[1]', '{\"a\": 1}')");
        }
        SyncResult r = new Migration(options, MigrationListener.NONE).sync(false);
        assertTrue(r.verified(), r.toString());
        assertEquals(1, r.inserted());
        assertEquals(1, r.updated());
        assertEquals("moved", query(target, "SELECT tags[1] FROM posts WHERE id = 2"));
        assertEquals("2025-02-03", query(target, "SELECT published_on::text FROM posts WHERE id = 4"));
    }

    @Test
    void aSuggestionFerryDoesNotMakeStopsTheRunBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Options options = Options.of(blog(dir), null, null).withSuggestions(Set.of("date:posts.title"));
        FerryException e = assertThrows(FerryException.class,
                () -> new Migration(options, MigrationListener.NONE).preflight());
        assertEquals(FerryException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("date:posts.title"), e.getMessage());
        assertTrue(e.advice().contains("date:posts.published_on"), "names those it has: " + e.advice());
        assertFalse(e.advice().contains("date:posts.title"));
    }
}
