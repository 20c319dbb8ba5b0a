package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle key the wizard's code names exists, so no page shows a key or throws on a missing
 * one; and every pattern with arguments parses, so a stray apostrophe cannot eat a sentence.
 */
class MessagesTest {

    private static final Pattern KEY = Pattern.compile("(?:Text\\.get|Ui\\.(?:page|help|label)|section|row|stat|column)\\(\"([a-z][a-z0-9.\\-]*[a-z0-9])\"");

    @Test
    void everyKeyNamedInTheCodeExists() throws IOException {
        List<String> missing;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/ferry/ui"))) {
            missing = files.flatMap(f -> keys(f).stream()).distinct()
                    .filter(k -> !Text.BUNDLE.containsKey(k) && !(Text.BUNDLE.containsKey(k + ".title")
                            && Text.BUNDLE.containsKey(k + ".lead")))
                    .sorted().toList();
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void patternsWithArgumentsParse() {
        for (String key : Text.BUNDLE.keySet()) {
            String text = Text.BUNDLE.getString(key);
            if (text.contains("{0")) {
                String formatted = Text.get(key, 1, 2, 3, 4, 5);
                assertEquals(-1, formatted.indexOf('{'), key + " still shows a placeholder: " + formatted);
                assertEquals(-1, text.indexOf('\''), key + " has a straight apostrophe, which MessageFormat drops; write ’");
            }
        }
    }

    /** Issue #17: "1 tables" read as a machine talking; every count picks its singular with ChoiceFormat. */
    @Test
    void aCountOfOneIsSingular() {
        Pattern plural = Pattern.compile("(?<![\\d.,])1 (tables|rows|columns|views|bytes|values|problems|names|lines|triggers|files|changes)\\b");
        List<String> wrong = Text.BUNDLE.keySet().stream()
                .filter(k -> Text.BUNDLE.getString(k).contains("{0"))
                .filter(k -> plural.matcher(Text.get(k, 1, 1, 1, 1, 1)).find())
                .sorted().toList();
        assertEquals(List.of(), wrong, "these sentences say \"1 tables\" or the like for a count of one");
    }

    /** Things to know and Results name each problem's kind in words, never its id ("uuid-kept-as-text"). */
    @Test
    void everyKindOfProblemHasItsName() {
        List<String> missing = java.util.Arrays.stream(dev.ferry.plan.Problem.Kind.values())
                .map(k -> "problem.kind." + k.id()).filter(k -> !Text.BUNDLE.containsKey(k)).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void noSentenceSpeaksOfTheCommandLine() {
        List<String> cli = Text.BUNDLE.keySet().stream()
                .filter(k -> Advice.COMMAND_LINE.matcher(Text.BUNDLE.getString(k)).find()).sorted().toList();
        assertEquals(List.of(), cli, "the wizard has fields and buttons, not options, PGPASSWORD or a terminal");
    }

    private static List<String> keys(Path file) {
        try {
            Matcher m = KEY.matcher(Files.readString(file));
            return m.results().map(r -> r.group(1)).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
