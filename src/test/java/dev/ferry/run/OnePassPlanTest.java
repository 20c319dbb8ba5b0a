package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.fidelity.QuirkFixture;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.testing.AppDatabases;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.SakilaLikeFixture;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrate plans each table from a sample and checks every value as it copies; a table whose values
 * do not all fit is planned again from all of them and copied again. What must happen: for every
 * fixture file of the migrate tests, the plan the run ends with (types, rules, fixes, names, keys,
 * views, triggers, and every problem with its count, examples and resolution) is the plan the full
 * profile makes before any copy, and the run verifies. Samples of one and two rows make nearly
 * every table go through the sample, and the tables with surprises through the re-plan.
 */
class OnePassPlanTest {

    @Test
    void theOnePassCopyEndsWithThePlanOfTheFullProfile(@TempDir Path dir) throws Exception {
        Map<String, Path> files = new TreeMap<>();
        files.put("quirks", QuirkFixture.write(Files.createDirectories(dir.resolve("quirks"))));
        files.put("chinook", ChinookLikeFixture.write(Files.createDirectories(dir.resolve("chinook"))));
        files.put("sakila", SakilaLikeFixture.write(dir.resolve("sakila.sqlite")));
        for (String app : List.of("discord-bot", "node-service", "go-service")) {
            files.put(app, AppDatabases.write(app, Files.createDirectories(dir.resolve(app))));
        }
        files.put("unsafe-text", UnsafeTextTest.file(Files.createDirectories(dir.resolve("unsafe"))));
        files.put("misfits", MisfitResolutionsTest.file(Files.createDirectories(dir.resolve("misfits"))));
        files.put("late-surprises", lateSurprises(dir.resolve("late.sqlite")));
        int replanned = 0;
        for (Map.Entry<String, Path> f : files.entrySet()) {
            Plan full = new Migration(options(f.getValue()), MigrationListener.NONE).preflight();
            for (int sample : new int[] {1, 2}) {
                List<MigrationEvent> events = new CopyOnWriteArrayList<>();
                Options o = options(f.getValue());
                Migration m = new Migration(o, events::add);
                Plan start = m.preflight(sample);
                Result r = m.run(start);
                String what = f.getKey() + " with samples of " + sample + " row(s)";
                assertEquals(Result.Status.DONE, r.status(), what);
                assertTrue(r.tables().stream().allMatch(t -> t.sourceRows() == t.targetRows() && t.sourceChecksum() == t.targetChecksum()), what);
                assertEquals(describe(full), describe(r.plan()), what);
                // what a later sync plans from: the full profile's decisions, and the classes each column holds
                assertEquals(record(PlanRecord.of(full, o)), record(journaled(o, m)), what + ": the journal's decisions");
                assertTrue(r.problems().containsAll(full.problems()), what + ": every problem of the full profile reported");
                long notes = events.stream().filter(e -> e instanceof MigrationEvent.Note n
                        && n.text().contains("planned that table from a sample")).count();
                // the problems of a table planned again were told as they were found, like the preflight's
                List<Object> told = events.stream().filter(e -> e instanceof MigrationEvent.ProblemFound)
                        .map(e -> (Object) ((MigrationEvent.ProblemFound) e).problem()).toList();
                assertTrue(told.containsAll(full.problems()), what + ": every problem told to the listener");
                replanned += (int) notes;
            }
        }
        assertTrue(replanned >= 10, "the fixtures' surprises went through the re-plan (" + replanned + ")");
    }

