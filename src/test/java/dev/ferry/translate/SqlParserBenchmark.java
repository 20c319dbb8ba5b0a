package dev.ferry.translate;

import dev.ferry.sqlite.SqlLexer;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark program, not a test: how long the parser takes over sqlite-corpus.sql, warm, as the
 * median of many runs; beside it the tokenizer alone, the writer, and SQLite's own prepare of the
 * same statements (its parser plus name resolution and code generation, so not a like-for-like
 * figure, only a sense of scale). See docs/sql-translation.md, "The syntax tree".
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.mainClass=dev.ferry.translate.SqlParserBenchmark \
 *   -Dexec.classpathScope=test -Dexec.args="--runs 200"
 * </pre>
 */
public final class SqlParserBenchmark {

    private SqlParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 200;
        SqlCorpus corpus = SqlCorpus.load();
        List<String> sqls = corpus.valid().stream().map(SqlCorpus.Entry::sql).toList();
        List<SqlStatement> trees = sqls.stream().map(SqlParser::parse).toList();
        long chars = sqls.stream().mapToLong(String::length).sum();
        System.out.printf("corpus: %d statements, %,d characters; %d warm-up runs, then %d timed runs%n",
                sqls.size(), chars, runs, runs);

        report("tokenize (SqlLexer)", sqls.size(), time(runs, () -> sqls.forEach(SqlLexer::tokens)));
        report("parse (SqlParser, tokenizing included)", sqls.size(), time(runs, () -> sqls.forEach(SqlParser::parse)));
        report("print (SqlWriter)", sqls.size(), time(runs, () -> trees.forEach(SqlWriter::write)));
        try (Connection c = corpus.sqlite()) {
            report("SQLite's prepare via sqlite-jdbc (reference)", sqls.size(), time(runs, () -> sqls.forEach(sql -> {
                if (SqlParserCorpusTest.prepare(c, sql) != null) {
                    throw new IllegalStateException("SQLite refused " + sql);
                }
            })));
        }
    }

    /** Nanoseconds of each timed run of the whole corpus, after as many untimed ones. */
    private static List<Long> time(int runs, Runnable corpusOnce) {
        for (int i = 0; i < runs; i++) {
            corpusOnce.run();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            corpusOnce.run();
            times.add(System.nanoTime() - start);
        }
        Collections.sort(times);
        return times;
    }

    private static void report(String what, int statements, List<Long> sorted) {
        double median = sorted.get(sorted.size() / 2) / 1e6;
        System.out.printf("%-45s median %7.2f ms per corpus (%5.1f µs a statement), min %7.2f, max %7.2f%n", what,
                median, median * 1000 / statements, sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }
}
