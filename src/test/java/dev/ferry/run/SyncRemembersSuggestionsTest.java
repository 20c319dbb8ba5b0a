package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suggestions taken at the migrate (--suggest) are the migrate's decisions too: the journal's plan
 * record keeps them, and a sync given the same options but no --suggest takes them again, so its
 * plan is the migrate's (else it would refuse: "the tables Ferry would make now are not the ones the
 * migration made"). The new rows arrive in the suggested types.
 */
class SyncRemembersSuggestionsTest {

    @Test
    void aSyncWithoutSuggestTakesWhatTheMigrateTook(@TempDir Path dir) throws Exception {
        Path file = SuggestionsTest.blog(dir);
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options plain = Options.of(file, target, TestPostgres.get().adminPassword());
        Options suggested = plain.withSuggestions(Set.of("enum:posts.status", "date:posts.published_on"));
        Migration m = new Migration(suggested, MigrationListener.NONE);
        assertEquals(Result.Status.DONE, m.run(m.preflight()).status());
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("INSERT INTO posts (id, author_id, title, status, published_on) VALUES (4, 2, 'New', 'published', '2024-05-06')",
                    "UPDATE posts SET status = 'archived' WHERE id = 2");
        }

        List<String> notes = new ArrayList<>();
        SyncResult r = new Migration(plain, e -> {
            if (e instanceof MigrationEvent.Note n) {
                notes.add(n.text());
            }
        }).sync(false);

        assertTrue(r.verified(), r.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("choices the migration took")
                && n.contains("enum:posts.status") && n.contains("date:posts.published_on")), notes.toString());
        assertEquals(1, r.inserted());
        assertEquals(1, r.updated());
        assertEquals("date", query(target, "SELECT data_type FROM information_schema.columns WHERE table_name = 'posts' "
                + "AND column_name = 'published_on'"));
        assertEquals("2024-05-06", query(target, "SELECT published_on::text FROM public.posts WHERE id = 4"));
        assertEquals("archived", query(target, "SELECT status::text FROM public.posts WHERE id = 2"));
    }
}
