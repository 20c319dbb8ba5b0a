package dev.ferry.ui;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.TablePlan;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;

/**
 * One table's columns: SQLite name and PostgreSQL name, the declared type, what the values really
 * are, and the PostgreSQL type, which the user may change (pick from the list or type one).
 */
final class ColumnGrid extends TableView<ColumnPlan> {

    static final ObservableList<String> TYPES = FXCollections.observableArrayList("bigint", "integer", "smallint",
            "double precision", "numeric", "boolean", "text", "varchar(255)", "bytea", "timestamp", "timestamptz",
            "date", "time", "jsonb", "uuid");

    private TablePlan table;

    ColumnGrid(ReviewModel model) {
        setId("column-grid");
        setEditable(true);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY); // a narrow window scrolls rather than cuts words
        setPlaceholder(Ui.muted(Text.get("review.columns.none")));
        setAccessibleText(Text.get("review.columns"));
        TableColumn<ColumnPlan, String> type = column("review.col.type", c -> c.type().sql());
        type.setEditable(true);
        type.setId("type-column");
        type.setCellFactory(col -> {
            ComboBoxTableCell<ColumnPlan, String> cell = new ComboBoxTableCell<>(TYPES) {
                @Override
                public void startEdit() {
                    super.startEdit();
                    // the table keeps focus otherwise, and the user would have to click a second time to type
                    if (isEditing() && getGraphic() instanceof ComboBox<?> box) {
                        ListInWindow.keep(box); // at 900×600 the types opened below the window's bottom
                        javafx.application.Platform.runLater(() -> {
                            box.requestFocus();
                            box.getEditor().selectAll();
                        });
                    }
                }
            };
            cell.setComboBoxEditable(true);
            cell.setTooltip(new javafx.scene.control.Tooltip(Text.get("review.col.type.tip")));
            return cell;
        });
        type.setOnEditCommit(e -> model.setType(table, e.getRowValue(), e.getNewValue()));
        // the PostgreSQL type, what the user may change, comes right after the name: in a small
        // window it was the column scrolled off the right edge (issue #17)
        getColumns().addAll(java.util.List.of(
                wrapped(width(column("review.col.name", c -> c.source().name() + "  \u2192  " + c.target()), 140)),
                width(type, 166),
                width(column("review.col.declared", c -> c.source().declaredType().isBlank() ? Text.get("review.none")
                        : c.source().declaredType()), 124),
                wrapped(width(column("review.col.holds", c -> c.profile().describe()), 182)),
                wrapped(width(column("review.col.rule", RuleWords::why), 150))));
        getColumns().forEach(c -> c.setSortable(false));
    }

    void show(TablePlan t) {
        table = t;
        getItems().setAll(t == null ? java.util.List.of() : t.columns());
    }

    /** Long names and types wrap onto a second line instead of ending in "…". */
    private static TableColumn<ColumnPlan, String> wrapped(TableColumn<ColumnPlan, String> c) {
        c.setCellFactory(v -> {
            WrappingCell<ColumnPlan> cell = new WrappingCell<>();
            cell.setAlignment(javafx.geometry.Pos.CENTER_LEFT); // level with the one-line cells beside it
            return cell;
        });
        return c;
    }

    private static TableColumn<ColumnPlan, String> width(TableColumn<ColumnPlan, String> c, double width) {
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<ColumnPlan, String> column(String key, Function<ColumnPlan, String> value) {
        TableColumn<ColumnPlan, String> c = new TableColumn<>(Text.get(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setEditable(false);
        return c;
    }
}
