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
    private final Button resume = new Button(Text.get("welcome.resume"));
    private final Callout resumeCard = new Callout();
    private final VBox resumeBox = new VBox(8, resumeCard, resume);
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
        Ui.keepWidth(sample); // the note beside it wraps instead of the button being cut (issue #17, 900×600)
        working.setMaxSize(22, 22);
        HBox actions = new HBox(12, sample, working, Ui.muted(Text.get("welcome.sample.note")));
        actions.setAlignment(Pos.CENTER_LEFT);
        Label need = new Label(Text.get("welcome.need"));
        need.getStyleClass().add(Styles.TITLE_4);
        resume.setId("resume-last");
        resume.setMnemonicParsing(true);
        resume.getStyleClass().add(Styles.ACCENT);
        Ui.help(resume, "welcome.resume.tip");
        resumeCard.setId("resume-card");
        VBox text = new VBox(18, resumeBox, promises, new VBox(6, need, Ui.wrapped(Text.get("welcome.need.body"))),
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
        resume.setOnAction(e -> askPassword());
        resume.disableProperty().bind(model.busy());
        model.lastRun().addListener((obs, old, r) -> showLastRun(r));
        showLastRun(model.lastRun().get());
        sample.disableProperty().bind(model.busy());
        working.visibleProperty().bind(model.busy());
        working.managedProperty().bind(model.busy());
    }

    private void showLastRun(LastRun r) {
        resumeBox.setVisible(r != null);
        resumeBox.setManaged(r != null);
        if (r != null) {
            resumeCard.show(Callout.Kind.WARNING, Text.get("welcome.resume.title", r.source().getFileName().toString()),
                    Text.get("welcome.resume.body", r.where(), r.schema()));
        }
    }

    /** The password is never remembered, so Resume asks for it; empty when the server needs none. */
    private void askPassword() {
        LastRun r = model.lastRun().get();
        javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
        javafx.scene.control.PasswordField pw = new javafx.scene.control.PasswordField();
        pw.setId("resume-password");
        pw.setAccessibleText(Text.get("welcome.resume.password"));
        Label label = Ui.label("welcome.resume.password", pw);
        d.initOwner(root.getScene().getWindow());
        d.setTitle(Text.get("app.name"));
        d.setHeaderText(Text.get("welcome.resume.password.header", r.where()));
        d.getDialogPane().setContent(new VBox(8, label, pw, Ui.muted(Text.get("welcome.resume.password.note"))));
        javafx.scene.control.ButtonType go = new javafx.scene.control.ButtonType(Text.get("welcome.resume.go"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.CANCEL, go);
        d.getDialogPane().lookupButton(go).setId("resume-go");
        d.setResultConverter(b -> b == go ? pw.getText() : null);
        d.resultProperty().addListener((obs, old, typed) -> {
            if (typed != null) {
                model.resume(typed);
            }
        });
        d.setOnShown(e -> pw.requestFocus());
        d.show();
    }

    @Override
    public Node root() {
        return root;
    }
}
