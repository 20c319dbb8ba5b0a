package dev.ferry.ui;

import dev.ferry.plan.ColumnPlan;

/** Review's "Why this type" in words: what the column was declared and what it holds, not a rule's name. */
final class RuleWords {

    private RuleWords() {
    }

    /** The rule's sentence when the bundle has one, else its name; the user's own choice says so. */
    static String why(ColumnPlan c) {
        if (c.rule() == null) {
            return Text.get("review.rule.yours");
        }
        return Text.orElse(key(c.ruleName()), c.ruleName());
    }

    /** "timestamp with time zone" → review.rule.timestamp-with-time-zone */
    static String key(String ruleName) {
        return "review.rule." + ruleName.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
