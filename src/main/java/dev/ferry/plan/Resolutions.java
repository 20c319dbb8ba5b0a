package dev.ferry.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's choices for problems: by kind for every column ({@code does-not-fit=null}), for one
 * table ({@code full-text-table:notes_fts=plain}) or for one column
 * ({@code does-not-fit:orders.qty=reject}), the most specific winning. Anything not chosen gets
 * its kind's loss-free default. Checked when built, then frozen.
 */
public final class Resolutions {

    public static final Resolutions DEFAULTS = new Resolutions(Map.of());

    private final Map<String, String> choices;

    private Resolutions(Map<String, String> choices) {
        this.choices = Map.copyOf(choices);
    }

    /** Reads command-line choices such as "does-not-fit=null" or "unsafe-text:notes.body=repair". */
    public static Resolutions parse(List<String> specs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String spec : specs == null ? List.<String>of() : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--on-problem takes KIND=RESOLUTION (for example does-not-fit=null), "
                        + "not '" + spec + "'.");
            }
            String key = spec.substring(0, eq).trim(), resolution = spec.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            int colon = key.indexOf(':');
            String kindId = colon < 0 ? key : key.substring(0, colon);
            Problem.Kind kind = Problem.Kind.byId(kindId);
            if (kind == null || kind.resolutions().isEmpty()) {
                throw new IllegalArgumentException("'" + kindId + "' is not a problem you can choose a resolution for; "
                        + "those are " + choosableKinds() + ".");
            }
            if (!kind.resolutions().contains(resolution)) {
                throw new IllegalArgumentException("A " + kind.id() + " problem can be resolved with "
                        + String.join(", ", kind.resolutions()) + ", not '" + resolution + "'.");
            }
            String where = colon < 0 ? null : key.substring(colon + 1).trim();
            if (where != null && where.isEmpty()) {
                throw new IllegalArgumentException("Name the table (TABLE) or the column (TABLE.COLUMN) after the colon in '"
                        + spec + "'.");
            }
            out.put(key(kind, where), resolution);
        }
        return new Resolutions(out);
    }

    private static String choosableKinds() {
        StringBuilder sb = new StringBuilder();
        for (Problem.Kind k : Problem.Kind.values()) {
            if (!k.resolutions().isEmpty()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k.id()).append(" (").append(String.join("|", k.resolutions()))
                        .append(')');
            }
        }
        return sb.toString();
    }

    /** The resolution for a problem of this kind in this column: the column's choice, the kind's, or the default. */
    public String choose(Problem.Kind kind, String table, String column) {
        String specific = column == null ? null : choices.get(key(kind, table + "." + column));
        if (specific == null) {
            specific = choices.get(key(kind, table));
        }
        return specific != null ? specific : choices.getOrDefault(key(kind, null), kind.resolutions().get(0));
    }

    /** A copy with one column's choice set (the wizard's problems panel). */
    public Resolutions with(Problem.Kind kind, String table, String column, String resolution) {
        if (!kind.resolutions().contains(resolution)) {
            throw new IllegalArgumentException(kind.id() + " cannot be resolved with " + resolution);
        }
        Map<String, String> copy = new LinkedHashMap<>(choices);
        copy.put(key(kind, column == null ? table : table + "." + column), resolution);
        return new Resolutions(copy);
    }

    public boolean isEmpty() {
        return choices.isEmpty();
    }

    /** The choices as --on-problem arguments, e.g. for a resumed run or the report. */
    public List<String> asArguments() {
        return choices.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static String key(Problem.Kind kind, String tableDotColumn) {
        return tableDotColumn == null ? kind.id() : kind.id() + ":" + tableDotColumn.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resolutions r && r.choices.equals(choices);
    }

    @Override
    public int hashCode() {
        return choices.hashCode();
    }

    @Override
    public String toString() {
        return String.join(" ", asArguments());
    }
}
