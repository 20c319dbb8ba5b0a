package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.plan.TypeRule;
import dev.ferry.plan.TypeRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Review's "Why this type" speaks of what the column was declared and holds, never a rule's bare name. */
class ReviewWordsTest {

    @Test
    void everyTypeRuleHasItsReasonInWords() {
        List<String> missing = TypeRules.all().stream().map(TypeRule::name).distinct()
                .filter(n -> !Text.BUNDLE.containsKey(RuleWords.key(n))).toList();
        assertEquals(List.of(), missing);
        for (TypeRule r : TypeRules.all()) {
            String words = Text.get(RuleWords.key(r.name()));
            assertFalse(words.equals(r.name()), words);
        }
    }
}
