package dev.ferry.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parser on sqlite-corpus.sql, with SQLite itself as the judge: every valid statement is SQL
 * SQLite prepares and the parser reads; printed by SqlWriter it reads back to the same tree and
 * SQLite still prepares it; every statement marked invalid is refused by SQLite and by the parser.
 * Failures are collected so one run lists them all.
 */
class SqlParserCorpusTest {

    static SqlCorpus corpus;

    @BeforeAll
    static void load() {
        corpus = SqlCorpus.load();
    }

    @Test
    void theCorpusHoldsOverTwoHundredValidStatementsAndSomeInvalidOnes() {
        System.out.println("sqlite-corpus.sql: " + corpus.valid().size() + " valid statements, "
                + corpus.invalid().size() + " invalid");
        Map<String, Integer> kinds = new TreeMap<>();
        for (SqlCorpus.Entry e : corpus.valid()) {
            kinds.merge(SqlParser.parse(e.sql()).getClass().getSimpleName(), 1, Integer::sum);
        }
        System.out.println("by kind: " + kinds);
        assertTrue(corpus.valid().size() >= 200, "valid statements: " + corpus.valid().size());
        assertTrue(kinds.getOrDefault("CreateTrigger", 0) >= 20 && kinds.getOrDefault("CreateView", 0) >= 20, kinds::toString);
        assertTrue(corpus.invalid().size() >= 10, "invalid statements: " + corpus.invalid().size());
    }

    @Test
    void sqliteAcceptsEveryValidStatement() throws SQLException {
        List<String> failures = new ArrayList<>();
        try (Connection c = corpus.sqlite()) {
            for (SqlCorpus.Entry e : corpus.valid()) {
                String problem = prepare(c, e.sql());
                if (problem != null) {
                    failures.add(e.title() + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyValidStatementParses() {
        List<String> failures = new ArrayList<>();
        for (SqlCorpus.Entry e : corpus.valid()) {
            try {
                SqlParser.parse(e.sql());
            } catch (SqlParseException ex) {
                failures.add(e.title() + ": " + ex.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void printingAndParsingAgainGivesTheSameTreeAndSqliteAcceptsThePrint() throws SQLException {
        List<String> failures = new ArrayList<>();
        try (Connection c = corpus.sqlite()) {
            for (SqlCorpus.Entry e : corpus.valid()) {
                SqlStatement tree;
                try {
                    tree = SqlParser.parse(e.sql());
                } catch (SqlParseException ex) {
                    continue; // everyValidStatementParses reports it
                }
                String printed = SqlWriter.write(tree);
                try {
                    SqlStatement again = SqlParser.parse(printed);
                    if (!SqlTrees.withoutSpans(tree).equals(SqlTrees.withoutSpans(again))) {
                        failures.add(e.title() + ": a different tree from " + printed);
                    }
                } catch (SqlParseException ex) {
                    failures.add(e.title() + ": the print does not parse: " + printed + ": " + ex.getMessage());
                }
                String problem = prepare(c, printed);
                if (problem != null) {
                    failures.add(e.title() + ": SQLite refuses the print " + printed + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyNodeSpansTheTextItWasReadFromAndEachExpressionsTextReadsBackToIt() {
        List<String> failures = new ArrayList<>();
        int expressions = 0;
        for (SqlCorpus.Entry e : corpus.valid()) {
            SqlStatement tree = SqlParser.parse(e.sql());
            for (SqlNode node : SqlTrees.nodes(tree)) {
                SqlSpan span = node.span();
                if (span.start() < tree.span().start() || span.end() > tree.span().end() || span.start() >= span.end()) {
                    failures.add(e.title() + ": " + node.getClass().getSimpleName() + " spans " + span);
                    continue;
                }
                if (node instanceof SqlExpr expr) {
                    expressions++;
                    String text = span.text(e.sql());
                    try {
                        if (!SqlTrees.withoutSpans(SqlParser.parseExpression(text)).equals(SqlTrees.withoutSpans(expr))) {
                            failures.add(e.title() + ": the text of an expression reads as another one: " + text);
                        }
                    } catch (SqlParseException ex) {
                        failures.add(e.title() + ": the text of an expression does not parse: " + text);
                    }
                }
            }
        }
        System.out.println("expressions checked against their own text: " + expressions);
        assertEquals(List.of(), failures);
    }

    @Test
    void everyInvalidStatementIsRefusedBySqliteAndByTheParser() throws SQLException {
        List<String> failures = new ArrayList<>();
        try (Connection c = corpus.sqlite()) {
            for (SqlCorpus.Entry e : corpus.invalid()) {
                if (prepare(c, e.sql()) == null) {
                    failures.add(e.title() + ": SQLite accepts it");
                }
                try {
                    SqlStatement tree = SqlParser.parse(e.sql());
                    failures.add(e.title() + ": parsed as " + SqlWriter.write(tree));
                } catch (SqlParseException expected) {
                    System.out.println("refused as it should be: " + e.title() + ": " + expected.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** SQLite's objection to the statement, or null when it prepares it. */
    static String prepare(Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
