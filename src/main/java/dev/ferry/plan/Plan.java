package dev.ferry.plan;

import dev.ferry.schema.Catalog;
import dev.ferry.schema.Index;
import java.util.List;
import java.util.Optional;

/**
 * The whole migration decided before anything is written: every table, column, index, key and
 * view with its PostgreSQL name and type, and every problem with its resolution. The command
 * line prints it, the wizard shows it, and the run carries it out unchanged.
 */
public record Plan(String schema, List<TablePlan> tables, List<IndexPlan> indexes, List<ForeignKeyPlan> foreignKeys,
                   List<ViewPlan> views, List<TriggerPlan> triggers, List<Problem> problems, List<Rename> renames,
                   Catalog catalog, List<Suggestion> suggestions) {

    public Plan {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public Plan(String schema, List<TablePlan> tables, List<IndexPlan> indexes, List<ForeignKeyPlan> foreignKeys,
                List<ViewPlan> views, List<TriggerPlan> triggers, List<Problem> problems, List<Rename> renames,
                Catalog catalog) {
        this(schema, tables, indexes, foreignKeys, views, triggers, problems, renames, catalog, List.of());
    }

    /** The same plan with these suggestions (offered, and those taken marked so). */
    public Plan withSuggestions(List<Suggestion> newSuggestions) {
        return new Plan(schema, tables, indexes, foreignKeys, views, triggers, problems, renames, catalog, newSuggestions);
    }

    /** The suggestions this plan carries out. */
    public List<Suggestion> taken() {
        return suggestions.stream().filter(Suggestion::taken).toList();
    }

    /** What a user may leave out of a run: created later by hand, or not wanted in PostgreSQL. */
    public enum Part {
        INDEXES, FOREIGN_KEYS, VIEWS, TRIGGERS;

        /** As the command line spells it: "foreign-keys". */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Part byId(String id) {
            for (Part p : values()) {
                if (p.id().equals(id.trim().toLowerCase(java.util.Locale.ROOT))) {
                    return p;
                }
            }
            throw new IllegalArgumentException("'" + id + "' is not something Ferry can leave out; those are indexes, "
                    + "foreign-keys, views and triggers.");
        }
    }

    /**
     * The plan without the parts the user chose to leave out, each reported once with how many
     * objects it drops. Primary keys and unique constraints always stay: they are the data's rules,
     * and foreign keys need them. (An index left out is a non-unique CREATE INDEX.)
     */
    public Plan without(java.util.Set<Part> parts) {
        if (parts.isEmpty()) {
            return this;
        }
        List<Problem> more = new java.util.ArrayList<>(problems);
        List<IndexPlan> keptIndexes = indexes;
        List<ForeignKeyPlan> keptKeys = foreignKeys;
        List<ViewPlan> keptViews = views;
        List<TriggerPlan> keptTriggers = triggers;
        List<Suggestion> said = suggestions;
        if (parts.contains(Part.INDEXES)) {
            keptIndexes = indexes.stream().filter(i -> i.unique() || i.origin() != Index.Origin.CREATE_INDEX).toList();
            leftOut(more, indexes.size() - keptIndexes.size(), "index", "indexes");
            // a taken index suggestion went with them: said so, not listed as taken
            said = suggestions.stream().map(s -> s.taken() && s.isIndex() ? s.notCreated("--leave-out " + Part.INDEXES.id()) : s)
                    .toList();
        }
        if (parts.contains(Part.FOREIGN_KEYS)) {
            keptKeys = List.of();
            leftOut(more, foreignKeys.size(), "foreign key", "foreign keys");
        }
        if (parts.contains(Part.VIEWS)) {
            keptViews = List.of();
            leftOut(more, views.size(), "view", "views");
        }
        if (parts.contains(Part.TRIGGERS)) {
            keptTriggers = List.of();
            leftOut(more, triggers.size(), "trigger", "triggers");
        }
        return new Plan(schema, tables, keptIndexes, keptKeys, keptViews, keptTriggers, List.copyOf(more), renames, catalog, said);
    }

    /**
     * The plan without the given SQLite tables (names in lower case): their indexes, triggers and
     * problems go with them; a foreign key into one of them is not created and says why.
     */
    public Plan excluding(java.util.Set<String> sourceNames) {
        if (sourceNames.isEmpty()) {
            return this;
        }
        java.util.function.Predicate<String> out = n -> n != null && sourceNames.contains(n.toLowerCase(java.util.Locale.ROOT));
        List<TablePlan> keptTables = tables.stream().filter(t -> !out.test(t.source().name())).toList();
        List<Problem> more = new java.util.ArrayList<>(problems.stream().filter(p -> !out.test(p.table())).toList());
        tables.stream().filter(t -> out.test(t.source().name())).forEach(t -> more.add(new Problem(t.source().name(), null,
                Problem.Kind.TABLE_SKIPPED, t.rows(), "skip", List.of(), "Table " + t.source().name() + " is left out, as you chose.")));
        List<ForeignKeyPlan> keys = new java.util.ArrayList<>();
        for (ForeignKeyPlan f : foreignKeys) {
            if (out.test(f.table().source().name())) {
                continue;
            }
            if (f.parent() != null && out.test(f.parent().source().name()) && f.skipReason() == null) {
                String why = "it refers to table " + f.parent().source().name() + ", which is left out";
                more.add(new Problem(f.table().source().name(), String.join(",", f.columns()), Problem.Kind.FOREIGN_KEY_NOT_CREATED,
                        0, "report", List.of(), "The foreign key " + f.name() + " is not created: " + why + "."));
                keys.add(new ForeignKeyPlan(f.table(), f.name(), f.columns(), f.parent(), f.parentColumns(), f.onDelete(),
                        f.onUpdate(), why));
            } else {
                keys.add(f);
            }
        }
        return new Plan(schema, keptTables, indexes.stream().filter(i -> !out.test(i.table().source().name())).toList(),
                List.copyOf(keys), views, triggers.stream().filter(t -> !out.test(t.table())).toList(), List.copyOf(more),
                renames, catalog, suggestions.stream().filter(x -> !out.test(x.table())).toList());
    }

    private static void leftOut(List<Problem> problems, int n, String one, String many) {
        if (n > 0) {
            problems.add(new Problem("", null, Problem.Kind.LEFT_OUT, n, "skip", List.of(), String.format(
                    "%d %s %s left out, as you chose; the SQLite file still has %s definition%s.", n, n == 1 ? one : many,
                    n == 1 ? "is" : "are", n == 1 ? "its" : "their", n == 1 ? "" : "s")));
        }
    }

    /**
     * A primary key, unique constraint or index, with target names; {@code skipReason} non-null when not created.
     *
     * @param expressions per entry of {@code columns}: the translated expression indexed there, or
     *                    null where the entry is a plain column (empty list: all plain)
     * @param where       the translated WHERE of a partial index, else null
     * @param using       the index method when not PostgreSQL's default (btree): "gin"; else null
     */
    public record IndexPlan(Index source, TablePlan table, String name, List<String> columns, List<Boolean> descending,
                            boolean unique, Index.Origin origin, String skipReason, List<String> expressions, String where,
                            String using) {

        public IndexPlan(Index source, TablePlan table, String name, List<String> columns, List<Boolean> descending,
                         boolean unique, Index.Origin origin, String skipReason, List<String> expressions, String where) {
            this(source, table, name, columns, descending, unique, origin, skipReason, expressions, where, null);
        }

        public IndexPlan(Index source, TablePlan table, String name, List<String> columns, List<Boolean> descending,
                         boolean unique, Index.Origin origin, String skipReason) {
            this(source, table, name, columns, descending, unique, origin, skipReason, List.of(), null);
        }

        IndexPlan on(TablePlan t) {
            return new IndexPlan(source, t, name, columns, descending, unique, origin, skipReason, expressions, where, using);
        }
    }

    /** A foreign key with target names; {@code skipReason} non-null when it cannot be created. */
    public record ForeignKeyPlan(TablePlan table, String name, List<String> columns, TablePlan parent,
                                 List<String> parentColumns, String onDelete, String onUpdate, String skipReason) {
    }

    /**
     * A view to recreate: its target name and the SELECT that defines it, translated for PostgreSQL.
     *
     * @param failure   why it cannot be translated (then {@code select} is null)
     * @param dependsOn the other views (source names) it reads, which must exist first
     */
    public record ViewPlan(String source, String target, String select, String originalSql, String failure,
                           List<String> dependsOn) {
    }

    /**
     * A trigger recreated as a PL/pgSQL function and a trigger calling it, or ({@code failure}
     * non-null) reported with its SQL.
     *
     * @param function the function's name in the schema; {@code body} its PL/pgSQL body
     * @param on       the target name of the table (or view) it fires on
     * @param events   timing and events, e.g. "BEFORE UPDATE OF a, b"
     * @param when     the condition (PostgreSQL's trigger WHEN), else null
     */
    public record TriggerPlan(String name, String table, String sql, String target, String function, String on,
                              String events, String when, String body, String failure) {
    }

    /** A name that changes on the way, with why. */
    public record Rename(String kind, String table, String from, String to, String reason) {
    }

    /** The same plan with these tables (matched by source name); keys and indexes follow them. */
    public Plan withTables(List<TablePlan> newTables) {
        java.util.Map<TablePlan, TablePlan> by = new java.util.IdentityHashMap<>();
        for (TablePlan old : tables) {
            by.put(old, newTables.stream().filter(t -> t.source().name().equals(old.source().name())).findFirst().orElseThrow());
        }
        List<IndexPlan> idx = indexes.stream().map(i -> i.on(by.get(i.table()))).toList();
        List<ForeignKeyPlan> fks = foreignKeys.stream().map(f -> new ForeignKeyPlan(by.get(f.table()), f.name(), f.columns(),
                f.parent() == null ? null : by.get(f.parent()), f.parentColumns(), f.onDelete(), f.onUpdate(), f.skipReason())).toList();
        return new Plan(schema, List.copyOf(newTables), idx, fks, views, triggers, problems, renames, catalog, suggestions);
    }

    public Plan withProblems(List<Problem> newProblems) {
        return new Plan(schema, tables, indexes, foreignKeys, views, triggers, List.copyOf(newProblems), renames, catalog,
                suggestions);
    }

    public Optional<TablePlan> table(String sourceName) {
        return tables.stream().filter(t -> t.source().name().equalsIgnoreCase(sourceName)).findFirst();
    }

    public long totalRows() {
        return tables.stream().mapToLong(TablePlan::rows).sum();
    }
}
