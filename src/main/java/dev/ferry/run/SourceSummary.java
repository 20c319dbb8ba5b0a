package dev.ferry.run;

import dev.ferry.schema.Catalog;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.Survey;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a first look at a SQLite file finds, before any plan (the wizard's source card): its size,
 * tables and their rows, views and triggers, SQLite's own integrity check, and the facts that
 * deserve a warning. Read by {@link Migration#summarize}; the file is opened read-only.
 *
 * @param tables       the tables that hold rows (virtual tables apart), in the catalog's order
 * @param integrity    the first lines of PRAGMA quick_check ("ok" when intact)
 * @param walBytes     size of the write-ahead log beside the file: changes not yet in the file itself
 * @param fkViolations rows whose foreign key points nowhere; -1 when SQLite could not tell
 */
public record SourceSummary(Path file, long bytes, List<TableRows> tables, int views, int triggers, List<String> virtualTables,
                            List<String> integrity, long walBytes, long fkViolations) {

    public record TableRows(String name, long rows) {
    }

    /** How far {@link Migration#summarize} got, for a face's progress line, and whether the face still wants it. */
    public interface Progress {
        /** Counting the rows of table {@code done + 1} of {@code of}. */
        void counting(String table, int done, int of);

        /** Running SQLite's checks, after the counts. */
        void checking();

        /** True when the face no longer wants the summary: it ends between tables. */
        boolean stopped();
    }

    public boolean intact() {
        return integrity.equals(List.of("ok"));
    }

    public long rows() {
        return tables.stream().mapToLong(TableRows::rows).sum();
    }

    /** Null when {@link Progress#stopped} said so. */
    static SourceSummary read(Path file, Progress progress) {
        try (Survey survey = Survey.open(file)) {
            long bytes = survey.bytes(), walBytes = survey.walBytes();
            Catalog catalog = survey.catalog();
            List<Table> tables = catalog.tables().stream().filter(t -> !t.isVirtual()).toList();
            List<TableRows> rows = new ArrayList<>();
            for (Table t : tables) {
                if (progress.stopped()) {
                    return null;
                }
                progress.counting(t.name(), rows.size(), tables.size());
                rows.add(new TableRows(t.name(), survey.rows(t.name())));
            }
            progress.checking();
            List<String> integrity = survey.quickCheck(5);
            long fk = survey.foreignKeyViolations();
            return new SourceSummary(survey.file(), bytes, List.copyOf(rows), catalog.views().size(), catalog.triggers().size(),
                    catalog.tables().stream().filter(Table::isVirtual).map(Table::name).toList(), integrity, walBytes, fk);
        } catch (SQLException | IOException e) {
            // not one of the failures SqliteSource tells in plain words: the face shows it as unexpected
            throw new IllegalStateException("Ferry could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
