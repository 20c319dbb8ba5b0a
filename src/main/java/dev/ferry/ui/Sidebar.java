package dev.ferry.ui;

import atlantafx.base.controls.Spacer;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The steps down the left side: done ones ticked, the current one highlighted, later ones muted,
 * so the user always sees where they are and how much is left. A done step is a link back to it
 * (mouse, or Space/Enter when focused), so reaching Source from Results is one click, not four
 * Backs; later steps stay unclickable, as they depend on the ones before and are reached with Next.
 */
final class Sidebar extends VBox {

    private final List<Label> items = new ArrayList<>();

    Sidebar(ReadOnlyIntegerProperty index, BooleanProperty dark, IntConsumer goBackTo) {
        super(4);
        getStyleClass().add("sidebar");
        setPadding(new Insets(20, 12, 16, 12));
        setPrefWidth(190);
        setMinWidth(180);

        ImageView logo = new ImageView(new Image(Sidebar.class.getResourceAsStream("ferry-64.png")));
        logo.setFitWidth(32);
        logo.setFitHeight(32);
        Label name = new Label(Text.get("app.name"), logo);
        name.getStyleClass().addAll(Styles.TITLE_3, "app-name");
        name.setGraphicTextGap(10);
        VBox.setMargin(name, new Insets(0, 0, 18, 6));
        getChildren().add(name);

        for (int i = 0; i < WizardModel.STEP_KEYS.size(); i++) {
            Label item = new Label("", new Label());
            item.setId("step-" + WizardModel.STEP_KEYS.get(i));
            item.getGraphic().getStyleClass().add("step-badge");
            item.setGraphicTextGap(10);
            item.getStyleClass().add("step-item");
            item.setMaxWidth(Double.MAX_VALUE);
            int step = i;
            item.setOnMouseClicked(e -> {
                if (item.getStyleClass().contains("done")) {
                    goBackTo.accept(step);
                }
            });
            item.setOnKeyPressed(e -> {
                if ((e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.ENTER) && item.getStyleClass().contains("done")) {
                    e.consume();
                    goBackTo.accept(step);
                }
            });
            items.add(item);
            getChildren().add(item);
        }

        ToggleSwitch theme = new ToggleSwitch(Text.get("theme.dark"));
        theme.selectedProperty().bindBidirectional(dark);
        Ui.help(theme, "theme.dark.tip");
        theme.setAccessibleText(Text.get("theme.dark"));
        HBox themeRow = new HBox(theme);
        themeRow.setAlignment(Pos.CENTER_LEFT);
        themeRow.setPadding(new Insets(0, 0, 0, 8));
        getChildren().addAll(new Spacer(Orientation.VERTICAL), themeRow);

        index.addListener((obs, old, now) -> update(now.intValue()));
        update(index.get());
    }

    private void update(int current) {
        for (int i = 0; i < items.size(); i++) {
            Label item = items.get(i);
            String title = Text.get(WizardModel.STEP_KEYS.get(i) + ".step");
            String state = i < current ? "done" : i == current ? "current" : "todo";
            item.setText(title);
            ((Label) item.getGraphic()).setText(i < current ? Ui.OK : String.valueOf(i + 1));
            item.getStyleClass().removeAll("done", "current", "todo");
            item.getStyleClass().add(state);
            item.setAccessibleText(Text.get("sidebar.item." + state, i + 1, items.size(), title));
            boolean link = i < current;
            item.setFocusTraversable(link);
            item.setCursor(link ? Cursor.HAND : Cursor.DEFAULT);
            item.setAccessibleRole(link ? AccessibleRole.BUTTON : AccessibleRole.TEXT);
            item.setTooltip(link ? new Tooltip(Text.get("sidebar.item.back", title)) : null);
        }
    }
}
