package dev.ferry.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A table cell whose text wraps and whose row grows to fit it. A wrapped Label cannot do that (the
 * row asks its cells for their height before they have a width); a Text bound to the column's
 * width can.
 */
final class WrappingCell<S> extends TableCell<S, String> {

    private final Text text = new Text();

    WrappingCell() {
        text.getStyleClass().add("cell-text");
        getStyleClass().add("wrapping-cell");
        text.wrappingWidthProperty().bind(widthProperty().subtract(16));
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        text.setText(item);
        setGraphic(text);
        setAccessibleText(item);
        setTooltip(item.length() > 60 ? new Tooltip(item) : null);
    }
}
