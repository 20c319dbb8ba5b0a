package dev.ferry.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.ferry.AppDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The wizard's window: theme, icons, the global error handler, and the frame with its steps. */
public final class FerryApp extends Application {

    private WizardModel model;

    @Override
    public void start(Stage stage) {
        show(stage, AppDirs.data(), getParameters().getRaw());
    }

    /**
     * Builds the window with settings kept in {@code dataDir}. A file named on the command line
     * (`ferry bot.db`, a file manager's "Open with") is opened at once: the wizard starts on the
     * Source step with it chosen.
     */
    WizardModel show(Stage stage, Path dataDir, List<String> args) {
        model = new WizardModel(dataDir);
        Wizard wizard = new Wizard(model, uri -> {
            // the desktop's file manager may take a while to answer: the window keeps painting
            javafx.application.HostServices desktop = getHostServices();
            Jobs.run("open-folder", () -> desktop.showDocument(uri));
        });
        wizard.dark().set(Boolean.parseBoolean(model.settings.get("theme.dark", "false")));
        applyTheme(wizard.dark().get());
        wizard.dark().addListener((obs, old, dark) -> {
            applyTheme(dark);
            model.settings.put("theme.dark", dark.toString());
        });
        ErrorDialog.install(stage);
        stage.setTitle(Text.get("app.name"));
        icons(stage);
        stage.setMinWidth(Wizard.MIN_WIDTH);
        stage.setMinHeight(Wizard.MIN_HEIGHT);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(wizard.scene(screen.getWidth() - 40, screen.getHeight() - 40));
        stage.setOnCloseRequest(e -> {
            if (model.migrate.busy().get() && !confirmQuit(stage)) {
                e.consume();
            }
        });
        if (args.size() == 1 && Files.isRegularFile(Path.of(args.get(0)))) {
            model.open(Path.of(args.get(0)));
        }
        stage.show();
        return model;
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
    }

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    static void icons(Stage stage) {
        for (int size : new int[] {32, 64, 256}) {
            stage.getIcons().add(new Image(FerryApp.class.getResourceAsStream("ferry-" + size + ".png")));
        }
    }

    /** Quitting mid-run stops the copy first; the SQLite file is untouched either way. */
    private boolean confirmQuit(Stage stage) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, Text.get("quit.running.body"), ButtonType.YES, ButtonType.NO);
        a.initOwner(stage);
        a.setTitle(Text.get("app.name"));
        a.setHeaderText(Text.get("quit.running.title"));
        boolean quit = a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
        if (quit) {
            model.migrate.cancel();
        }
        return quit;
    }
}
