package dev.ferry.appcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three small apps written the way hobby apps are (a Python Discord bot on aiosqlite, a Node
 * service on better-sqlite3, a Go service on mattn/go-sqlite3): every statement their
 * expected.tsv lists is found at its file and line, dynamic exactly when the code builds it at run
 * time, and nothing else is found but the strings listed below, which begin with a statement
 * keyword yet are not SQL (the SQLite parser is what will turn them away). Vendored and build
 * folders are never read.
 */
class AppFixturesTest {

    static final Path APPS = Path.of("src/test/resources/dev/ferry/appcode");

    /** Messages that pass the keyword pre-filter: file, line and the text's start, each one found. */
    static final Map<String, List<String>> NOT_SQL = Map.of(
            "discord-bot", List.of(
                    "db.py\t43\tSelect a database file with DB_PATH",
                    "db.py\t89\tDelete done.",
                    "cogs/stats.py\t44\tSelect your team! Saved: {name}",
                    "bot.py\t28\tUpdate your profile with /team"),
            "node-service", List.of(
                    "src/repo/products.js\t25\tSelect a valid SKU like ABC-1234",
                    "src/server.ts\t14\tUpdate interval: 6h",
                    "src/server.ts\t26\tDelete it first to add it again"),
            "go-service", List.of(
                    "store/store.go\t86\tDelete old rows: %w",
                    "store/reports.go\t18\tSelect a feed to read",
                    "store/reports.go\t19\tUpdate all feeds now",
                    "main.go\t15\tSelect another file: %v"));

    record Expected(String file, int line, String start, boolean dynamic) {
    }

    static List<Expected> expected(String app) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (String row : Files.readAllLines(APPS.resolve(app).resolve("expected.tsv"))) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] f = row.split("\t");
            out.add(new Expected(f[0], Integer.parseInt(f[1]), f[2], f[3].equals("yes")));
        }
        return out;
    }

    static String squeeze(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    static Optional<Candidate> at(List<Candidate> found, String file, int line) {
        return found.stream().filter(c -> c.file().equals(file) && c.line() == line).findFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"discord-bot", "node-service", "go-service"})
    void everyStatementIsFoundAtItsLineAndNothingElse(String app) throws IOException {
        AppScan scan = AppScan.of(APPS.resolve(app), StatementRecognizer.KEYWORDS);
        List<Candidate> found = scan.statements();
        List<Expected> expected = expected(app);
        assertTrue(expected.size() >= 14, "each app has its share of statements");

        for (Expected e : expected) {
            Candidate c = at(found, e.file(), e.line()).orElse(null);
            assertTrue(c != null, "not found: " + e + "\nfound:\n" + found);
            assertTrue(squeeze(c.text()).startsWith(e.start()), e + " but found: " + squeeze(c.text()));
            assertEquals(e.dynamic(), c.dynamic(), "dynamic? " + e);
        }
        List<String> notSql = NOT_SQL.get(app);
        for (String n : notSql) {
            String[] f = n.split("\t");
            Candidate c = at(found, f[0], Integer.parseInt(f[1])).orElse(null);
            assertTrue(c != null && c.text().startsWith(f[2]), "the known non-SQL string is found (the parser's job to reject): " + n);
        }
        List<String> unexpected = found.stream()
                .filter(c -> expected.stream().noneMatch(e -> e.file().equals(c.file()) && e.line() == c.line()))
                .filter(c -> notSql.stream().noneMatch(n -> n.startsWith(c.file() + "\t" + c.line() + "\t")))
                .map(Candidate::toString).toList();
        assertEquals(List.of(), unexpected);
        assertEquals(expected.size() + notSql.size(), found.size(), "one finding per statement");
    }

    @ParameterizedTest
    @ValueSource(strings = {"discord-bot", "node-service", "go-service"})
    void vendoredFoldersAreSkippedAndSaid(String app) {
        AppScan scan = AppScan.of(APPS.resolve(app), StatementRecognizer.KEYWORDS);
        String summary = scan.walk().summary();
        switch (app) {
            case "discord-bot" -> assertEquals("read 5 files (3 Python, 1 SQL, 1 config); skipped .venv, __pycache__", summary);
            case "node-service" -> assertEquals("read 4 files (3 JavaScript/TypeScript, 1 config); skipped dist, node_modules", summary);
            default -> assertEquals("read 4 files (3 Go, 1 config); skipped bin, vendor", summary);
        }
        for (AppFolder.SourceFile f : scan.walk().files()) {
            assertFalse(f.path().matches(".*(node_modules|\\.venv|vendor|dist|bin|__pycache__)/.*"), f.path());
        }
        for (Candidate c : scan.statements()) {
            assertFalse(c.text().contains("vendored") || c.text().contains("sqlite_version"), c.toString());
        }
    }
}
