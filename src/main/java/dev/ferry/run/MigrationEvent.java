package dev.ferry.run;

import dev.ferry.plan.Problem;
import java.time.Duration;
import java.util.List;

/** What a run reports as it goes. Immutable, so listeners may hand them to other threads. */
public sealed interface MigrationEvent {

    /** The phases of a run, in order. */
    enum Phase {
        PREFLIGHT("Checking the source and planning", "Source checked and plan made"),
        CREATE("Creating tables", "Tables created"), COPY("Copying rows", "Rows copied"),
        COMPLETE("Creating keys, indexes and views", "Keys, indexes and views made"),
        VERIFY("Verifying counts and checksums", "Counts and checksums compared");

        public final String label;
        /** Said when the phase ends: keys and verify overlap, so a bare "done" could belong to either. */
        public final String finished;

        Phase(String label, String finished) {
            this.label = label;
            this.finished = finished;
        }
    }

    record PhaseStarted(Phase phase) implements MigrationEvent {
    }

    record PhaseFinished(Phase phase, Duration took) implements MigrationEvent {
    }

    record TableStarted(String table, long rows) implements MigrationEvent {
    }

    /** Rows copied so far for one table (cumulative, not a delta). */
    record RowsCopied(String table, long done, long total) implements MigrationEvent {
    }

    record TableFinished(String table, long rows, Duration took) implements MigrationEvent {
    }

    record ProblemFound(Problem problem) implements MigrationEvent {
    }

    /**
     * The plan the user saw was changed before anything was created, to fit this server (a column
     * type or collation it lacks, a generated expression it refuses): {@code why} says what changed
     * and why, in one line; {@code columns} names each changed column as table.column.
     */
    record PlanChanged(String why, List<String> columns) implements MigrationEvent {

        public PlanChanged {
            columns = List.copyOf(columns);
        }
    }

    /** A line worth telling the user that fits no other event. */
    record Note(String text) implements MigrationEvent {
    }
}
