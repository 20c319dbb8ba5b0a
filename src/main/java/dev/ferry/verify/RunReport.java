package dev.ferry.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * The report of a run as records, in the shape DESIGN.md promises ("Report JSON"): Jackson writes
 * these records as the JSON report, field for field in the order declared here, and the HTML
 * template renders the same records. A change to the JSON is a change to a record here, so the
 * contract has one place to read. Absent values are written as {@code null}, except the few
 * fields marked {@link JsonInclude.Include#NON_NULL}, which today's reports leave out instead.
 *
 * @param target  the redacted address: a report can be shared without leaking a password
 * @param seconds how long the run took, rounded to the millisecond
 * @param rejects the file of values moved aside, only when there is one
 */
public record RunReport(String status, String source, String target, String schema, double seconds,
                        List<TableEntry> tables, List<ProblemEntry> problems, List<RenameEntry> renames,
                        List<Report.Item> views, List<Report.Item> triggers,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String rejects,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SuggestionEntry> suggestions) {

    public RunReport {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public RunReport(String status, String source, String target, String schema, double seconds, List<TableEntry> tables,
                     List<ProblemEntry> problems, List<RenameEntry> renames, List<Report.Item> views,
                     List<Report.Item> triggers, String rejects) {
        this(status, source, target, schema, seconds, tables, problems, renames, views, triggers, rejects, List.of());
    }

    /**
     * What Ferry could also have done ("Ferry could also ..."), whether this run took it, and (when the
     * user took it but it was not made, as an index with --leave-out indexes) why not; left out
     * of the JSON when there is none. {@code id} is what --suggest takes.
     */
    public record SuggestionEntry(String id, String kind, String table, String column, String does, String why,
                                  boolean taken, @JsonInclude(JsonInclude.Include.NON_NULL) String notCreated) {
    }

    /**
     * One table's counts and checksums; its columns when the plan has the table.
     *
     * @param columns null (and left out of the JSON) when the plan does not know the table
     */
    public record TableEntry(String source, String target, Rows rows, Checksum checksum,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<ColumnEntry> columns) {
    }

    /** @param source every SQLite row, including those the user chose to reject */
    public record Rows(long source, long target, long rejected) {
    }

    /** The two fingerprints in hexadecimal, and whether rows and fingerprints both match. */
    public record Checksum(boolean match, String source, String target) {
    }

    /** How one column moved: declared type, chosen type, the rule that chose it, what the data holds. */
    public record ColumnEntry(String source, String target, String declared, String type, String rule, String holds) {
    }

    /**
     * A problem and what Ferry did about it.
     *
     * @param alternatives what the user could choose instead; only for problems with a choice
     */
    public record ProblemEntry(String table, String column, String kind, long count, String resolution,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<String> alternatives,
                               List<String> examples, String message) {
    }

    /** A name that changed on the way to PostgreSQL. */
    public record RenameEntry(String kind, String table, String from, String to, String reason) {
    }

    /** The report of a run from what the run produced. */
    public static RunReport of(String status, Path source, String target, List<TableCheck> tables, Plan plan,
                               List<Problem> problems, List<Report.Item> views, List<Report.Item> triggers, double seconds) {
        return new RunReport(status, source.toAbsolutePath().toString(), target, plan.schema(),
                Math.round(seconds * 1000) / 1000.0, tables.stream().map(t -> table(t, plan)).toList(),
                problems.stream().map(RunReport::problem).toList(),
                plan.renames().stream().map(r -> new RenameEntry(r.kind(), r.table(), r.from(), r.to(), r.reason())).toList(),
                List.copyOf(views), List.copyOf(triggers), null, plan.suggestions().stream().map(x -> new SuggestionEntry(
                        x.id(), x.kind().id(), x.table(), x.column(), x.does(), x.why(), x.done(), x.notCreated())).toList());
    }

    /** The same report naming the file of values moved aside. */
    public RunReport withRejects(Path file) {
        return new RunReport(status, source, target, schema, seconds, tables, problems, renames, views, triggers,
                file == null ? null : file.toAbsolutePath().toString(), suggestions);
    }

    private static TableEntry table(TableCheck t, Plan plan) {
        return new TableEntry(t.source(), t.target(), new Rows(t.sqliteRows(), t.targetRows(), t.rejected()),
                new Checksum(t.checksumMatch(), Long.toHexString(t.sourceChecksum()), Long.toHexString(t.targetChecksum())),
                plan.table(t.source()).map(tp -> tp.columns().stream().map(c -> column(c, tp.sampled())).toList()).orElse(null));
    }

    /** @param sampled the table was planned from a sample of its rows (every value was checked against it on the copy) */
    private static ColumnEntry column(ColumnPlan c, boolean sampled) {
        return new ColumnEntry(c.source().name(), c.target(), c.source().declaredType(), c.type().sql(), c.ruleName(),
                (sampled ? "in a sample of its rows: " : "") + c.profile().describe());
    }

    private static ProblemEntry problem(Problem p) {
        return new ProblemEntry(p.table(), p.column(), p.kind().id(), p.count(), p.resolution(),
                p.choosable() ? p.kind().resolutions() : null, p.examples(), p.message());
    }
}
