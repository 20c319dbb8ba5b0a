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
        // wraps at its column's width, which is known before the row is laid out: bound to the
        // cell's own width, a column that narrowed re-wrapped the text only while the row was being
        // laid out, too late for the row's height, and a long sentence ran over its top and bottom
        tableColumnProperty().addListener((obs, old, column) -> {
            text.wrappingWidthProperty().unbind();
            text.wrappingWidthProperty().bind(column == null ? widthProperty().subtract(16) : column.widthProperty().subtract(16));
        });
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
