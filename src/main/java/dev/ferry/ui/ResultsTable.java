package dev.ferry.ui;

import dev.ferry.verify.TableCheck;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * Every table's counts side by side, SQLite beside PostgreSQL, with ✓/✗ for the rows and the
 * checksum; a row that differs is also tinted, but the mark says it without colour.
 */
final class ResultsTable extends TableView<TableCheck> {

    ResultsTable() {
        setId("results-table");
        setAccessibleText(Text.get("results.tab.tables"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // "Rows" spans SQLite, PostgreSQL and the verdict, so the two counts read as one comparison
        TableColumn<TableCheck, String> rows = new TableColumn<>(Text.get("results.col.rows"));
        rows.getColumns().addAll(List.of(
                right(column("results.col.sqlite", t -> String.format("%,d", t.sqliteRows())
                        + (t.rejected() == 0 ? "" : " " + Text.get("results.rejected", t.rejected())))),
                right(column("results.col.pg", t -> String.format("%,d", t.targetRows()))),
                column("results.col.same", t -> t.countsMatch() ? Ui.OK + " " + Text.get("results.same")
                        : Ui.NOT_OK + " " + Text.get("results.diff", t.targetRows() - t.sourceRows()))));
        getColumns().addAll(List.of(column("results.col.table", t -> t.source() + "  \u2192  " + t.target()), rows,
                column("results.col.checksum", t -> t.checksumMatch() ? Ui.OK + " " + Text.get("results.same")
                        : Ui.NOT_OK + " " + Text.get("results.checksum.diff"))));
        setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(TableCheck t, boolean empty) {
                super.updateItem(t, empty);
                getStyleClass().removeAll("row-ok", "row-bad");
                if (!empty && t != null) {
                    getStyleClass().add(t.checksumMatch() ? "row-ok" : "row-bad");
                    setAccessibleText(t.source() + ": " + (t.checksumMatch() ? Text.get("results.same")
                            : Text.get("results.checksum.diff")));
                }
            }
        });
    }

    private static TableColumn<TableCheck, String> right(TableColumn<TableCheck, String> c) {
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static TableColumn<TableCheck, String> column(String key, Function<TableCheck, String> value) {
        TableColumn<TableCheck, String> c = new TableColumn<>(Text.get(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
