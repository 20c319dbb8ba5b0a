package dev.ferry.cli;

import dev.ferry.plan.Problem;

/**
 * A problem's sentence as the command line says it. The engine's sentence is shared with the
 * wizard and the report, so it names no control of either face; where it offers another way
 * ("you may keep it as text instead"), the command line ends it with the option that takes it.
 */
final class ProblemLine {

    private ProblemLine() {
    }

    static String of(Problem p) {
        if (p.kind() == Problem.Kind.BYTES_OR_TEXT && Problem.BYTEA.equals(p.resolution())) {
            return p.message() + " To keep it as text: --on-problem " + p.kind().id() + ":" + p.table() + "." + p.column()
                    + "=" + Problem.TEXT;
        }
        return p.message();
    }
}
