package dev.ferry.ui;

import dev.ferry.run.Result;
import dev.ferry.verify.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** Views and triggers: created, or needing the user's attention and why (the SQL is in the report). */
final class ItemsTable extends TableView<ItemsTable.Row> {

    record Row(String kind, Report.Item item) {
    }

    ItemsTable() {
        setId("items");
        setAccessibleText(Text.get("results.items"));
        setPlaceholder(Ui.muted(Text.get("results.items.none")));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> reason = column("results.item.reason", r -> r.item().reason() != null ? r.item().reason()
                : r.item().proof() == null ? "" : r.item().proof().text());
        reason.setPrefWidth(420);
        reason.setCellFactory(c -> new WrappingCell<>());
        getColumns().addAll(List.of(column("results.item.kind", Row::kind),
                column("results.item.name", r -> r.item().name()),
                column("results.item.status", ItemsTable::status), reason));
        setRowFactory(v -> {
            javafx.scene.control.TableRow<Row> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((obs, old, r) -> row.setTooltip(r == null || r.item().sql() == null ? null
                    : new Tooltip(r.item().sql())));
            return row;
        });
    }

    void show(Result r) {
        List<Row> rows = new ArrayList<>();
        r.views().forEach(v -> rows.add(new Row(Text.get("results.item.view"), v)));
        r.triggers().forEach(t -> rows.add(new Row(Text.get("results.item.trigger"), t)));
        getItems().setAll(rows);
    }

    private static String status(Row r) {
        String s = r.item().status() == null ? "" : r.item().status().toLowerCase(Locale.ROOT);
        boolean ok = s.equals("created") || s.equals("done") || s.equals("ok");
        return (ok ? Ui.OK : Ui.WARN) + " " + Text.orElse("results.item.status." + s, s);
    }

    private static TableColumn<Row, String> column(String key, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(Text.get(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
