package dev.ferry.verify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What Ferry proved about a view or trigger on the user's own data. A view: run on both sides, its
 * rows compared; a trigger: fired in a transaction that was rolled back.
 *
 * @param result         {@code proven}, {@code differs} (the proof found a difference) or {@code not-proven}
 *                       (the proof could not be made; the text says why)
 * @param text           the outcome in plain words
 * @param sqliteRows     rows the view returned in SQLite, null for a trigger or when unknown
 * @param postgresRows   rows the view returned in PostgreSQL, null for a trigger or when unknown
 * @param onlyInSqlite   a few rows only SQLite returned
 * @param onlyInPostgres a few rows only PostgreSQL returned
 */
@JsonPropertyOrder({"result", "text", "rows", "onlyInSqlite", "onlyInPostgres"})
public record Proof(String result, String text, @JsonIgnore Long sqliteRows, @JsonIgnore Long postgresRows,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> onlyInSqlite,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> onlyInPostgres) {

    /** The report's {@code rows} of a view's proof: how many rows each side returned. */
    public record Rows(Long sqlite, Long postgres) {
    }

    @JsonCreator
    static Proof fromJson(@JsonProperty("result") String result, @JsonProperty("text") String text,
                          @JsonProperty("rows") Rows rows, @JsonProperty("onlyInSqlite") List<String> onlyInSqlite,
                          @JsonProperty("onlyInPostgres") List<String> onlyInPostgres) {
        return new Proof(result, text, rows == null ? null : rows.sqlite(), rows == null ? null : rows.postgres(),
                onlyInSqlite, onlyInPostgres);
    }

    /** Both counts, as the report writes them; absent for a trigger. */
    @JsonProperty("rows")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Rows rows() {
        return sqliteRows == null && postgresRows == null ? null : new Rows(sqliteRows, postgresRows);
    }

    public static final String PROVEN = "proven", DIFFERS = "differs", NOT_PROVEN = "not-proven";

    public Proof {
        onlyInSqlite = onlyInSqlite == null ? List.of() : List.copyOf(onlyInSqlite);
        onlyInPostgres = onlyInPostgres == null ? List.of() : List.copyOf(onlyInPostgres);
    }

    public static Proof proven(String text) {
        return new Proof(PROVEN, text, null, null, null, null);
    }

    /** A proof that could not be made, with why in the user's words. */
    public static Proof notProven(String why) {
        return new Proof(NOT_PROVEN, "not proven: " + why, null, null, null, null);
    }

    public static Proof differs(String text) {
        return new Proof(DIFFERS, text, null, null, null, null);
    }

    @JsonIgnore
    public boolean differs() {
        return DIFFERS.equals(result);
    }
}
