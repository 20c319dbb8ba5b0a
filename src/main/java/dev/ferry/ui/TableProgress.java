package dev.ferry.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One row of the Migrate page's table list, updated from each progress snapshot. */
final class TableProgress {

    private final String name;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper rows = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();

    TableProgress(String name) {
        this.name = name;
    }

    void update(long done, long total, boolean isFinished) {
        progress.set(isFinished ? 1 : total == 0 ? 0 : Math.min(1, done / (double) total));
        rows.set(Text.get("migrate.rows", done, total));
        finished.set(isFinished);
    }

    String name() {
        return name;
    }

    ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty rows() {
        return rows.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty finished() {
        return finished.getReadOnlyProperty();
    }
}
