package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.verify.Report;
import dev.ferry.verify.TableCheck;
import java.time.Duration;
import java.util.List;

/**
 * What a run did: per table the counts and checksums of both sides, every problem with what was
 * done about it, and the state of views and triggers.
 */
public record Result(Status status, Plan plan, List<TableCheck> tables, List<Problem> problems,
                     List<Report.Item> views, List<Report.Item> triggers, Duration took, String serverVersion,
                     boolean encrypted, java.nio.file.Path rejects) {

    public Result(Status status, Plan plan, List<TableCheck> tables, List<Problem> problems, List<Report.Item> views,
                  List<Report.Item> triggers, Duration took, String serverVersion, boolean encrypted) {
        this(status, plan, tables, problems, views, triggers, took, serverVersion, encrypted, null);
    }

    /** The same result naming the rejects file, where values changed and rows moved aside are recorded. */
    public Result withRejects(java.nio.file.Path file) {
        return new Result(status, plan, tables, problems, views, triggers, took, serverVersion, encrypted, file);
    }

    /** The same result with these view lines (a view made again with another meaning). */
    public Result withViews(List<Report.Item> newViews) {
        return new Result(status, plan, tables, problems, List.copyOf(newViews), triggers, took, serverVersion, encrypted,
                rejects);
    }

    /** Rows the user's choices sent to the rejects file instead of PostgreSQL. */
    public long rejectedRows() {
        return tables.stream().mapToLong(TableCheck::rejected).sum();
    }

    /** done: every table verified; different: a count or checksum differs. */
    public enum Status { DONE, DIFFERENT }

    public boolean verified() {
        return tables.stream().allMatch(TableCheck::checksumMatch);
    }
}
