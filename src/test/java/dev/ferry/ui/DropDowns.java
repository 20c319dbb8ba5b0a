package dev.ferry.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.text.Text;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens a drop-down as a person would and says what of its open list is not shown whole (issue #17):
 * an entry cut with "…", a list narrower than its widest entry's words, a list reaching outside the
 * window. SmallWindowTest measured the list against the box; this looks at the list that opens.
 */
final class DropDowns {

    private DropDowns() {
    }

    /** What of {@code box}'s open list is not whole, each said with {@code where}; the box is closed again. */
    static List<String> cut(FxRobot robot, ComboBox<?> box, String where) {
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            box.requestFocus();
            box.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            if (!(box.getSkin() instanceof ComboBoxListViewSkin<?> skin) || !(skin.getPopupContent() instanceof ListView<?> list)) {
                cut.add(where + ": the drop-down has no list");
                return;
            }
            if (!box.isShowing() || list.getScene() == null || !(list.getScene().getWindow() instanceof PopupWindow popup)
                    || !popup.isShowing()) {
                cut.add(where + ": the list did not open");
                return;
            }
            list.applyCss();
            list.layout();
            ListCell<?> any = (ListCell<?>) list.lookup(".list-cell");
            double room = list.getWidth() - list.snappedLeftInset() - list.snappedRightInset()
                    - any.snappedLeftInset() - any.snappedRightInset();
            for (Node n : list.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()) {
                    room -= bar.getWidth();
                }
            }
            double widest = 0;
            for (Object item : box.getItems()) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                String words = box.getConverter() == null ? String.valueOf(item) : ((StringConverter) box.getConverter()).toString(item);
                double needs = ProblemsTable.width(words, any.getFont());
                widest = Math.max(widest, needs);
                if (needs > room + 0.5) {
                    cut.add(where + ": “" + words + "” needs " + Math.round(needs) + " px, the open list gives it " + Math.round(room));
                }
            }
            for (Node n : list.lookupAll(".list-cell")) {
                if (n instanceof ListCell<?> cell && cell.isVisible() && cell.getItem() != null
                        && cell.lookup(".text") instanceof Text t && t.getText().endsWith("…")) {
                    cut.add(where + ": the open list shows “" + t.getText() + "” for “" + cell.getText() + "”");
                }
            }
            if (widest == 0) {
                cut.add(where + ": nothing was measured");
            }
            Window window = box.getScene().getWindow();
            Bounds open = list.localToScreen(list.getLayoutBounds());
            if (open.getMinX() < window.getX() - 0.5 || open.getMaxX() > window.getX() + window.getWidth() + 0.5
                    || open.getMaxY() > window.getY() + window.getHeight() + 0.5 || open.getMinY() < window.getY() - 0.5) {
                cut.add(where + ": the open list reaches outside the window: x " + Math.round(open.getMinX()) + " to "
                        + Math.round(open.getMaxX()) + ", y " + Math.round(open.getMinY()) + " to " + Math.round(open.getMaxY())
                        + "; the window is x " + Math.round(window.getX()) + " to " + Math.round(window.getX() + window.getWidth())
                        + ", y " + Math.round(window.getY()) + " to " + Math.round(window.getY() + window.getHeight()));
            }
        });
        robot.interact(box::hide);
        WaitForAsyncUtils.waitForFxEvents();
        return cut;
    }
}
