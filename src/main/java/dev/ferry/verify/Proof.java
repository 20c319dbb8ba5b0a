package dev.ferry.verify;

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
public record Proof(String result, String text, Long sqliteRows, Long postgresRows, List<String> onlyInSqlite,
                    List<String> onlyInPostgres) {

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

    public boolean differs() {
        return DIFFERS.equals(result);
    }
}