    /**
     * Tables whose first rows look plain and whose surprises come later, one kind per table, each
     * past what a sample of one or two rows sees: text among integers, a February 30th, a year 0000,
     * a 19-character date-time with a non-ASCII character, other shapes of date-times that do fit,
     * JSON that is not, a NUL byte, a column NULL until its last row, a word among booleans, a blob
     * among text, a real beyond 2^53 among integers of a REAL column, and an integer among the reals
     * of a NUMERIC column a view divides.
     */
    private static Path lateSurprises(Path file) throws Exception {
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE ints (id INTEGER PRIMARY KEY, n INTEGER)",
                    "INSERT INTO ints (n) VALUES (1), (2), (3), (4), ('five'), (6)",
                    "CREATE TABLE feb (id INTEGER PRIMARY KEY, at DATETIME)",
                    "INSERT INTO feb (at) VALUES ('2024-01-01 10:00:00'), ('2024-01-02 10:00:00'), ('2024-01-03 10:00:00'), "
                            + "('2024-02-30 10:00:00'), ('2024-01-05 10:00:00')",
                    "CREATE TABLE year0 (id INTEGER PRIMARY KEY, at DATETIME)",
                    "INSERT INTO year0 (at) VALUES ('2024-01-01 10:00:00'), ('2024-01-02 10:00:00'), ('0000-01-03 10:00:00')",
                    "CREATE TABLE wide (id INTEGER PRIMARY KEY, at DATETIME)",
                    "INSERT INTO wide (at) VALUES ('2024-01-01 10:00:00'), ('2024-01-02 10:00:00'), ('2024-01-0é 10:00:0')",
                    "CREATE TABLE shapes (id INTEGER PRIMARY KEY, at DATETIME)",
                    "INSERT INTO shapes (at) VALUES ('2024-01-01 10:00:00'), ('2024-01-02 10:00:00'), ('2024-01-03 10:00'), "
                            + "('2024-01-04'), ('2024-01-05T10:00:00.123456'), ('2024-01-06T10:00:00')",
                    "CREATE TABLE docs (id INTEGER PRIMARY KEY, body JSON)",
                    "INSERT INTO docs (body) VALUES ('{\"a\": 1}'), ('[1, 2]'), ('{\"b\": 2}'), ('{not json')",
                    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                    "INSERT INTO notes (body) VALUES ('a'), ('b'), ('c'), (CAST(x'610062' AS TEXT))",
                    "CREATE TABLE sparse (id INTEGER PRIMARY KEY, v)",
                    "INSERT INTO sparse (v) VALUES (NULL), (NULL), (NULL), (NULL), (42)",
                    "CREATE TABLE flags (id INTEGER PRIMARY KEY, on_ BOOLEAN)",
                    "INSERT INTO flags (on_) VALUES (1), (0), (1), ('maybe')",
                    "CREATE TABLE texts (id INTEGER PRIMARY KEY, t TEXT)",
                    "INSERT INTO texts (t) VALUES ('a'), ('b'), ('c'), (x'00ff')",
                    "CREATE TABLE reals (id INTEGER PRIMARY KEY, r REAL)",
                    "INSERT INTO reals (r) VALUES (1), (2), (3), (9007199254740993)",
                    // SQLite divides integers as integers: whether p holds any decides the view's translation
                    "CREATE TABLE prices (id INTEGER PRIMARY KEY, p NUMERIC)",
                    "INSERT INTO prices (p) VALUES (1.5), (2.5), (3.5), (4)",
                    "CREATE VIEW halves AS SELECT p / 2 AS h FROM prices",
                    // a late integer passes the text rule's own test; which classes the column holds
                    // decides how typeof() is translated, and the kind change the user is told of
                    "CREATE TABLE untyped (id INTEGER PRIMARY KEY, v)",
                    "INSERT INTO untyped (v) VALUES ('a'), ('b'), ('c'), (7)",
                    "CREATE VIEW kinds AS SELECT typeof(v) AS k FROM untyped",
                    "CREATE TABLE worded (id INTEGER PRIMARY KEY, w TEXT)",
                    "INSERT INTO worded (w) VALUES ('a'), ('b'), ('c'), ('d')",
                    "CREATE VIEW word_kinds AS SELECT typeof(w) AS k FROM worded",
                    // late JSON past the first rows the planner reads whole (TypePlanner's 2,000): valid
                    // JSON whose escape jsonb cannot store, and a JSON scalar among arrays in TEXT
                    "CREATE TABLE escapes (id INTEGER PRIMARY KEY, body JSON)",
                    ResumeTest.series(2_100, "INSERT INTO escapes (body) SELECT '{\"n\": ' || i || '}' FROM n"),
                    "INSERT INTO escapes (body) VALUES ('{\"d\": \"\\u0000\"}')",
                    "CREATE TABLE texted (id INTEGER PRIMARY KEY, body TEXT)",
                    ResumeTest.series(2_100, "INSERT INTO texted (body) SELECT '[' || i || ']' FROM n"),
                    "INSERT INTO texted (body) VALUES ('\"scalar\"')");
        }
        return file;
    }

    private static Options options(Path file) {
        return Options.of(file, TestPostgres.get().freshDatabase(), TestPostgres.get().adminPassword());
    }

    /** The storage classes a profile saw: what typeof(), kind changes and a sync's checks are decided by. */
    private static String classes(dev.ferry.sqlite.ColumnProfile p) {
        return p == null ? "-" : (p.integers() > 0 ? "i" : "") + (p.reals() > 0 ? "r" : "") + (p.texts() > 0 ? "t" : "")
                + (p.blobs() > 0 ? "b" : "");
    }

    /** The run's final record of its decisions in its journal. */
    private static String journaled(Options o, Migration m) throws Exception {
        try (java.sql.Connection c = TestPostgres.get().connect(o.target())) {
            return Journal.plan(c, m.runId());
        }
    }

    /** A record's decisions, without what a sample counts (counts, ranges, lengths) nor how the plan was made. */
    private static String record(String json) throws Exception {
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        List<String> out = new ArrayList<>(List.of("options " + root.path("options")));
        root.path("tables").fields().forEachRemaining(t -> {
            out.add("table " + t.getKey() + " rows " + t.getValue().path("rows"));
            for (com.fasterxml.jackson.databind.JsonNode c : t.getValue().path("columns")) {
                com.fasterxml.jackson.databind.JsonNode p = c.path("profile");
                String classes = p.isMissingNode() ? "-" : (p.get(1).asLong() > 0 ? "i" : "") + (p.get(2).asLong() > 0 ? "r" : "")
                        + (p.get(3).asLong() > 0 ? "t" : "") + (p.get(4).asLong() > 0 ? "b" : "");
                out.add("  " + c.path("name") + " " + c.path("declared") + " " + c.path("kind") + " " + c.path("type") + " "
                        + c.path("rule") + " " + c.path("fitSql") + " " + c.path("misfitAction") + " " + c.path("unsafeAction")
                        + " classes " + classes);
            }
        });
        return String.join("\n", out);
    }

    /** Everything a plan decides, without the profiles' counts (a sampled plan counted its sample). */
    private static String describe(Plan p) {
        List<String> out = new ArrayList<>();
        out.add("schema " + p.schema());
        for (TablePlan t : p.tables()) {
            out.add("table " + t.source().name() + " -> " + t.target() + " rows " + t.rows() + " checks " + t.checks());
            for (ColumnPlan c : t.columns()) {
                out.add("  " + c.source().name() + " -> " + c.target() + " " + c.type() + " rule " + c.ruleName() + " "
                        + c.conversion() + " identity " + c.identity() + " default " + c.defaultSql() + " fix " + c.fix()
                        + " generated " + c.generated() + " collation " + c.collation() + " bytes " + c.textAsBytes()
                        + " iso " + c.isoTimestampText() + " classes " + classes(c.profile()));
            }
        }
        p.indexes().forEach(i -> out.add("index " + i.source() + " on " + i.table().target() + " " + i.name() + " "
                + i.columns() + i.descending() + " unique " + i.unique() + " " + i.origin() + " skip " + i.skipReason() + " "
                + i.expressions() + " where " + i.where()));
        p.foreignKeys().forEach(f -> out.add("fk " + f.table().target() + " " + f.name() + " " + f.columns() + " -> "
                + f.parent().target() + f.parentColumns() + " " + f.onDelete() + " " + f.onUpdate() + " skip " + f.skipReason()));
        p.views().forEach(i -> out.add("view " + i));
        p.triggers().forEach(i -> out.add("trigger " + i));
        p.problems().forEach(i -> out.add("problem " + i));
        p.renames().forEach(i -> out.add("rename " + i));
        return String.join("\n", out);
    }
}
