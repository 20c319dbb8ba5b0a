package dev.ferry.ui;

import atlantafx.base.controls.Tile;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 1: what Ferry does, the promises it keeps, and the two ways in. */
final class WelcomeView implements StepView {

    private final WelcomeModel model;
    private final Button sample = new Button(Text.get("welcome.sample"));
    private final ProgressIndicator working = new ProgressIndicator();
    private VBox root;

    WelcomeView(WelcomeModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        VBox promises = new VBox(4);
        for (String p : new String[] {"unchanged", "lossless", "checked"}) {
            Tile tile = new Tile(Text.get("welcome.promise." + p), Text.get("welcome.promise." + p + ".body"));
            Label tick = new Label(Ui.OK);
            tick.getStyleClass().addAll(Styles.SUCCESS, Styles.TITLE_3);
            tile.setGraphic(tick);
            promises.getChildren().add(tile);
        }
        sample.setId("sample");
        sample.setMnemonicParsing(true);
        sample.getStyleClass().add(Styles.BUTTON_OUTLINED);
        Ui.help(sample, "welcome.sample.tip");
        working.setMaxSize(22, 22);
        HBox actions = new HBox(12, sample, working, Ui.muted(Text.get("welcome.sample.note")));
        actions.setAlignment(Pos.CENTER_LEFT);
        Label need = new Label(Text.get("welcome.need"));
        need.getStyleClass().add(Styles.TITLE_4);
        VBox text = new VBox(18, promises, new VBox(6, need, Ui.wrapped(Text.get("welcome.need.body"))),
                Ui.muted(Text.get("welcome.start.note")), actions, new ErrorBox(model.failure()));
        HBox.setHgrow(text, Priority.ALWAYS);
        ImageView logo = new ImageView(new Image(WelcomeView.class.getResourceAsStream("ferry-256.png")));
        logo.setFitWidth(200);
        logo.setFitHeight(200);
        logo.setSmooth(true);
        logo.setAccessibleText(Text.get("app.name"));
        root = Ui.page("welcome", new HBox(32, text, logo));
    }

    private void initListeners() {
        sample.setOnAction(e -> model.trySample());
        sample.disableProperty().bind(model.busy());
        working.visibleProperty().bind(model.busy());
        working.managedProperty().bind(model.busy());
    }

    @Override
    public Node root() {
        return root;
    }
}
