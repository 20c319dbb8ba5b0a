package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.KindChangeFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17, item 2: the sentences the wizard shows for columns whose values change kind are the
 * ones `ferry inspect` prints and the HTML report writes.
 */
class KindChangeLinesTest {

    private static final String FLAG = "flags.active becomes true/false: queries that compare it with 1 or 0 must "
            + "compare with true or false";
    private static final String AT = "events.at becomes a timestamp: text comparisons like LIKE '2024-%' no longer work";
    private static final String DATA = "files.data becomes bytes (bytea): the app reads bytes, not text or numbers, in every row";

    @Test
    void inspectSaysWhatEachChangeOfKindMeansForTheApp(@TempDir Path dir) throws Exception {
        CommandLineTest.Run r = CommandLineTest.ferry(null, "inspect", KindChangeFixture.write(dir).toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains(FLAG) && r.out().contains(AT) && r.out().contains(DATA), r.out());
    }

    /**
     * The way to keep a mixed column as text, told in the command line's words: the option, which
     * does what it says. The wizard names its own control instead (see ThingsToKnowTest).
     */
    @Test
    void keepingAsTextIsToldAsTheOptionThatDoesIt(@TempDir Path dir) throws Exception {
        Path file = KindChangeFixture.write(dir);
        CommandLineTest.Run r = CommandLineTest.ferry(null, "inspect", file.toString());
        assertEquals(0, r.code(), r.all());
        String way = "--on-problem bytes-or-text:files.data=text";
        assertTrue(r.out().contains(DATA) && r.out().contains("To keep it as text: " + way), r.out());
        assertTrue(!r.out().contains("Ferry’s choice") && !r.out().contains("choose “"), r.out());

        CommandLineTest.Run kept = CommandLineTest.ferry(null, "inspect", file.toString(), way.split(" ")[0], way.split(" ")[1]);
        assertEquals(0, kept.code(), kept.all());
        assertTrue(kept.out().contains("files.data stays text, as you chose") && !kept.out().contains(way), kept.out());
    }

    @Test
    void theHtmlReportSaysTheSame(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Path report = dir.resolve("report.html");
        CommandLineTest.Run r = CommandLineTest.ferry(null, "migrate", KindChangeFixture.write(dir).toString(), "--to",
                TestPostgres.url(db), "--report", report.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("To keep it as text: --on-problem bytes-or-text:files.data=text"), r.out());
        String html = Files.readString(report);
        assertTrue(html.contains("flags.active becomes true/false") && html.contains("events.at becomes a timestamp: text "
                + "comparisons like LIKE &#39;2024-%&#39; no longer work") && html.contains(DATA), html);
    }
}
