package dev.ferry.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON report of a run: Jackson writes the {@link RunReport} records as they are. The target is
 * the redacted address, so a report can be shared without leaking a password.
 *
 * <p>The {@link ObjectNode} methods serve callers that hold the report as a JSON tree (and add a
 * field to it, such as {@code rejects}); the tree is made from the records and read back into them.
 */
public final class Report {

    /**
     * A view or trigger line of the report; {@code proof} is what its proof on the data found, null when none ran.
     * {@code meaning}, for a created view: {@link #POSTGRES_MEANING} (PostgreSQL's, the default) or
     * {@link #SQLITE_MEANING} (the user chose SQLite's: dates compared as the text SQLite stored); null otherwise.
     */
    public record Item(String name, String target, String status, String reason, String sql, Proof proof,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       String meaning) {

        public static final String POSTGRES_MEANING = "postgresql", SQLITE_MEANING = "sqlite";

        public Item(String name, String target, String status, String reason, String sql) {
            this(name, target, status, reason, sql, null, null);
        }

        public Item(String name, String target, String status, String reason, String sql, Proof proof) {
            this(name, target, status, reason, sql, proof, null);
        }

        /** The same item as its proof leaves it: a difference makes it created-differs, with the reason. */
        public Item proven(Proof p, String differsReason) {
            return p.differs() ? new Item(name, target, "created-differs", differsReason, sql, p, meaning)
                    : new Item(name, target, status, reason, sql, p, meaning);
        }

        /** The same item saying which meaning the view in PostgreSQL has. */
        public Item withMeaning(String m) {
            return new Item(name, target, status, reason, sql, proof, m);
        }

        /** Whether the view was made with SQLite's meaning at the user's choice. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean sqliteMeaning() {
            return SQLITE_MEANING.equals(meaning);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Report() {
    }

    /** The report as records, for the JSON and HTML writers. */
    public static RunReport of(String status, Path source, String target, List<TableCheck> tables, Plan plan,
                               List<Problem> problems, List<Item> views, List<Item> triggers, double seconds) {
        return RunReport.of(status, source, target, tables, plan, problems, views, triggers, seconds);
    }

    /** The report as a JSON tree. */
    public static ObjectNode build(String status, Path source, String target, List<TableCheck> tables, Plan plan,
                                   List<Problem> problems, List<Item> views, List<Item> triggers, double seconds) {
        return JSON.valueToTree(of(status, source, target, tables, plan, problems, views, triggers, seconds));
    }

    /** A report read back from its JSON tree. */
    public static RunReport read(JsonNode tree) {
        try {
            return JSON.treeToValue(tree, RunReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Ferry report: " + e.getOriginalMessage(), e);
        }
    }

    public static String toJson(RunReport report) {
        return json(report);
    }

    public static String toJson(ObjectNode report) {
        return json(report);
    }

    public static void write(RunReport report, Path file) throws IOException {
        writeFile(file, toJson(report) + "\n");
    }

    public static void write(ObjectNode report, Path file) throws IOException {
        writeFile(file, toJson(report) + "\n");
    }

    /** Writes a report file, making its folder when needed. */
    static void writeFile(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text);
    }

    private static String json(Object report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
