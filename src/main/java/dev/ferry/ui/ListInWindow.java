package dev.ferry.ui;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Keeps a drop-down's open list inside the wizard's window (issue #17). JavaFX opens the list under
 * the box, as wide as its longest entry, and moves it only to stay on the screen: at 900×600 the
 * choice "Leave it out and keep its SQL in the report" opened past the window's right edge, a
 * column's types below its bottom, and the app's drivers above its top. The list moves left, or
 * above the box, or as far as it must, so each entry shows whole inside the window.
 */
final class ListInWindow {

    private ListInWindow() {
    }

    /** Once per box: a table cell hands the same box to each edit. */
    static void keep(ComboBox<?> box) {
        if (box.getProperties().putIfAbsent(ListInWindow.class, Boolean.TRUE) != null) {
            return;
        }
        javafx.beans.value.ChangeListener<Object> again = (o, was, now) -> Platform.runLater(() -> fit(box));
        box.showingProperty().addListener((obs, was, showing) -> {
            if (showing) {
                Platform.runLater(() -> {
                    // the list takes its size after it opened, and the box then puts it back under itself
                    if (box.getSkin() instanceof ComboBoxListViewSkin<?> skin && skin.getPopupContent() != null
                            && skin.getPopupContent().getScene() != null
                            && skin.getPopupContent().getScene().getWindow() instanceof PopupWindow popup
                            && popup.getProperties().putIfAbsent(ListInWindow.class, Boolean.TRUE) == null) {
                        popup.anchorXProperty().addListener(again);
                        popup.anchorYProperty().addListener(again);
                        skin.getPopupContent().layoutBoundsProperty().addListener(again);
                    }
                    fit(box);
                });
            }
        });
    }

    private static void fit(ComboBox<?> box) {
        if (!box.isShowing() || !(box.getSkin() instanceof ComboBoxListViewSkin<?> skin) || box.getScene() == null) {
            return;
        }
        Node list = skin.getPopupContent();
        Window window = box.getScene().getWindow();
        if (list == null || list.getScene() == null || window == null) {
            return;
        }
        if (!(list.getScene().getWindow() instanceof PopupWindow popup)) {
            return;
        }
        Bounds open = list.localToScreen(list.getLayoutBounds());
        Bounds below = box.localToScreen(box.getLayoutBounds());
        if (open == null || below == null) {
            return;
        }
        double left = window.getX() + window.getScene().getX(), top = window.getY() + window.getScene().getY();
        double right = left + window.getScene().getWidth(), bottom = top + window.getScene().getHeight();
        double dx = 0, dy = 0;
        if (open.getMaxX() > right) {
            dx = right - open.getMaxX();
        }
        if (open.getMinX() + dx < left) {
            dx = left - open.getMinX();
        }
        if (open.getMaxY() > bottom || open.getMinY() < top) {
            // under the box when it fits there, else above it, else as low as the window lets it
            double y = below.getMaxY() + open.getHeight() <= bottom ? below.getMaxY()
                    : below.getMinY() - open.getHeight() >= top ? below.getMinY() - open.getHeight()
                    : Math.max(top, bottom - open.getHeight());
            dy = Math.max(top, Math.min(y, bottom - open.getHeight())) - open.getMinY();
        }
        if (Math.abs(dx) > 0.5 || Math.abs(dy) > 0.5) {
            // the anchor, not the window's place: the list is put back at its anchor each time it resizes
            popup.setAnchorX(popup.getAnchorX() + dx);
            popup.setAnchorY(popup.getAnchorY() + dy);
        }
    }
}
