package dev.ferry.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.FerryException;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Fix;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TypePlanner;
import dev.ferry.plan.TypeRule;
import dev.ferry.plan.TypeRules;
import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.ColumnProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a migrate decided for each column, kept in its journal (ferry_journal.plans) so the final
 * sync can make the same plan without reading every value of the file again (the profile costs
 * seconds while the app is stopped). Each column keeps its type, the rule that chose it, its fix,
 * its declared type and what the profile found in it. Only valid for the same type choices and
 * problem resolutions ({@link #optionsKey}); a table or column that is not in the record (new in
 * SQLite since the migrate) is refused in plain words. Values written since the migrate are checked
 * against these decisions by {@link SyncRecheck}.
 */
final class PlanRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One column as the migrate decided it. */
    record Entry(String declared, PgType type, String rule, Fix fix, ColumnProfile profile) {
    }

    /** One table: its rows when profiled and its columns by source name. */
    record TableEntry(long rows, Map<String, Entry> columns) {
    }

    private final String options;
    private final Map<String, TableEntry> tables;
    private final java.util.Set<String> suggestions;

    private PlanRecord(String options, Map<String, TableEntry> tables, java.util.Set<String> suggestions) {
        this.options = options;
        this.tables = tables;
        this.suggestions = suggestions;
    }

    /**
     * The suggestions the migrate was asked to take (--suggest, the wizard's "Ferry could also…"):
     * a sync takes them again without being told, so its plan is the migrate's.
     */
    java.util.Set<String> suggestions() {
        return suggestions;
    }

    /** The user's choices that change decisions: --type and --on-problem (names and exclusions show in the DDL). */
    static String optionsKey(Options o) {
        Map<String, String> types = new TreeMap<>();
        o.overrides().forEach((k, v) -> types.put(k, v.sql()));
        return types + " " + o.resolutions();
    }

    /** Whether the record was made with the same type choices and resolutions as these options. */
    boolean madeWith(Options o) {
        return options.equals(optionsKey(o));
    }

    /** The plan's decisions (before the server fitted them) as JSON. */
    static String of(Plan plan, Options o) {
        return of(plan, o, 0, java.util.Set.of());
    }

    /**
     * How a run planned from samples made its plan, so a resume makes the same one (see
     * Migration#execute): the rows of each sample, and the tables planned again from all their
     * values because a value did not fit their sample's plan.
     */
    record Sampling(int rows, java.util.Set<String> replanned) {
    }

    /**
     * The plan's decisions as JSON, for a run that planned its large tables from samples of
     * {@code sampleRows} rows (0: none). A sampled table is marked so: its profile's counts are the
     * sample's, while which storage classes it holds, and that every value passes its type's rule,
     * the copy proved on every value (see dev.ferry.plan.ColumnGuard) before the run noted this
     * record as its final one.
     */
    static String of(Plan plan, Options o, int sampleRows, java.util.Collection<String> replanned) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("options", optionsKey(o));
        if (sampleRows > 0) {
            root.put("sampleRows", sampleRows);
            ArrayNode again = root.putArray("replanned");
            new java.util.TreeSet<>(replanned).forEach(again::add);
        }
        ArrayNode taken = root.putArray("suggestions");
        new java.util.TreeSet<>(o.suggestions()).forEach(taken::add);
        ObjectNode tables = root.putObject("tables");
        for (TablePlan t : plan.tables()) {
            ObjectNode table = tables.putObject(t.source().name());
            table.put("rows", t.rows());
            if (t.sampled()) {
                table.put("sampled", true);
            }
            ArrayNode cols = table.putArray("columns");
            for (ColumnPlan c : t.columns()) {
                ObjectNode col = cols.addObject();
                col.put("name", c.source().name());
                col.put("declared", c.source().declaredType());
                col.put("kind", c.type().kind().name());
                col.put("type", c.type().sql());
                col.put("rule", c.rule() == null ? null : c.rule().name());
                if (c.fix() != null) {
                    col.put("fitSql", c.fix().fitSql());
                    col.put("misfitAction", c.fix().misfitAction());
                    col.put("unsafeAction", c.fix().unsafeAction());
                }
                ColumnProfile p = c.profile();
                if (p != null) {
                    ArrayNode a = col.putArray("profile");
                    a.add(p.nulls()).add(p.integers()).add(p.reals()).add(p.texts()).add(p.blobs());
                    a.add(p.minInteger()).add(p.maxInteger()).add(p.maxTextLength()).add(p.maxBlobLength());
                }
            }
        }
        return root.toString();
    }

    /** How the run's plan was made from samples; null when it was made from every value (or cannot be read). */
    static Sampling sampling(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root.path("sampleRows").asInt() <= 0) {
                return null;
            }
            java.util.Set<String> again = new java.util.TreeSet<>();
            root.path("replanned").forEach(n -> again.add(n.asText()));
            return new Sampling(root.path("sampleRows").asInt(), java.util.Set.copyOf(again));
        } catch (IOException e) {
            return null;
        }
    }

    /** The record read back; null when it cannot be read (another Ferry's format): the sync then plans anew. */
    static PlanRecord parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root.path("version").asInt() != 1) {
                return null;
            }
            Map<String, TableEntry> tables = new LinkedHashMap<>();
            for (var it = root.path("tables").fields(); it.hasNext(); ) {
                var t = it.next();
                Map<String, Entry> cols = new LinkedHashMap<>();
                for (JsonNode col : t.getValue().path("columns")) {
                    cols.put(col.path("name").asText(), entry(col));
                }
                tables.put(t.getKey(), new TableEntry(t.getValue().path("rows").asLong(), cols));
            }
            java.util.Set<String> taken = new java.util.LinkedHashSet<>();
            root.path("suggestions").forEach(n -> taken.add(n.asText()));
            return new PlanRecord(root.path("options").asText(), tables, java.util.Set.copyOf(taken));
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PlanRecord.class).warn("the journal's plan could not be read; planning anew", e);
            return null;
        }
    }

    private static Entry entry(JsonNode col) {
        Fix fix = col.has("fitSql") || col.has("unsafeAction")
                ? new Fix(text(col, "fitSql"), text(col, "misfitAction"), text(col, "unsafeAction")) : null;
        ColumnProfile profile = null;
        JsonNode p = col.get("profile");
        if (p != null) {
            profile = new ColumnProfile(p.get(0).asLong(), p.get(1).asLong(), p.get(2).asLong(), p.get(3).asLong(),
                    p.get(4).asLong(), number(p.get(5)), number(p.get(6)), number(p.get(7)), number(p.get(8)));
        }
        return new Entry(text(col, "declared"), new PgType(PgType.Kind.valueOf(col.path("kind").asText()),
                col.path("type").asText()), text(col, "rule"), fix, profile);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long number(JsonNode v) {
        return v == null || v.isNull() ? null : v.asLong();
    }

    /**
     * The migrate's decisions for this table of the file as it is now. Refuses, plainly, a table or a
     * column the migrate did not see, and a column whose declared type changed since.
     */
    TypePlanner.TableDecisions decisions(Table table) {
        TableEntry entry = tables.get(table.name());
        if (entry == null) {
            throw new FerryException(FerryException.Kind.USAGE, "Table " + table.name() + " is new in the SQLite file "
                    + "since the migration, so PostgreSQL has no table for it. Nothing was changed.", "The sync brings "
                    + "rows up to date, not new tables: leave it out (--exclude " + table.name() + "), or migrate again "
                    + "(--if-exists replace) to create it.").tagged("sync-new-table");
        }
        List<String> added = table.columns().stream().map(Column::name).filter(n -> !entry.columns().containsKey(n)).toList();
        if (!added.isEmpty()) {
            throw new FerryException(FerryException.Kind.USAGE, (added.size() == 1 ? "Column " : "Columns ")
                    + String.join(", ", added.stream().map(n -> table.name() + "." + n).toList()) + (added.size() == 1
                    ? " was" : " were") + " added to the SQLite file since the migration, so PostgreSQL has no column "
                    + "for " + (added.size() == 1 ? "it" : "them") + ". Nothing was changed.", "The sync brings rows up "
                    + "to date, not new columns: add " + (added.size() == 1 ? "it" : "them") + " to the table in PostgreSQL "
                    + "yourself and migrate again, or migrate again (--if-exists replace) to make the table anew.")
                    .tagged("sync-new-column");
        }
        List<TypePlanner.Decision> out = new ArrayList<>();
        for (Column c : table.columns()) {
            Entry e = entry.columns().get(c.name());
            if (!java.util.Objects.equals(e.declared(), c.declaredType())) {
                throw new FerryException(FerryException.Kind.USAGE, "Column " + table.name() + "." + c.name() + " is "
                        + "declared " + c.declaredType() + " in the SQLite file now, " + e.declared() + " when it was "
                        + "migrated. Nothing was changed.", "Migrate again (--if-exists replace), so Ferry chooses its "
                        + "type for what it is now.").tagged("sync-new-column");
            }
            TypeRule rule = e.rule() == null ? null
                    : TypeRules.all().stream().filter(r -> r.name().equals(e.rule())).findFirst().orElse(null);
            if (e.rule() != null && rule == null) {
                return null; // a rule this Ferry no longer has: plan anew
            }
            out.add(new TypePlanner.Decision(c, e.profile(), e.type(), rule, e.fix(), List.of()));
        }
        return new TypePlanner.TableDecisions(entry.rows(), out);
    }
}
