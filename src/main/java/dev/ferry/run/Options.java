package dev.ferry.run;

import dev.ferry.plan.PgType;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Resolutions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run needs, checked once and then frozen. Both faces (command line and wizard)
 * build one of these before anything starts.
 *
 * @param target    null for runs that need no PostgreSQL (inspect)
 * @param overrides PostgreSQL types the user chose, keyed by "table.column" in lower case
 * @param chunkRows rows per committed chunk of a table's copy
 * @param resolutions the user's choices for problems (--on-problem); defaults for the rest
 * @param rejects   where values and rows Ferry changed or moved are recorded (JSON lines); null for
 *                  the default, a file named after the source in the folder Ferry is run from
 * @param leaveOut  parts of the schema not to create (indexes, foreign keys, views, triggers)
 * @param excluded  SQLite tables not to migrate, by name in lower case
 * @param suggestions the suggestions to take, as --suggest names them ("date:orders.placed_on"); none by default
 */
public record Options(Path source, TargetAddress target, Secret password, String schema, IfExists ifExists,
                      int jobs, Naming.Style naming, Map<String, PgType> overrides, long chunkRows,
                      Resolutions resolutions, Path rejects, Set<Plan.Part> leaveOut, Set<String> excluded,
                      Set<String> suggestions) {

    /**
     * What to do when a table Ferry would create already exists in the target schema: refuse, drop
     * and recreate it, add the rows to it, or empty it first; the last two only when its columns
     * can take the rows (checked before any row moves). DATA_ONLY (--data-only) fills the tables the
     * app's own migrations made: their types rule, nothing is created (see DataOnly).
     */
    public enum IfExists { FAIL, REPLACE, APPEND, TRUNCATE, DATA_ONLY }

    /** Whether this run fills existing tables only (--data-only). */
    public boolean dataOnly() {
        return ifExists == IfExists.DATA_ONLY;
    }

    public Options {
        if (source == null) {
            throw new IllegalArgumentException("No SQLite file was given.");
        }
        if (schema == null || schema.isBlank()) {
            throw new IllegalArgumentException("The schema name is empty; leave it out to use 'public'.");
        }
        if (jobs < 1 || jobs > 64) {
            throw new IllegalArgumentException("--jobs must be between 1 and 64 (it was " + jobs + ").");
        }
        if (chunkRows < 1) {
            throw new IllegalArgumentException("The chunk size must be at least one row.");
        }
        password = password == null ? Secret.NONE : password;
        ifExists = ifExists == null ? IfExists.FAIL : ifExists;
        naming = naming == null ? Naming.Style.LOWER : naming;
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
        resolutions = resolutions == null ? Resolutions.DEFAULTS : resolutions;
        leaveOut = leaveOut == null || leaveOut.isEmpty() ? Set.of() : Set.copyOf(java.util.EnumSet.copyOf(leaveOut));
        excluded = excluded == null ? Set.of() : excluded.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        suggestions = suggestions == null ? Set.of() : suggestions.stream().map(String::trim)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Options(Path source, TargetAddress target, Secret password, String schema, IfExists ifExists, int jobs,
                   Naming.Style naming, Map<String, PgType> overrides, long chunkRows, Resolutions resolutions, Path rejects,
                   Set<Plan.Part> leaveOut, Set<String> excluded) {
        this(source, target, password, schema, ifExists, jobs, naming, overrides, chunkRows, resolutions, rejects, leaveOut,
                excluded, null);
    }

    /** The same run taking these suggestions (see plan.Suggestion#id). */
    public Options withSuggestions(Set<String> taken) {
        return new Options(source, target, password, schema, ifExists, jobs, naming, overrides, chunkRows, resolutions, rejects,
                leaveOut, excluded, taken);
    }

    public Options(Path source, TargetAddress target, Secret password, String schema, IfExists ifExists, int jobs,
                   Naming.Style naming, Map<String, PgType> overrides, long chunkRows, Resolutions resolutions, Path rejects) {
        this(source, target, password, schema, ifExists, jobs, naming, overrides, chunkRows, resolutions, rejects, null, null);
    }

    public Options withLeaveOut(Set<Plan.Part> parts) {
        return new Options(source, target, password, schema, ifExists, jobs, naming, overrides, chunkRows, resolutions, rejects,
                parts, excluded, suggestions);
    }

    public Options withExcluded(Set<String> tables) {
        return new Options(source, target, password, schema, ifExists, jobs, naming, overrides, chunkRows, resolutions, rejects,
                leaveOut, tables, suggestions);
    }

    public Options(Path source, TargetAddress target, Secret password, String schema, IfExists ifExists, int jobs,
                   Naming.Style naming, Map<String, PgType> overrides, long chunkRows) {
        this(source, target, password, schema, ifExists, jobs, naming, overrides, chunkRows, null, null);
    }

    /** The rejects file: the one chosen, else {@code <source name>.rejects.jsonl} in the working folder. */
    public Path rejectsFile() {
        return rejects != null ? rejects
                : Path.of(source.getFileName().toString().replaceAll("\\.[^.]*$", "") + ".rejects.jsonl").toAbsolutePath();
    }

    public Options withResolutions(Resolutions r) {
        return new Options(source, target, password, schema, ifExists, jobs, naming, overrides, chunkRows, r, rejects, leaveOut, excluded, suggestions);
    }

    public Options withRejects(Path file) {
        return new Options(source, target, password, schema, ifExists, jobs, naming, overrides, chunkRows, resolutions, file, leaveOut, excluded, suggestions);
    }

    public static int defaultJobs() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /** Options with the usual defaults, for a source and (optionally) a target. */
    public static Options of(Path source, TargetAddress target, Secret password) {
        return new Options(source, target, password, "public", IfExists.FAIL, defaultJobs(), Naming.Style.LOWER,
                Map.of(), 500_000);
    }

    /** The same run aimed at another PostgreSQL (a rehearsal's private server, say), with that server's secret. */
    public Options withTarget(TargetAddress address, Secret secret) {
        return new Options(source, address, secret, schema, ifExists, jobs, naming, overrides, chunkRows, resolutions, rejects,
                leaveOut, excluded, suggestions);
    }

    public Options withSchema(String s) {
        return new Options(source, target, password, s, ifExists, jobs, naming, overrides, chunkRows, resolutions, rejects, leaveOut, excluded, suggestions);
    }

    public Options withIfExists(IfExists e) {
        return new Options(source, target, password, schema, e, jobs, naming, overrides, chunkRows, resolutions, rejects, leaveOut, excluded, suggestions);
    }

    public Options withJobs(int j) {
        return new Options(source, target, password, schema, ifExists, j, naming, overrides, chunkRows, resolutions, rejects, leaveOut, excluded, suggestions);
    }

    public Options withNaming(Naming.Style n) {
        return new Options(source, target, password, schema, ifExists, jobs, n, overrides, chunkRows, resolutions, rejects, leaveOut, excluded, suggestions);
    }

    public Options withOverrides(Map<String, PgType> o) {
        return new Options(source, target, password, schema, ifExists, jobs, naming, o, chunkRows, resolutions, rejects, leaveOut, excluded, suggestions);
    }

    /** Secrets stay out of logs even when the whole options object is printed. */
    @Override
    public String toString() {
        return "Options[source=" + source + ", target=" + target + ", schema=" + schema + ", ifExists=" + ifExists
                + ", jobs=" + jobs + ", naming=" + naming + ", resolutions=" + resolutions + ", leaveOut=" + leaveOut
                + ", excluded=" + excluded + ", suggestions=" + suggestions + "]";
    }
}
