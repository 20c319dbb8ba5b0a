package dev.ferry.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Resolutions;
import dev.ferry.postgres.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The choices a migrate was made with that decide what its tables hold: --names, --type,
 * --on-problem, --suggest, --exclude, --data-only. Its journal's plan record keeps them ({@link PlanRecord}), so
 * a later {@code ferry verify} given none of them compares with the tables the migrate made instead
 * of planning anew from the defaults and calling tables that are equal different. A choice the user
 * gives again wins; when it is not the migrate's, verify says that the result may differ because of
 * it (the user may mean it: "would these tables be the same with --names snake?").
 *
 * <p>Records made before this class kept only the suggestions: {@code naming} is null then, and only
 * the suggestions are taken again.
 */
public record MigrateChoices(Naming.Style naming, Map<String, PgType> types, Resolutions resolutions, Set<String> suggestions,
                             Set<String> excluded, boolean dataOnly) {

    /** The choices by the option that gives them; the face says which of them the user gave. */
    public enum Choice { NAMES, TYPES, ON_PROBLEM, SUGGEST, EXCLUDE, DATA_ONLY }

    /** What verify goes by: the options, the choices taken from the migrate, those the user gave otherwise. */
    record Taken(Options options, List<String> taken, List<String> otherwise) {

        /** Says what was taken again, and what the user chose otherwise, in one line each (verify and sync alike). */
        void say(MigrationListener listener) {
            if (!taken.isEmpty()) {
                listener.on(new MigrationEvent.Note("Taking again the choices the migration took: "
                        + String.join(", ", taken)));
            }
            if (!otherwise.isEmpty()) {
                listener.on(new MigrationEvent.Note("You chose otherwise than the migration: " + String.join(", ",
                        otherwise) + ". Tables may differ because of that, not because of their rows."));
            }
        }
    }

    static MigrateChoices of(Options o) {
        return new MigrateChoices(o.naming(), o.overrides(), o.resolutions(), o.suggestions(), o.excluded(), o.dataOnly());
    }

    /** Writes them into a plan record's JSON (the suggestions have their own field, older than this). */
    static void write(ObjectNode root, Options o) {
        ObjectNode choices = root.putObject("choices");
        choices.put("names", o.naming().name());
        ObjectNode types = choices.putObject("types");
        new TreeMap<>(o.overrides()).forEach((column, type) -> types.put(column, type.sql()));
        o.resolutions().asArguments().stream().sorted().forEach(choices.putArray("onProblem")::add);
        new TreeSet<>(o.excluded()).forEach(choices.putArray("exclude")::add);
        choices.put("dataOnly", o.dataOnly());
    }

    /** Reads them back beside the record's {@code suggestions}; a record without them knows the suggestions only. */
    static MigrateChoices read(JsonNode root, Set<String> suggestions) {
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isObject()) {
            return new MigrateChoices(null, Map.of(), Resolutions.DEFAULTS, suggestions, Set.of(), false);
        }
        Map<String, PgType> types = new LinkedHashMap<>();
        choices.path("types").fields().forEachRemaining(e -> types.put(e.getKey(), PgType.parse(e.getValue().asText())));
        List<String> onProblem = new ArrayList<>();
        choices.path("onProblem").forEach(n -> onProblem.add(n.asText()));
        Set<String> excluded = new TreeSet<>();
        choices.path("exclude").forEach(n -> excluded.add(n.asText()));
        return new MigrateChoices(Naming.Style.valueOf(choices.path("names").asText()), Map.copyOf(types),
                Resolutions.parse(onProblem), suggestions, Set.copyOf(excluded), choices.path("dataOnly").asBoolean());
    }

    /**
     * The options verify goes by: each choice the user did not give ({@code given}: those given,
     * whatever their value) is the migrate's; each given is the user's, and listed when it is not the
     * migrate's.
     */
    Taken take(Options user, Set<Choice> given) {
        Options o = user;
        List<String> taken = new ArrayList<>(), otherwise = new ArrayList<>();
        MigrateChoices mine = of(user);
        for (Choice c : Choice.values()) {
            if (naming == null && c != Choice.SUGGEST) {
                continue; // an older record: the migrate's other choices are not known
            }
            List<String> theirs = arguments(c), users = mine.arguments(c);
            if (!given.contains(c)) {
                o = with(o, c);
                theirs.stream().filter(a -> !a.equals("--names lower")).forEach(taken::add); // the default goes unsaid
            } else if (!new TreeSet<>(theirs).equals(new TreeSet<>(users))) {
                otherwise.add((users.isEmpty() ? "none" : String.join(" ", users)) + " (the migration: "
                        + (theirs.isEmpty() ? "none" : String.join(" ", theirs)) + ")");
            }
        }
        return new Taken(o, List.copyOf(taken), List.copyOf(otherwise));
    }

    /** Options {@code o} with this record's choice {@code c}. */
    private Options with(Options o, Choice c) {
        return switch (c) {
            case NAMES -> o.withNaming(naming);
            case TYPES -> o.withOverrides(types);
            case ON_PROBLEM -> o.withResolutions(resolutions);
            case SUGGEST -> o.withSuggestions(suggestions);
            case EXCLUDE -> o.withExcluded(excluded);
            case DATA_ONLY -> dataOnly ? o.withIfExists(Options.IfExists.DATA_ONLY) : o;
        };
    }

    /** One choice as the command line gives it, e.g. "--suggest date:orders.placed_on"; none for an empty one. */
    List<String> arguments(Choice c) {
        List<String> out = new ArrayList<>();
        switch (c) {
            case NAMES -> out.add("--names " + naming.name().toLowerCase(Locale.ROOT));
            case TYPES -> new TreeMap<>(types).forEach((column, type) -> out.add("--type " + column + "=" + type.sql()));
            case ON_PROBLEM -> resolutions.asArguments().stream().sorted().forEach(a -> out.add("--on-problem " + a));
            case SUGGEST -> new TreeSet<>(suggestions).forEach(s -> out.add("--suggest " + s));
            case EXCLUDE -> new TreeSet<>(excluded).forEach(t -> out.add("--exclude " + t));
            case DATA_ONLY -> {
                if (dataOnly) {
                    out.add("--data-only");
                }
            }
        }
        return out;
    }
}
