package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * "Next steps for your app": the SQLite habits that break on PostgreSQL, each with what to look
 * for in the code and what to write instead. Selectable text, so the user can copy the fix.
 */
final class NextSteps {

    private NextSteps() {
    }

    static Node view(List<ResultsModel.Hint> hints) {
        VBox box = new VBox(18, Ui.muted(Text.get("results.next.lead")));
        box.setPadding(new Insets(12, 8, 12, 8));
        for (ResultsModel.Hint h : hints) {
            Label title = Ui.wrapped(h.title());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            GridPane code = new GridPane();
            code.setHgap(12);
            code.setVgap(4);
            javafx.scene.layout.ColumnConstraints grow = new javafx.scene.layout.ColumnConstraints();
            grow.setHgrow(javafx.scene.layout.Priority.ALWAYS);
            grow.setFillWidth(true);
            code.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), grow);
            code.addRow(0, Ui.muted(Text.get("results.next.before")), code(h.before()));
            code.addRow(1, Ui.muted(Text.get("results.next.after")), code(h.after()));
            box.getChildren().add(new VBox(6, title, code));
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("next-steps");
        return scroll;
    }

    private static Node code(String text) {
        javafx.scene.control.TextField f = new javafx.scene.control.TextField(text);
        f.setEditable(false);
        f.getStyleClass().add("monospace");
        f.setPrefColumnCount(40);
        f.setMaxWidth(Double.MAX_VALUE);
        f.setAccessibleText(text);
        return f;
    }
}
