package dev.ferry.cli;

import dev.ferry.plan.Problem;
import dev.ferry.run.Result;
import dev.ferry.verify.Report;
import dev.ferry.verify.RunReport;
import dev.ferry.verify.TableCheck;
import java.io.IOException;
import java.nio.file.Path;

/** The end of a run on the command line: the summary table, the problems, the report file, the exit code. */
final class Outcome {

    private Outcome() {
    }

    static int finish(Console c, Result r, Path source, String target, Path reportFile) {
        int w = Math.max(5, r.tables().stream().mapToInt(t -> t.source().length()).max().orElse(5));
        boolean anyRejected = r.rejectedRows() > 0;
        String fmt = "%-" + w + "s  %14s  %14s  " + (anyRejected ? "%10s  " : "%s") + "%-8s  %8s%n";
        c.out.printf(fmt, "table", "rows SQLite", "rows Postgres", anyRejected ? "rejected" : "", "checksum", "time");
        for (TableCheck t : r.tables()) {
            c.out.printf(fmt, t.source(), String.format("%,d", t.sqliteRows()), String.format("%,d", t.targetRows()),
                    anyRejected ? String.format("%,d", t.rejected()) : "",
                    c.check(t.checksumMatch()) + (t.checksumMatch() ? " same" : " DIFF"), String.format("%.1f s", t.seconds()));
        }
        long rows = r.tables().stream().mapToLong(TableCheck::targetRows).sum();
        c.out.printf("%n%s, %s in %.1f s into %s (PostgreSQL %s, %s).%n", tables(r.tables().size()),
                rows == 1 ? "1 row" : String.format("%,d rows", rows),
                r.took().toMillis() / 1000.0, target, r.serverVersion(), r.encrypted() ? "encrypted" : "not encrypted");
        if (!r.problems().isEmpty()) {
            c.out.println();
            c.out.println(r.problems().size() + " thing" + (r.problems().size() == 1 ? "" : "s") + " to know:");
            for (Problem p : r.problems()) {
                c.out.println("  - " + ProblemLine.of(p));
            }
        }
        java.util.stream.Stream.concat(r.views().stream(), r.triggers().stream()).filter(i -> "created-differs".equals(i.status()))
                .forEach(i -> c.out.println("  " + c.check(false) + " " + (r.views().contains(i) ? "View " : "Trigger ") + i.name()
                        + " was created but does not do what it did in SQLite: " + i.reason() + (r.views().contains(i)
                        && !i.sqliteMeaning() ? ". It keeps PostgreSQL's meaning; for SQLite's, run: ferry verify "
                        + SampleCommand.shellWord(source.toString()) + " --to " + target + (r.plan().schema().equals("public")
                        ? "" : " --schema " + r.plan().schema()) + " --view-meaning " + SampleCommand.shellWord(i.name() + "=sqlite")
                        : "")));
        r.views().stream().filter(i -> i.sqliteMeaning() && "created".equals(i.status()))
                .forEach(i -> c.out.println("  " + c.check(true) + " View " + i.name() + " uses SQLite's meaning, as you chose "
                        + "(its dates compared as the text SQLite stored): " + (i.proof() == null ? "" : i.proof().text())));
        if (r.rejects() != null) {
            c.out.println("\nValues changed or moved aside, as you chose" + (anyRejected ? String.format(" (%,d row%s rejected)",
                    r.rejectedRows(), r.rejectedRows() == 1 ? "" : "s") : "") + ", are recorded in " + r.rejects());
        }
        if (reportFile != null) {
            try {
                if (reportFile.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
                    dev.ferry.verify.HtmlReport.write(report(r, source, target), reportFile);
                } else {
                    Report.write(report(r, source, target), reportFile);
                }
                c.out.println("\nReport written to " + reportFile.toAbsolutePath());
            } catch (IOException e) {
                c.warn("the report could not be written to " + reportFile + ": " + e.getMessage());
            }
        }
        if (r.verified()) {
            c.out.println("\n" + c.check(true) + (anyRejected ? " Every row you did not reject arrived: row counts and checksums match."
                : " Every table arrived: row counts and checksums match."));
            return 0;
        }
        c.out.println("\n" + c.check(false) + " Some tables differ: " + String.join(", ", r.tables().stream()
                .filter(t -> !t.checksumMatch()).map(TableCheck::source).toList()) + ".");
        return 5;
    }

    /** "1 table", "11 tables". */
    static String tables(int n) {
        return n == 1 ? "1 table" : n + " tables";
    }

    static RunReport report(Result r, Path source, String target) {
        return Report.of(r.verified() ? "done" : "different", source, target, r.tables(), r.plan(), r.problems(), r.views(),
                r.triggers(), r.took().toMillis() / 1000.0).withRejects(r.rejects());
    }
}
