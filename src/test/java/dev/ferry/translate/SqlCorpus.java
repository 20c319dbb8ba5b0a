package dev.ferry.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of sqlite-corpus.sql: its schema (the first entry) and its entries, each valid or
 * marked "-- invalid". Shared by the corpus test and the parser's benchmark.
 */
record SqlCorpus(String schema, List<Entry> entries) {

    /** One statement; {@code title} its first comment line; {@code invalid} when SQLite rejects it. */
    record Entry(String title, String sql, boolean invalid) {
    }

    static final String SEPARATOR = "-- ----";

    static SqlCorpus load() {
        String text;
        try (InputStream in = SqlCorpus.class.getResourceAsStream("sqlite-corpus.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.equals(SEPARATOR)) {
                chunks.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        chunks.add(current.toString());
        List<Entry> entries = new ArrayList<>();
        for (String chunk : chunks.subList(1, chunks.size())) {
            String title = chunk.lines().filter(l -> l.startsWith("-- ")).findFirst().orElse("").substring(3);
            boolean invalid = chunk.lines().anyMatch(l -> l.startsWith("-- invalid"));
            entries.add(new Entry(title, chunk.strip(), invalid));
        }
        return new SqlCorpus(chunks.get(0), List.copyOf(entries));
    }

    List<Entry> valid() {
        return entries.stream().filter(e -> !e.invalid()).toList();
    }

    List<Entry> invalid() {
        return entries.stream().filter(Entry::invalid).toList();
    }

    /** An in-memory SQLite database holding the corpus's schema. */
    Connection sqlite() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = c.createStatement()) {
            for (String statement : schema.split(";\n")) {
                String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
                if (!sql.isEmpty()) {
                    s.executeUpdate(sql);
                }
            }
        }
        return c;
    }
}
