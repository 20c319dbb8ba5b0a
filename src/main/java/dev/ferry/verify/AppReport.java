package dev.ferry.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What check-app found in the app's source, statement by statement, and what it proved: the
 * records the JSON report is written from (by Jackson) and the HTML page is rendered from. File
 * names are relative to the app's folder; no password is ever in here (the handoff leaves
 * {@code <password>} for the person).
 */
@JsonPropertyOrder({"statements", "summary"})
public record AppReport(List<Statement> statements, Summary summary) {

    public static final String UNCHANGED = "unchanged", TRANSLATED = "translated", MANUAL = "manual";

    /**
     * One statement. {@code sqlite} as the app has it; {@code postgres} the text to use instead, with
     * the driver's parameter markers (null when a person must decide); {@code proof} one of
     * {@link StatementProof}'s outcomes; {@code why} in plain words.
     */
    @JsonPropertyOrder({"file", "line", "status", "sqlite", "postgres", "proof", "why", "proofDetail"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Statement(String file, int line, String status, String sqlite, String postgres, String proof,
                            String why, String proofDetail) {

        public String where() {
            return file + ":" + line;
        }
    }

    /** A column whose type or name changed in PostgreSQL, and the statements (file:line) that touch it. */
    public record Changed(String table, String column, String change, List<String> statements) {
    }

    /** Where the app says which database it uses: the line a person changes. */
    public record Place(String file, int line, String stack, String what, String code) {
    }

    /**
     * @param files         the walk in words ("read 5 files (3 Python, ...); skipped ...")
     * @param filesRead     how many files were read
     * @param counts        statements per status
     * @param proofs        statements per proof outcome
     * @param driver        the PostgreSQL driver the parameter markers are written for
     * @param driverFrom    where the driver was guessed from (file:line), null when given
     * @param markers       the first value's marker in the PostgreSQL texts ({@code $1}, {@code %s}, {@code ?}, ...)
     */
    @JsonPropertyOrder({"files", "filesRead", "statements", "counts", "proofs", "driver", "driverFrom", "markers", "changeHere",
            "env", "changedColumns"})
    public record Summary(String files, int filesRead, int statements, Map<String, Integer> counts,
                          Map<String, Integer> proofs, String driver, String driverFrom, String markers, List<Place> changeHere,
                          List<String> env, List<Changed> changedColumns) {

        public int count(String status) {
            return counts.getOrDefault(status, 0);
        }

        public int proofs(String outcome) {
            return proofs.getOrDefault(outcome, 0);
        }
    }

    /** Nothing failed to prove: no statement PostgreSQL refused, none whose rows differ. */
    public boolean proven() {
        return summary.proofs(StatementProof.FAILED) == 0 && summary.proofs(StatementProof.DIFFERENT) == 0;
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON, or the HTML page when the name ends in .html. */
    public void write(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        Report.writeFile(file, name.endsWith(".html") || name.endsWith(".htm") ? AppHtml.render(this) : toJson());
    }
}
