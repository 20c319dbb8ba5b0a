package dev.ferry.ui;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The frame around the steps: the sidebar, the current page, and Back / Next with the reason Next
 * is not available yet written beside it.
 */
final class Wizard {

    static final double WIDTH = 1200, HEIGHT = 780, MIN_WIDTH = 900, MIN_HEIGHT = 620;

    private final WizardModel model;
    private final List<StepView> views;
    private final List<ScrollPane> pages;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Button back = new Button(Text.get("nav.back"));
    private final Button next = new Button();
    private final Button another = new Button(Text.get("nav.another"));
    private final Label reason = new Label();
    private final BooleanProperty dark = new SimpleBooleanProperty();

    /** @param browser opens a URI in the desktop's own program (a folder in the file manager) */
    Wizard(WizardModel model, java.util.function.Consumer<String> browser) {
        this.model = model;
        this.views = List.of(new WelcomeView(model.welcome), new SourceView(model.source), new TargetView(model.target),
                new ReviewView(model.review), new OptionsView(model.options, model.target, model.review),
                new MigrateView(model.migrate), new ResultsView(model.results, browser), new AppView(model.app));
        this.pages = views.stream().map(Wizard::scrolling).toList();
        createView();
        initListeners();
    }

    /** The window's content at its usual size, or the screen's when that is smaller. */
    Scene scene(double maxWidth, double maxHeight) {
        Scene scene = new Scene(root, Math.min(WIDTH, maxWidth), Math.min(HEIGHT, maxHeight));
        scene.getStylesheets().add(Wizard.class.getResource("ferry.css").toExternalForm());
        return scene;
    }

    BooleanProperty dark() {
        return dark;
    }

    private void createView() {
        back.setId("back");
        back.setMnemonicParsing(true);
        Ui.help(back, "nav.back.tip");
        next.setId("next");
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        // fixed widths: the buttons never move when their text changes from step to step
        next.setMinWidth(150);
        back.setMinWidth(90);
        reason.setId("reason");
        reason.getStyleClass().add(Styles.TEXT_MUTED);
        reason.setWrapText(true);
        reason.setMinWidth(0);
        another.setId("another");
        another.setMnemonicParsing(true);
        Ui.help(another, "nav.another.tip");
        another.managedProperty().bind(another.visibleProperty());
        HBox nav = new HBox(10, reason, new Spacer(), another, back, next);
        nav.setAlignment(Pos.CENTER_RIGHT);
        nav.setPadding(new Insets(12, 28, 16, 28));
        nav.getStyleClass().add("nav-bar");
        content.setMinSize(0, 0);
        BorderPane main = new BorderPane(content);
        main.setBottom(nav);
        root.setCenter(main);
        root.setLeft(new Sidebar(model.index(), dark, model::backTo));
    }

    private void initListeners() {
        back.setOnAction(e -> model.back());
        another.setOnAction(e -> model.migrateAnother());
        // on Results and the app's SQL Next is Finish: it closes the window, which also removes a rehearsal's server
        next.setOnAction(e -> {
            if (model.index().get() >= WizardModel.RESULTS) {
                root.getScene().getWindow().hide();
            } else {
                model.next();
            }
        });
        model.index().addListener((obs, old, now) -> show(now.intValue()));
        show(model.index().get());
    }

    /** Pages fill the window; only a window smaller than a page's minimum makes the page scroll. */
    private static ScrollPane scrolling(StepView view) {
        ScrollPane scroll = new ScrollPane(view.root());
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    private void show(int i) {
        StepView view = views.get(i);
        StepModel step = model.step(i);
        content.getChildren().setAll(pages.get(i));
        content.applyCss(); // builds the scroll pane's skin now, so the page is in the scene and can take focus
        next.disableProperty().bind(step.blocker().isNotEmpty());
        next.setText(Text.get(step.nextKey()));
        back.setVisible(i > WizardModel.WELCOME);
        back.disableProperty().bind(step.busy());
        another.setVisible(i >= WizardModel.RESULTS);
        another.disableProperty().bind(step.busy());
        reason.textProperty().bind(Bindings.createStringBinding(
                () -> step.blocker().get().isEmpty() ? "" : "\u2139 " + step.blocker().get(), step.blocker()));
        next.accessibleHelpProperty().bind(step.blocker());
        // Never Back: Enter on a focused button fires it, and Enter must mean "go on". The page
        // itself takes no keys, so Enter there reaches Next as soon as Next is enabled.
        Node focus = view.firstFocus() != null ? view.firstFocus() : next.isDisabled() ? view.root() : next;
        focus.requestFocus();
        // once more after the pulse, in case the scene moved focus off a Next that just got disabled
        Platform.runLater(() -> {
            if (focus.getScene() != null && focus.getScene().getFocusOwner() != focus) {
                focus.requestFocus();
            }
        });
    }
}
