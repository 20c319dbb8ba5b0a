package dev.ferry.appcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A single literal holding a script becomes one candidate per statement, each at the line it is
 * on; literals the code joins stay one candidate at the first one's line, since the line breaks
 * between them are the source's, not the text's, and a guessed line would send a person to the
 * wrong place.
 */
class ScriptSplitTest {

    private static List<String> split(Language lang, String source) {
        return Joiner.candidates(source, lang, "f").stream().flatMap(c -> AppScan.script(c).stream())
                .map(c -> c.line() + " " + c.text().strip().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void oneLiteralIsSplitAtItsStatementsLines() {
        assertEquals(List.of("1 CREATE TABLE a (x TEXT DEFAULT ';')", "4 CREATE INDEX ia ON a(x)"), split(Language.GO, """
                db.Exec(`CREATE TABLE a (x TEXT DEFAULT ';');

                -- and its index
                CREATE INDEX ia ON a(x);`)
                """));
    }

    @Test
    void joinedLiteralsAreNotSplit() {
        assertEquals(List.of("1 CREATE TABLE a (x); CREATE TABLE b (y)"), split(Language.PYTHON, """
                SCHEMA = ("CREATE TABLE a (x); "
                          "CREATE TABLE b (y)")
                """));
    }
}
