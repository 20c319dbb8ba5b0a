package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.plan.PgType;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suggestion is a claim about every value of a column ("every value is an ISO date"), so a
 * migrate that plans from samples reads whole the tables the user took a suggestion for, and does
 * not scan the others for suggestions it will not carry out. What must happen: with
 * --suggest date:posts.published_on, posts is planned from every value and the suggestion is
 * carried out and verified; without it, posts is planned from a sample and no column suggestion of
 * posts is claimed.
 */
class SampledSuggestionsTest {

    @Test
    void aTakenSuggestionsTableIsReadWholeTheOthersAreSampled(@TempDir Path dir) throws Exception {
        Path file = SuggestionsTest.blog(dir);
        Options taken = options(file).withSuggestions(Set.of("date:posts.published_on"));
        Migration m = new Migration(taken, MigrationListener.NONE);
        Plan plan = m.preflight(1);
        assertFalse(plan.table("posts").orElseThrow().sampled(), "read whole: a suggestion was taken for it");
        assertTrue(plan.table("comments").orElseThrow().sampled());
        assertEquals(PgType.Kind.DATE, plan.table("posts").orElseThrow().column("published_on").type().kind());
        Result r = m.run(plan);
        assertEquals(Result.Status.DONE, r.status());
        assertTrue(r.tables().stream().allMatch(t -> t.checksumMatch() && t.sourceRows() == t.targetRows()));

        Plan sampled = new Migration(options(file), MigrationListener.NONE).preflight(1);
        assertTrue(sampled.table("posts").orElseThrow().sampled());
        assertTrue(sampled.suggestions().stream().noneMatch(s -> s.table().equals("posts")
                && !s.id().startsWith("fk-index:") && !s.id().startsWith("gin:")), sampled.suggestions().toString());
    }

    private static Options options(Path file) {
        return Options.of(file, TestPostgres.get().freshDatabase(), TestPostgres.get().adminPassword());
    }
}
