package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Step 2: pick the file (chooser, drag and drop, typed path, recent files) and see its summary. */
final class SourceView implements StepView {

    private final SourceModel model;
    private final Button choose = new Button(Text.get("source.choose"));
    private final TextField path = new TextField();
    private final RecentList recent;
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final SourceCard card;
    private VBox root;

    SourceView(SourceModel model) {
        this.model = model;
        this.card = new SourceCard(model.summary());
        this.recent = new RecentList(model.recent(), model::choose);
        createView();
        initListeners();
    }

    private void createView() {
        choose.setId("choose-file");
        choose.setMnemonicParsing(true);
        choose.getStyleClass().add(Styles.ACCENT);
        Ui.help(choose, "source.choose.tip");
        path.setId("source-path");
        path.setPromptText(Text.get("source.path.prompt"));
        Ui.help(path, "source.path.tip");
        HBox.setHgrow(path, Priority.ALWAYS);
        Ui.keepWidth(choose);
        Label drop = new Label(Text.get("source.drop"));
        drop.getStyleClass().add(Styles.TITLE_4);
        VBox dropZone = new VBox(12, drop, new HBox(10, choose, path), Ui.muted(Text.get("source.readonly")));
        dropZone.getStyleClass().add("drop-zone");
        HBox.setHgrow(dropZone, Priority.ALWAYS);

        Label recentLabel = Ui.label("source.recent", recent);
        VBox recentBox = new VBox(6, recentLabel, recent);

        progress.setPrefWidth(240);
        HBox working = new HBox(10, progress, progressText);
        working.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(16, new HBox(16, dropZone, recentBox), working, card, new ErrorBox(model.failure()));
        VBox.setVgrow(card, Priority.ALWAYS);
        root = Ui.page("source", body);
    }

    private void initListeners() {
        choose.setOnAction(e -> chooseFile());
        // a handler rather than onAction: Enter on the file already shown goes on to Next
        path.addEventHandler(ActionEvent.ACTION, e -> {
            String text = path.getText().trim().replaceAll("^\"|\"$", "");
            if (!text.isEmpty() && !Path.of(text).toAbsolutePath().normalize().equals(model.file().get())) {
                model.choose(Path.of(text));
                e.consume();
            }
        });
        model.file().addListener((obs, old, f) -> path.setText(f == null ? "" : f.toString()));
        progress.progressProperty().bind(model.progress());
        progressText.textProperty().bind(model.message());
        progress.getParent().visibleProperty().bind(model.scanning());
        progress.getParent().managedProperty().bind(model.scanning());
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1;
            if (ok) {
                model.choose(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Text.get("source.choose.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Text.get("source.filter.sqlite"), "*.db", "*.sqlite", "*.sqlite3", "*.db3"),
                new FileChooser.ExtensionFilter(Text.get("source.filter.all"), "*"));
        Path current = model.file().get() != null ? model.file().get() : model.recent().isEmpty() ? null : model.recent().get(0);
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            model.choose(f.toPath());
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstFocus() {
        return model.file().get() == null ? choose : null;
    }
}
