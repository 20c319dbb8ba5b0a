package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.Suggestion;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TypeRule;
import dev.ferry.plan.TypeRules;
import dev.ferry.postgres.Naming;
import dev.ferry.schema.Index;
import dev.ferry.translate.Defaults;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Carries out the suggestions the user took (--suggest, or a tick in the wizard) on the plan:
 * column types before anything is translated against them, indexes beside the others. A taken
 * suggestion becomes part of the plan like any other choice, so the copy, the keys and the
 * verification treat it as they treat the rest.
 */
final class Suggestions {

    /** A JSON array's text in SQLite, as the array column reads it (see value.PgArrayText). */
    private static final TypeRule ARRAY = new TypeRule("array from JSON (suggested)", "TEXT holding JSON arrays",
            "an array", "array", c -> true, p -> TypeRule.Fit.ASK, c -> "1", (c, p) -> PgType.of(PgType.Kind.TEXT),
            TypeRule.Conversion.JSON_ARRAY, true);
    /** The same for JSON arrays of numbers with fractions: each read as a double, as double precision[] prints it. */
    private static final TypeRule FLOAT_ARRAY = new TypeRule(ARRAY.name(), ARRAY.declared(), ARRAY.pgType(), ARRAY.family(),
            ARRAY.applies(), ARRAY.fit(), c -> "1", ARRAY.type(), TypeRule.Conversion.JSON_FLOAT_ARRAY, true);
    /** A blob of float32s, as real[] (or vector(n), see ServerFit). */
    static final TypeRule FLOATS = new TypeRule("float32 blob (suggested)", "BLOB of n float32s", "real[] or vector(n)",
            "vector", c -> true, p -> TypeRule.Fit.ASK, c -> "1", (c, p) -> PgType.of(PgType.Kind.TEXT),
            TypeRule.Conversion.FLOAT32_ARRAY, true);
    private static final TypeRule ENUM = new TypeRule("enum from CHECK (suggested)", "TEXT with CHECK (c IN (...))",
            "an enum", "enum", c -> true, p -> TypeRule.Fit.ASK, c -> "1", (c, p) -> PgType.of(PgType.Kind.TEXT),
            TypeRule.Conversion.AS_IS, true);

    private Suggestions() {
    }

    /** The tag of the refusal of a suggestion Ferry does not make for this file (verify takes it for a changed file). */
    static final String NOT_OFFERED = "suggestion-not-offered";

    /** Stops a run that names a suggestion Ferry does not make, before anything is read further. */
    static void checkWanted(Set<String> wanted, List<Suggestion> offered) {
        for (String w : wanted) {
            if (offered.stream().noneMatch(s -> s.named(w))) {
                Suggestion.Kind.byId(w.contains(":") ? w.substring(0, w.indexOf(':')) : w); // names the kinds when that is wrong
                throw new FerryException(FerryException.Kind.USAGE, "Ferry has no suggestion '" + w + "' for this file.",
                        offered.isEmpty() ? "Ferry has nothing to suggest for this file."
                                : "It suggests: " + String.join(", ", offered.stream().map(Suggestion::id).toList())
                                + " (ferry inspect FILE lists them with why).").tagged(NOT_OFFERED);
            }
        }
    }

    private static boolean wanted(Set<String> wanted, Suggestion s) {
        return wanted.stream().anyMatch(s::named);
    }

    /**
     * The tables with the taken column suggestions carried out; {@code offered} gets each taken one
     * marked. An enum type is named like a table ({@code usedRelations}: PostgreSQL gives every
     * table a type of its name).
     */
    static List<TablePlan> columns(List<TablePlan> tables, List<Suggestion> offered, Set<String> wanted, Naming naming,
                                   Set<String> usedRelations, List<Problem> problems) {
        List<TablePlan> out = new ArrayList<>();
        for (TablePlan t : tables) {
            List<ColumnPlan> cols = new ArrayList<>();
            for (ColumnPlan c : t.columns()) {
                ColumnPlan now = c;
                for (int i = 0; i < offered.size(); i++) {
                    Suggestion s = offered.get(i);
                    if (!wanted(wanted, s) || !s.table().equals(t.source().name()) || !s.column().equals(c.source().name())) {
                        continue;
                    }
                    if (now != c) {
                        throw new FerryException(FerryException.Kind.USAGE, "Two suggestions change column "
                                + s.table() + "." + s.column() + "; take one of them.", null);
                    }
                    now = take(t, c, s, naming, usedRelations, problems);
                    offered.set(i, s.take());
                }
                cols.add(now);
            }
            out.add(t.withColumns(List.copyOf(cols)));
        }
        return out;
    }

