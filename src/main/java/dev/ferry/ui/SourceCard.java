package dev.ferry.ui;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.ferry.run.SourceSummary;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The summary card of a SQLite file: the figures, SQLite's integrity check and the warnings on
 * the left, every table with its row count on the right.
 */
final class SourceCard extends Card {

    private final Label title = new Label();
    private final FlowPane stats = new FlowPane(28, 12);
    private final VBox notes = new VBox(6);
    private final TableView<SourceSummary.TableRows> tables = new TableView<>();

    SourceCard(ObservableValue<SourceSummary> summary) {
        setId("source-card");
        title.getStyleClass().add(Styles.TITLE_4);
        setHeader(title);
        tables.setId("source-tables");
        tables.setAccessibleText(Text.get("source.tables"));
        tables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tables.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        TableColumn<SourceSummary.TableRows, String> name = new TableColumn<>(Text.get("source.col.table"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<SourceSummary.TableRows, String> rows = new TableColumn<>(Text.get("source.col.rows"));
        rows.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format("%,d", c.getValue().rows())));
        rows.setStyle("-fx-alignment: CENTER-RIGHT;");
        tables.getColumns().addAll(List.of(name, rows));
        tables.setPrefWidth(340);
        tables.setMinHeight(120);
        VBox left = new VBox(14, stats, notes);
        HBox.setHgrow(left, Priority.ALWAYS);
        setBody(new HBox(24, left, tables));
        summary.addListener((obs, old, s) -> show(s));
        show(summary.getValue());
    }

    private void show(SourceSummary s) {
        setVisible(s != null);
        setManaged(s != null);
        if (s == null) {
            return;
        }
        title.setText(s.file().getFileName() + "   \u00B7   " + Ui.bytes(s.bytes()));
        stats.getChildren().setAll(stat("source.stat.tables", s.tables().size()), stat("source.stat.rows", s.rows()),
                stat("source.stat.views", s.views()), stat("source.stat.triggers", s.triggers()));
        notes.getChildren().clear();
        Label integrity = Ui.mark(s.intact(), Text.get(s.intact() ? "source.integrity.ok" : "source.integrity.bad"));
        integrity.setId("integrity");
        notes.getChildren().add(integrity);
        if (s.fkViolations() == 0) {
            notes.getChildren().add(Ui.mark(true, Text.get("source.fk.ok")));
        }
        for (String w : warnings(s)) {
            notes.getChildren().add(Ui.warning(w));
        }
        tables.getItems().setAll(s.tables());
        setAccessibleText(title.getText());
    }

    /** Plain sentences, most serious first. */
    static List<String> warnings(SourceSummary s) {
        List<String> w = new ArrayList<>();
        if (!s.intact()) {
            w.add(Text.get("source.warn.integrity", String.join("; ", s.integrity())));
        }
        if (s.tables().isEmpty()) {
            w.add(Text.get("source.warn.empty"));
        }
        if (s.walBytes() > 0) {
            w.add(Text.get("source.warn.wal", Ui.bytes(s.walBytes()), s.file().getFileName()));
        }
        if (!s.virtualTables().isEmpty()) {
            w.add(Text.get("source.warn.virtual", s.virtualTables().size(), String.join(", ", s.virtualTables())));
        }
        if (s.fkViolations() > 0) {
            w.add(Text.get("source.warn.fk", s.fkViolations()));
        }
        if (s.triggers() > 0) {
            w.add(Text.get("source.warn.triggers", s.triggers()));
        }
        return w;
    }

    private static VBox stat(String key, long value) {
        Label number = new Label(String.format("%,d", value));
        number.getStyleClass().add(Styles.TITLE_2);
        Label name = new Label(Text.get(key));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(2, number, name);
        box.setAccessibleText(number.getText() + " " + name.getText());
        return box;
    }
}
