package dev.ferry.ui;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A tab's picture, with its table of numbers one toggle away: people read the bars at a glance,
 * and whoever wants the exact figures (or to select and copy them) turns on "Numbers". Both stay
 * in the page, only one is shown, so the table keeps its selection and scroll while hidden.
 */
final class PictureOrNumbers extends VBox {

    private final ToggleButton numbers = new ToggleButton(Text.get("results.picture.numbers"));

    /**
     * @param id     names the toggle ("id-numbers"), so each tab's can be found and tested
     * @param legend what the picture's colours mean, beside the toggle
     */
    PictureOrNumbers(String id, Node picture, Node table, Node legend) {
        super(8);
        numbers.setId(id + "-numbers");
        numbers.setMnemonicParsing(true);
        Ui.help(numbers, "results.picture.numbers.tip");
        numbers.getStyleClass().add(Styles.SMALL);
        Ui.keepWidth(numbers);
        ScrollPane scroll = new ScrollPane(picture);
        scroll.setId(id + "-picture");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("count-scroll");
        scroll.visibleProperty().bind(numbers.selectedProperty().not());
        table.visibleProperty().bind(numbers.selectedProperty());
        StackPane both = new StackPane(scroll, table);
        VBox.setVgrow(both, Priority.ALWAYS);
        HBox key = new HBox(legend); // its own box: the picture may hide the legend itself when it has nothing to explain
        key.visibleProperty().bind(numbers.selectedProperty().not());
        HBox bar = new HBox(8, key, new Spacer(), numbers);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, both);
        setMinHeight(0);
    }
}
