package dev.ferry.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.run.Migration;
import dev.ferry.run.MigrationListener;
import dev.ferry.run.Options;
import dev.ferry.run.Result;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translator on sqlite-corpus.sql: its schema migrated into PostgreSQL by the real engine, then
 * every SELECT and CREATE VIEW of the corpus translated against that run's plan and PREPAREd on the
 * server. Prints how many were translated and prepared, refused (reasons grouped) and failed to
 * prepare (each listed); docs/sql-translation.md keeps the numbers before and after the rewriter.
 */
class SqlTranslatorCorpusTest {

    @Test
    void everySelectAndViewOfTheCorpusIsTranslatedAndPreparedOrRefusedWithAReason(@TempDir Path dir) throws Exception {
        SqlCorpus corpus = SqlCorpus.load();
        Path file = dir.resolve("corpus.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            for (String statement : corpus.schema().split(";\n")) {
                String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
                if (!sql.isEmpty()) {
                    db.sql(sql);
                }
            }
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = Options.of(file, target, TestPostgres.get().adminPassword());
        Migration m = new Migration(options, MigrationListener.NONE);
        Plan plan = m.preflight();
        Result result = m.run(plan);
        assertEquals(Result.Status.DONE, result.status());
        Map<String, String> views = new LinkedHashMap<>();
        plan.views().forEach(v -> views.put(v.source(), v.target()));
        SqlScope scope = new SqlScope(plan.tables(), views, new Naming(options.naming()), true);

        int statements = 0, prepared = 0;
        Map<String, Integer> refused = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + Naming.quote(plan.schema()));
            // A run creates Ferry's nocase collation when a column or a planned view or trigger uses it; these
            // statements are translated one by one after the run, outside its plan, so the collation is made here
            // as a run whose SQL said COLLATE NOCASE would have made it.
            s.execute(new Ddl(plan.schema()).createCollation());
            for (SqlCorpus.Entry e : corpus.valid()) {
                SqlStatement st = SqlParser.parse(e.sql());
                String view;
                if (st instanceof SqlSelect) {
                    view = "CREATE VIEW corpus_entry AS " + e.sql();
                } else if (st instanceof SqlStatement.CreateView) {
                    view = e.sql();
                } else {
                    continue;
                }
                statements++;
                SqlTranslator.Result r = SqlTranslator.view(view, scope);
                if (!r.ok()) {
                    refused.merge(reason(r.failure()), 1, Integer::sum);
                    continue;
                }
                try {
                    s.execute("PREPARE corpus_entry AS " + r.sql());
                    s.execute("DEALLOCATE corpus_entry");
                    prepared++;
                } catch (SQLException x) {
                    failed.add(e.title() + "\n    " + r.sql() + "\n    " + x.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
        int refusedCount = refused.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder report = new StringBuilder("corpus: " + statements + " SELECT/CREATE VIEW statements; translated and "
                + "prepared " + prepared + ", refused " + refusedCount + ", failed to prepare " + failed.size() + "\n");
        refused.forEach((why, n) -> report.append("  refused ").append(n).append("x: ").append(why).append('\n'));
        failed.forEach(f -> report.append("  failed: ").append(f).append('\n'));
        System.out.println(report);
        assertEquals(statements, prepared + refusedCount + failed.size());
        assertTrue(statements >= 150, "the corpus holds the statements it is meant to: " + statements);
        assertTrue(prepared * 10 >= statements * 8, "most of the corpus translates into SQL PostgreSQL prepares\n" + report);
    }

    /** A refusal's reason without the names in it, so the same reason groups together. */
    private static String reason(String failure) {
        return failure.replaceAll("'[^']*'", "'…'").replaceAll("\\(\\?\\d*\\)|\\(:\\w+\\)|\\(\\?\\)", "(…)");
    }
}
