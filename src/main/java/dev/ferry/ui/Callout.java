package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A tinted box with a mark, a bold sentence and a plain one below: success, warning or danger.
 * The mark (✓ ⚠ ✗) carries the meaning too, so it never rests on the colour alone.
 */
final class Callout extends HBox {

    enum Kind { SUCCESS, WARNING, DANGER }

    private final Label mark = new Label();
    private final Label title = Ui.wrapped("");
    private final Label description = Ui.wrapped("");

    Callout() {
        super(12);
        getStyleClass().add("callout");
        mark.getStyleClass().add("callout-mark");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox text = new VBox(4, title, description);
        HBox.setHgrow(text, Priority.ALWAYS);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(mark, text);
    }

    void show(Kind kind, String titleText, String descriptionText) {
        getStyleClass().removeAll("success", "warning", "danger");
        getStyleClass().add(kind.name().toLowerCase(java.util.Locale.ROOT));
        mark.setText(switch (kind) {
            case SUCCESS -> Ui.OK;
            case WARNING -> Ui.WARN;
            case DANGER -> Ui.NOT_OK;
        });
        title.setText(titleText);
        description.setText(descriptionText == null ? "" : descriptionText);
        description.setVisible(!description.getText().isEmpty());
        description.setManaged(description.isVisible());
        setAccessibleText(titleText + (description.isVisible() ? " " + descriptionText : ""));
    }

    String title() {
        return title.getText();
    }

    String description() {
        return description.getText();
    }
}