    private static ColumnPlan take(TablePlan t, ColumnPlan c, Suggestion s, Naming naming, Set<String> usedRelations,
                                   List<Problem> problems) {
        return switch (s.kind()) {
            case DATE -> retyped(t, c, PgType.of(PgType.Kind.DATE), TypeRules.all().stream()
                    .filter(r -> r.name().equals("date")).findFirst().orElseThrow(), problems);
            case ENUM -> {
                String name = KeyPlanner.name(naming, usedRelations, t.target() + "_" + c.target());
                yield retyped(t, c, new PgType(PgType.Kind.TEXT, Naming.quote(name)), ENUM, problems);
            }
            case ARRAY -> retyped(t, c, new PgType(PgType.Kind.TEXT, s.details().get(0)),
                    s.details().get(0).equals("double precision[]") ? FLOAT_ARRAY : ARRAY, problems);
            // real[] everywhere; ServerFit makes it vector(n) where the server has pgvector
            case VECTOR -> retyped(t, c, new PgType(PgType.Kind.TEXT, "real[]"), FLOATS, problems);
            default -> throw new IllegalStateException("not a column suggestion: " + s.kind());
        };
    }

    /** The column with its new type; its default translated for it again, or left off and said so. */
    private static ColumnPlan retyped(TablePlan t, ColumnPlan c, PgType type, TypeRule rule, List<Problem> problems) {
        String def = null;
        String original = c.source().defaultSql();
        if (original != null) {
            def = rule == ARRAY || rule == FLOAT_ARRAY ? arrayDefault(original, rule == FLOAT_ARRAY)
                    : rule == FLOATS ? null : Defaults.translate(original, type).orElse(null);
            if (def == null) {
                problems.add(new Problem(t.source().name(), c.source().name(), Problem.Kind.DEFAULT_NOT_TRANSLATED, 0,
                        "drop-default", List.of(original), "The default of " + t.source().name() + "." + c.source().name()
                        + " (" + original + ") does not fit the suggested type " + type.sql() + "; the column is created "
                        + "without it."));
            }
        }
        return new ColumnPlan(c.source(), c.target(), type, rule, rule.conversion(), c.identity(), def, c.profile(), null,
                c.generated(), c.collation());
    }

    /** A JSON array written as a quoted default ('[]', '["a"]') as the array's literal; else null. */
    private static String arrayDefault(String sqlite, boolean floats) {
        String s = sqlite.trim();
        if (s.length() < 2 || s.charAt(0) != '\'' || s.charAt(s.length() - 1) != '\'') {
            return null;
        }
        try {
            String array = dev.ferry.value.PgArrayText.fromJson(s.substring(1, s.length() - 1).replace("''", "'"), floats);
            return "'" + array.replace("'", "''") + "'";
        } catch (IllegalArgumentException notAnArray) {
            return null;
        }
    }

    /** The indexes of the taken index suggestions, named like the others; {@code offered} gets each taken one marked. */
    static List<Plan.IndexPlan> indexes(List<TablePlan> tables, List<Suggestion> offered, Set<String> wanted, Naming naming,
                                        Set<String> usedRelations) {
        List<Plan.IndexPlan> out = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            Suggestion s = offered.get(i);
            if (!wanted(wanted, s) || (s.kind() != Suggestion.Kind.FK_INDEX && s.kind() != Suggestion.Kind.GIN)) {
                continue;
            }
            TablePlan t = tables.stream().filter(x -> x.source().name().equals(s.table())).findFirst().orElseThrow();
            List<String> cols = s.details();
            String name = KeyPlanner.name(naming, usedRelations, t.target() + "_" + String.join("_", cols) + "_idx");
            out.add(new Plan.IndexPlan(null, t, name, cols, Collections.nCopies(cols.size(), false), false,
                    Index.Origin.CREATE_INDEX, null, List.of(), null, s.kind() == Suggestion.Kind.GIN ? "gin" : null));
            offered.set(i, s.take());
        }
        return out;
    }
}
