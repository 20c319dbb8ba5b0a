package dev.ferry.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/**
 * A failure shown in place on a page: the plain sentence, what to do, and a collapsed Details
 * pane with the technical text. Hidden while there is nothing to show.
 */
final class ErrorBox extends VBox {

    private final Callout message = new Callout();
    private final TextArea details = new TextArea();

    ErrorBox(ObservableValue<Failure> failure) {
        super(6);
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(8);
        details.getStyleClass().add("monospace");
        details.setAccessibleText(Text.get("error.details"));
        TitledPane pane = new TitledPane(Text.get("error.details"), details);
        pane.setExpanded(false);
        pane.setAnimated(false);
        getChildren().addAll(message, pane);
        getStyleClass().add("error-box");
        failure.addListener((obs, old, f) -> show(f));
        show(failure.getValue());
    }

    private void show(Failure f) {
        setVisible(f != null);
        setManaged(f != null);
        if (f != null) {
            message.show(Callout.Kind.DANGER, f.message(), f.advice());
            details.setText(f.details());
        }
    }
}
