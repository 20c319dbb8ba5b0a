package dev.ferry.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The wizard's window. This first version shows the welcome text; the steps come next. */
public final class FerryApp extends Application {

    static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.ferry.ui.messages");

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Label title = new Label(TEXT.getString("welcome.title"));
        title.getStyleClass().add("title-1");
        Label body = new Label(TEXT.getString("welcome.body"));
        body.setWrapText(true);
        VBox root = new VBox(16, title, body);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(40));
        stage.setTitle("Ferry");
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setScene(new Scene(root, 960, 640));
        stage.show();
    }
}
