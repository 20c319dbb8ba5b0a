package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** Recent SQLite files: the name, its folder below it; double-click, Enter or Space opens one. */
final class RecentList extends ListView<Path> {

    RecentList(ObservableList<Path> files, Consumer<Path> open) {
        super(files);
        setId("recent-files");
        setPrefSize(320, 130);
        setMinWidth(260);
        setPlaceholder(Ui.muted(Text.get("source.recent.none")));
        Ui.help(this, "source.recent.tip");
        setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Label name = new Label(p.getFileName().toString());
                Label folder = new Label(String.valueOf(p.getParent()));
                folder.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                folder.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS); // the end of a path says most
                setGraphic(new VBox(1, name, folder));
                setTooltip(new Tooltip(p.toString()));
                setAccessibleText(p.toString());
            }
        });
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem());
            }
        });
        setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.ENTER) && getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }
}
