package dev.ferry.appcode;

import dev.ferry.appcode.AppFolder.SourceFile;
import dev.ferry.appcode.AppFolder.Walk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Ferry finds in an app's folder: the files it read (and left out), the statements in them as
 * the recognizer judges them, and how the app talks to SQLite.
 */
public record AppScan(Walk walk, List<Candidate> statements, List<StackFinding> stack) {

    public AppScan {
        statements = List.copyOf(statements);
        stack = List.copyOf(stack);
    }

    public static AppScan of(Path folder, StatementRecognizer recognizer) {
        Walk walk = AppFolder.walk(folder);
        List<Candidate> statements = new ArrayList<>();
        for (SourceFile f : walk.files()) {
            for (Candidate c : candidates(f)) {
                if (recognizer.isStatement(c)) {
                    statements.add(c);
                }
            }
        }
        return new AppScan(walk, statements, StackDetector.find(walk.files()));
    }

    /** Every string of a source file (joined as its code joins them), or every statement of a .sql file. */
    public static List<Candidate> candidates(SourceFile f) {
        if (f.language() == Language.SQL) {
            return SqlFileSplitter.statements(f.text(), f.path());
        }
        return f.language().hasStrings() ? Joiner.candidates(f.text(), f.language(), f.path()) : List.of();
    }
}
