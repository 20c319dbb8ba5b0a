package dev.ferry.run;

import dev.ferry.mapping.Plan;
import dev.ferry.mapping.Problem;
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
                     boolean encrypted) {

    /** done: every table verified; different: a count or checksum differs. */
    public enum Status { DONE, DIFFERENT }

    public boolean verified() {
        return tables.stream().allMatch(TableCheck::checksumMatch);
    }
}
