package dev.ferry.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;

/** Saved connections on the Target page: pick one to fill the form, save the form under a name, forget one. */
final class ProfileBar extends HBox {

    private final TargetModel model;
    private final ComboBox<String> profiles = new ComboBox<>();
    private final Button save = new Button(Text.get("target.profile.save"));
    private final Button forget = new Button(Text.get("target.profile.forget"));

    ProfileBar(TargetModel model) {
        super(8);
        this.model = model;
        profiles.setId("profiles");
        profiles.setPromptText(Text.get("target.profile.prompt"));
        profiles.setPrefWidth(260);
        ListInWindow.keep(profiles); // a long name opened past the window's right edge
        Ui.help(profiles, "target.profile.tip");
        Ui.help(save, "target.profile.save.tip");
        Ui.help(forget, "target.profile.forget.tip");
        save.setMnemonicParsing(true);
        forget.setMnemonicParsing(true);
        setAlignment(Pos.CENTER_LEFT);
        Ui.keepWidth(save, forget);
        getChildren().addAll(Ui.label("target.profile", profiles), profiles, save, forget);

        profiles.setItems(model.profiles());
        profiles.setOnAction(e -> {
            if (profiles.getValue() != null) {
                model.loadProfile(profiles.getValue());
            }
        });
        save.setOnAction(e -> askName());
        forget.disableProperty().bind(profiles.valueProperty().isNull());
        forget.setOnAction(e -> {
            model.deleteProfile(profiles.getValue());
            profiles.setValue(null);
        });
    }

    private void askName() {
        TextInputDialog ask = new TextInputDialog(model.user().get() + "@" + model.host().get() + "/" + model.database().get());
        ask.initOwner(getScene().getWindow());
        ask.setTitle(Text.get("target.profile.save.title"));
        ask.setHeaderText(Text.get("target.profile.save.header"));
        ask.showAndWait().filter(n -> !n.isBlank()).ifPresent(n -> {
            model.saveProfile(n);
            profiles.setValue(n.trim());
        });
    }
}
