package dev.ferry.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON report of a run, in the shape DESIGN.md promises. The target is the redacted address,
 * so a report can be shared without leaking a password.
 */
public final class Report {

    /** A view or trigger line of the report; {@code proof} is what its proof on the data found, null when none ran. */
    public record Item(String name, String target, String status, String reason, String sql, Proof proof) {

        public Item(String name, String target, String status, String reason, String sql) {
            this(name, target, status, reason, sql, null);
        }

        /** The same item as its proof leaves it: a difference makes it created-differs, with the reason. */
        public Item proven(Proof p, String differsReason) {
            return p.differs() ? new Item(name, target, "created-differs", differsReason, sql, p)
                    : new Item(name, target, status, reason, sql, p);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    public static ObjectNode build(String status, Path source, String target, List<TableCheck> tables, Plan plan,
                                   List<Problem> problems, List<Item> views, List<Item> triggers, double seconds) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", status);
        root.put("source", source.toAbsolutePath().toString());
        root.put("target", target);
        root.put("schema", plan.schema());
        root.put("seconds", Math.round(seconds * 1000) / 1000.0);
        ArrayNode ts = root.putArray("tables");
        for (TableCheck t : tables) {
            ObjectNode n = ts.addObject();
            n.put("source", t.source());
            n.put("target", t.target());
            ObjectNode rows = n.putObject("rows");
            rows.put("source", t.sqliteRows());
            rows.put("target", t.targetRows());
            rows.put("rejected", t.rejected());
            ObjectNode sum = n.putObject("checksum");
            sum.put("match", t.checksumMatch());
            sum.put("source", Long.toHexString(t.sourceChecksum()));
            sum.put("target", Long.toHexString(t.targetChecksum()));
            plan.table(t.source()).ifPresent(tp -> {
                ArrayNode cols = n.putArray("columns");
                tp.columns().forEach(c -> cols.addObject().put("source", c.source().name()).put("target", c.target())
                        .put("declared", c.source().declaredType()).put("type", c.type().sql()).put("rule", c.ruleName())
                        .put("holds", c.profile().describe()));
            });
        }
        ArrayNode ps = root.putArray("problems");
        for (Problem p : problems) {
            ObjectNode n = ps.addObject();
            n.put("table", p.table());
            n.put("column", p.column());
            n.put("kind", p.kind().id());
            n.put("count", p.count());
            n.put("resolution", p.resolution());
            if (p.choosable()) {
                p.kind().resolutions().forEach(n.putArray("alternatives")::add);
            }
            ArrayNode ex = n.putArray("examples");
            p.examples().forEach(ex::add);
            n.put("message", p.message());
        }
        ArrayNode rn = root.putArray("renames");
        plan.renames().forEach(r -> rn.addObject().put("kind", r.kind()).put("table", r.table()).put("from", r.from())
                .put("to", r.to()).put("reason", r.reason()));
        items(root.putArray("views"), views);
        items(root.putArray("triggers"), triggers);
        return root;
    }

    private static void items(ArrayNode arr, List<Item> items) {
        items.forEach(i -> proof(arr.addObject().put("name", i.name()).put("target", i.target()).put("status", i.status())
                .put("reason", i.reason()).put("sql", i.sql()), i.proof()));
    }

    private static void proof(ObjectNode item, Proof p) {
        if (p == null) {
            item.putNull("proof");
            return;
        }
        ObjectNode n = item.putObject("proof").put("result", p.result()).put("text", p.text());
        if (p.sqliteRows() != null || p.postgresRows() != null) {
            n.putObject("rows").put("sqlite", p.sqliteRows()).put("postgres", p.postgresRows());
        }
        if (!p.onlyInSqlite().isEmpty() || !p.onlyInPostgres().isEmpty()) {
            p.onlyInSqlite().forEach(n.putArray("onlyInSqlite")::add);
            p.onlyInPostgres().forEach(n.putArray("onlyInPostgres")::add);
        }
    }

    public static String toJson(ObjectNode report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(ObjectNode report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(report) + "\n");
    }
}
