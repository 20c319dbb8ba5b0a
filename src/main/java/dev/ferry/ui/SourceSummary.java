package dev.ferry.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Source page says about a file before anything else happens: its size, tables, rows,
 * views and triggers, SQLite's own integrity check, and what deserves a warning.
 *
 * @param integrity   the first lines of PRAGMA quick_check ("ok" when intact)
 * @param walBytes    size of the write-ahead log beside the file: changes not yet in the file itself
 * @param fkViolations rows whose foreign key points nowhere; -1 when SQLite could not tell
 */
record SourceSummary(Path file, long bytes, List<TableRows> tables, int views, int triggers, List<String> virtualTables,
                     List<String> integrity, long walBytes, long fkViolations) {

    record TableRows(String name, long rows) {
    }

    boolean intact() {
        return integrity.equals(List.of("ok"));
    }

    long rows() {
        return tables.stream().mapToLong(TableRows::rows).sum();
    }

    /** Plain sentences, most serious first. */
    List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!intact()) {
            w.add(Text.get("source.warn.integrity", String.join("; ", integrity)));
        }
        if (tables.isEmpty()) {
            w.add(Text.get("source.warn.empty"));
        }
        if (walBytes > 0) {
            w.add(Text.get("source.warn.wal", Ui.bytes(walBytes), file.getFileName()));
        }
        if (!virtualTables.isEmpty()) {
            w.add(Text.get("source.warn.virtual", virtualTables.size(), String.join(", ", virtualTables)));
        }
        if (fkViolations > 0) {
            w.add(Text.get("source.warn.fk", fkViolations));
        }
        if (triggers > 0) {
            w.add(Text.get("source.warn.triggers", triggers));
        }
        return w;
    }
}
