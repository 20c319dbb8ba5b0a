package dev.ferry.ui;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;

/**
 * Holds a table of rows of one height and gives it its header and whole rows only, when its rows
 * are more than the room shows: Migrate's last table showed half a row at 900×600 and 1366×850
 * (issue #17), which reads as cut rather than as "scroll for more". The room left under the last
 * whole row, less than a row, stays empty. {@link #showLast} scrolls to the last row once the
 * table has its height, as the run's end shows its outcome below and takes some of the room.
 */
final class WholeRows extends Region {

    private final TableView<?> table;
    /** The list stays at its last row through the layouts after the run's end, as the page below it settles. */
    private boolean atEnd, scrolled;

    WholeRows(TableView<?> table) {
        this.table = table;
        getChildren().add(table);
        // after each layout of the list (its rows' words, a count's column widening), the end stays
        // in view, until the person scrolls, clicks or types in it
        table.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs && atEnd) {
                javafx.application.Platform.runLater(this::keepEnd);
            }
        });
        table.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> atEnd = false);
        table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> atEnd = false);
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> atEnd = false);
    }

    /** Scrolls to the last row when it is not shown whole. */
    private void keepEnd() {
        int end = table.getItems().size() - 1;
        if (!atEnd || end < 0 || !(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last == null || last.getIndex() != end || last.getBoundsInParent().getMaxY() > flow.getHeight() + 0.5) {
            table.scrollTo(end);
        }
    }

    /**
     * Scrolls to the last row after the next layout, when the table has its new height, and again
     * whenever its height changes until {@link #release}: the stats and the outcome under the list
     * took their room one layout after the other, and the last row went below the edge again.
     */
    void showLast() {
        atEnd = true;
        scrolled = false;
        requestLayout();
    }

    /** A new run: the list is the person's to scroll. */
    void release() {
        atEnd = false;
    }

    @Override
    protected double computeMinHeight(double width) {
        return table.minHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        return table.prefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return table.minWidth(height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return table.prefWidth(height);
    }

    @Override
    protected void layoutChildren() {
        double height = getHeight();
        double row = rowHeight();
        javafx.scene.Node header = table.lookup(".column-header-background");
        if (row > 0 && header != null) {
            double around = table.snappedTopInset() + table.snappedBottomInset() + header.prefHeight(-1);
            double rows = Math.floor((height - around) / row + 0.01);
            if (table.getItems().size() > rows && rows >= 1) {
                height = snapSizeY(around + rows * row);
            }
        }
        boolean resized = Math.abs(table.getHeight() - height) > 0.5;
        table.resizeRelocate(0, 0, getWidth(), height);
        if (atEnd && (resized || !scrolled)) {
            scrolled = true;
            table.layout(); // the flow takes its new height before it is asked to show the end
            if (!table.getItems().isEmpty()) {
                table.scrollTo(table.getItems().size() - 1);
            }
        }
    }

    /**
     * The height of a row, or 0 before the first row is drawn. The theme's rows are 39.2 px high:
     * rounded up and fixed, so that whole rows fill the list to the pixel (a fraction left a sliver
     * of the row above and the last row 0.8 px over the edge once laid out on whole pixels).
     */
    private double rowHeight() {
        if (table.getFixedCellSize() <= 0 && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            if (first != null && first.getHeight() > 0) {
                table.setFixedCellSize(Math.ceil(first.getHeight()));
            }
        }
        return Math.max(0, table.getFixedCellSize());
    }
}
