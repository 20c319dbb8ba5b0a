package dev.ferry.ui;

import dev.ferry.plan.Plan;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Migrate page's rows (one per table, in plan order) and live log, fed from progress snapshots. */
final class RunBoard {

    private static final int MAX_LOG = 5_000;

    private final ObservableList<TableProgress> tables = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<TableProgress> tablesView = FXCollections.unmodifiableObservableList(tables);
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final Map<String, TableProgress> byName = new HashMap<>();

    void reset(Plan plan) {
        tables.clear();
        byName.clear();
        log.clear();
        plan.tables().forEach(t -> {
            TableProgress row = new TableProgress(t.source().name());
            byName.put(row.name(), row);
            tables.add(row);
        });
    }

    /** A log kept to its last lines: a long run must not grow the window's memory without end. */
    void apply(RunProgress.Snapshot s) {
        s.tables().forEach((name, t) -> {
            TableProgress row = byName.get(name);
            if (row != null) {
                row.update(t[0], t[1], t[2] == 1);
            }
        });
        log.addAll(s.log());
        if (log.size() > MAX_LOG) {
            log.remove(0, log.size() - MAX_LOG);
        }
    }

    ObservableList<TableProgress> tables() {
        return tablesView;
    }

    ObservableList<String> log() {
        return logView;
    }
}
