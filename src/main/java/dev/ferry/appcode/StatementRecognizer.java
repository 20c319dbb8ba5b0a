package dev.ferry.appcode;

/**
 * Decides whether a candidate string is a SQL statement. The default looks at the first word only
 * and so keeps "Select your team!" too; the translator's SQLite parser plugs in here to keep only
 * what parses.
 */
@FunctionalInterface
public interface StatementRecognizer {

    /** The cheap filter: a statement keyword of SQLite first. */
    StatementRecognizer KEYWORDS = new KeywordRecognizer();

    boolean isStatement(Candidate candidate);
}
