package dev.ferry.appcode;

import dev.ferry.appcode.AppFolder.SourceFile;
import dev.ferry.appcode.AppFolder.Walk;
import dev.ferry.postgres.TargetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
                    script(c).stream().filter(recognizer::isStatement).forEach(statements::add);
                }
            }
        }
        return new AppScan(walk, statements, StackDetector.find(walk.files()));
    }

    /**
     * A literal that holds several statements (a schema handed to {@code db.exec}) as one candidate
     * per statement. The first keeps the literal's line; each later one gets the line it is on,
     * counted through the literal's own line breaks, which is why only a single literal is split
     * (joined ones have line breaks of their own between them).
     */
    static List<Candidate> script(Candidate c) {
        if (c.dynamic() || c.parts().size() > 1 || c.language().equals(Language.SQL.label()) || c.text().indexOf(';') < 0) {
            return List.of(c);
        }
        List<Candidate> pieces = SqlFileSplitter.statements(c.text(), c.file());
        if (pieces.size() < 2) {
            return List.of(c);
        }
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) {
            Candidate p = pieces.get(k);
            out.add(new Candidate(c.file(), k == 0 ? c.line() : c.line() + p.line() - 1, p.text(), false, c.language()));
        }
        return out;
    }

    /** The handoff for the stack the app's SQL is written for, when Ferry found one. */
    public Optional<Handoff> handoff(TargetAddress to) {
        return StackDetector.main(stack).map(s -> Handoff.of(s, to));
    }

    /** Every string of a source file (joined as its code joins them), or every statement of a .sql file. */
    public static List<Candidate> candidates(SourceFile f) {
        if (f.language() == Language.SQL) {
            return SqlFileSplitter.statements(f.text(), f.path());
        }
        return f.language().hasStrings() ? Joiner.candidates(f.text(), f.language(), f.path()) : List.of();
    }
}
