package dev.ferry.cli;

import dev.ferry.plan.PgType;
import dev.ferry.run.Options;
import dev.ferry.postgres.Naming;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that plans a migration shares. */
final class CommonOptions {

    @Option(names = "--names", defaultValue = "lower", paramLabel = "lower|snake|exact",
            description = "How table and column names are written in PostgreSQL: lower (fold to lower case, so "
                    + "unquoted SQL keeps working), snake (InvoiceLine becomes invoice_line) or exact (keep as is, "
                    + "quoted). Default: ${DEFAULT-VALUE}.")
    String names;

    @Option(names = "--type", paramLabel = "TABLE.COLUMN=TYPE",
            description = "Choose a column's PostgreSQL type yourself, e.g. --type track.bytes=bigint. Repeatable.")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--on-problem", paramLabel = "KIND[:TABLE.COLUMN]=RESOLUTION",
            description = "Choose what Ferry does about a kind of problem (for every column, or one column). "
                    + "does-not-fit: widen (default: the column takes a type that holds every value), null (keep the "
                    + "declared type, store NULL, record the original in the rejects file), reject (move the row to the "
                    + "rejects file) or stop. unsafe-text (NUL bytes, invalid UTF-8): bytea (default: keep every byte), "
                    + "repair (record each repaired value), reject or stop. Repeatable.")
    java.util.List<String> onProblem = new java.util.ArrayList<>();

    @Option(names = "--rejects", paramLabel = "FILE.jsonl",
            description = "Where values Ferry changed or moved aside are recorded, one JSON line each "
                    + "(default: <file name>.rejects.jsonl in the current folder; written only when needed).")
    java.nio.file.Path rejects;

    @Option(names = "--leave-out", split = ",", paramLabel = "indexes,foreign-keys,views,triggers",
            description = "Parts of the schema not to create in PostgreSQL (primary keys and unique rules are always "
                    + "created).")
    java.util.List<String> leaveOut = new java.util.ArrayList<>();

    @Option(names = "--exclude", paramLabel = "TABLE", description = "A SQLite table not to migrate. Repeatable.")
    java.util.List<String> exclude = new java.util.ArrayList<>();

    @Option(names = "--suggest", paramLabel = "KIND:TABLE.COLUMN",
            description = "Take one of Ferry's suggestions (inspect lists them under 'Ferry could also'); none is taken "
                    + "by default. KIND: array (JSON arrays in text become text[], bigint[] or double precision[]), enum (a column whose "
                    + "CHECK lists its values becomes an enum type), gin (a GIN index on a jsonb column), fk-index (an "
                    + "index on a foreign key's columns), date (text holding only YYYY-MM-DD dates becomes date), vector "
                    + "(blobs of n float32s become vector(n) with pgvector, else real[]). E.g. --suggest "
                    + "fk-index:comments.post_id. Repeatable.")
    java.util.List<String> suggest = new java.util.ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Show technical details of errors.")
    boolean verbose;

    Console console() {
        return new Console(verbose);
    }

    Options apply(Options o) {
        Naming.Style style = switch (names.toLowerCase(Locale.ROOT)) {
            case "lower" -> Naming.Style.LOWER;
            case "snake" -> Naming.Style.SNAKE;
            case "exact" -> Naming.Style.EXACT;
            default -> throw new IllegalArgumentException("--names takes lower, snake or exact, not '" + names + "'.");
        };
        Map<String, PgType> overrides = new LinkedHashMap<>();
        types.forEach((k, v) -> overrides.put(k.toLowerCase(Locale.ROOT), PgType.parse(v)));
        return o.withNaming(style).withOverrides(overrides).withResolutions(dev.ferry.plan.Resolutions.parse(onProblem))
                .withRejects(rejects)
                .withLeaveOut(leaveOut.stream().map(dev.ferry.plan.Plan.Part::byId)
                        .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(dev.ferry.plan.Plan.Part.class))))
                .withExcluded(java.util.Set.copyOf(exclude))
                .withSuggestions(suggestions());
    }

    /**
     * The migration's choices the user gave on this command line; verify and sync take the
     * migration's own for the rest (--names counts when typed, even as its default: "lower" may be meant).
     */
    java.util.Set<dev.ferry.run.MigrateChoices.Choice> given(picocli.CommandLine.Model.CommandSpec spec) {
        java.util.Set<dev.ferry.run.MigrateChoices.Choice> given = java.util.EnumSet.noneOf(dev.ferry.run.MigrateChoices.Choice.class);
        if (spec.commandLine().getParseResult().hasMatchedOption("--names")) {
            given.add(dev.ferry.run.MigrateChoices.Choice.NAMES);
        }
        if (!types.isEmpty()) {
            given.add(dev.ferry.run.MigrateChoices.Choice.TYPES);
        }
        if (!onProblem.isEmpty()) {
            given.add(dev.ferry.run.MigrateChoices.Choice.ON_PROBLEM);
        }
        if (!suggest.isEmpty()) {
            given.add(dev.ferry.run.MigrateChoices.Choice.SUGGEST);
        }
        if (!exclude.isEmpty()) {
            given.add(dev.ferry.run.MigrateChoices.Choice.EXCLUDE);
        }
        return given;
    }

    /** The --suggest values, each checked for its form: KIND:TABLE.COLUMN with a kind Ferry has. */
    private java.util.Set<String> suggestions() {
        for (String s : suggest) {
            int colon = s.indexOf(':');
            if (colon < 0 || s.indexOf('.', colon) < 0) {
                throw new IllegalArgumentException("--suggest takes KIND:TABLE.COLUMN (e.g. date:orders.placed_on), not '"
                        + s + "'.");
            }
            dev.ferry.plan.Suggestion.Kind.byId(s.substring(0, colon));
        }
        return java.util.Set.copyOf(suggest);
    }
}
