package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Results page's "Final sync…" row: a question first (stop the app; only what changed is
 * written), the work in the background with a spinner, then what changed and for how long the app
 * had to be stopped. When someone else wrote to the tables in PostgreSQL since, nothing is changed
 * and "Sync anyway…" asks a second time.
 */
final class SyncControls extends VBox {

    static final ButtonType GO = new ButtonType(Text.get("sync.confirm.yes"), ButtonBar.ButtonData.OK_DONE);
    static final ButtonType WAIT = new ButtonType(Text.get("sync.confirm.no"), ButtonBar.ButtonData.CANCEL_CLOSE);

    private final SyncModel model;
    private final Button sync = new Button(Text.get("sync.button"));
    private final Button anyway = new Button(Text.get("sync.anyway"));
    private final ProgressIndicator working = new ProgressIndicator();
    private final Callout outcome = new Callout();
    /** Why the button is greyed (a disabled button shows no tooltip), said beside it. */
    private final javafx.scene.control.Label whyOff = Ui.muted("");

    /**
     * @param gone    true once the migration's tables are gone (Undo): then there is nothing to sync
     * @param newRun  changes when a migration finishes: an earlier sync's outcome no longer applies
     */
    SyncControls(SyncModel model, ObservableValue<Boolean> gone, javafx.beans.Observable newRun) {
        super(8);
        this.model = model;
        sync.setId("final-sync");
        sync.setMnemonicParsing(true);
        Ui.help(sync, "sync.button.tip");
        anyway.setId("final-sync-anyway");
        anyway.setMnemonicParsing(true);
        anyway.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        Ui.help(anyway, "sync.anyway.tip");
        Ui.keepWidth(sync, anyway);
        working.setMaxSize(20, 20);
        working.visibleProperty().bind(model.busy());
        working.managedProperty().bind(model.busy());
        outcome.setId("final-sync-outcome");
        whyOff.setId("final-sync-why");
        HBox row = new HBox(12, sync, working, anyway, Ui.muted(Text.get("sync.lead")));
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, whyOff, outcome, new ErrorBox(model.failure()));
        sync.setOnAction(e -> confirm(Text.get("sync.confirm.title"), Text.get("sync.confirm.body"), "confirm-sync",
                () -> model.start(false)));
        anyway.setOnAction(e -> confirm(Text.get("sync.anyway.title"), Text.get("sync.anyway.body"),
                "confirm-sync-anyway", () -> model.start(true)));
        Runnable show = () -> {
            boolean off = Boolean.TRUE.equals(gone.getValue()) || !model.possible();
            sync.setDisable(off || model.busy().get());
            String why = Boolean.TRUE.equals(gone.getValue()) ? Text.get("sync.off.undone") : model.whyNot();
            whyOff.setText(off && !why.isEmpty() ? Ui.NOT_OK + " " + why : "");
            whyOff.setVisible(!whyOff.getText().isEmpty());
            whyOff.setManaged(whyOff.isVisible());
            boolean ask = SyncModel.othersWrote(model.failure().get()) && !off;
            anyway.setVisible(ask);
            anyway.setManaged(ask);
            anyway.setDisable(model.busy().get());
            // after Undo the tables are gone: "PostgreSQL is up to date" would no longer be true
            boolean shown = model.done().get() != null && !Boolean.TRUE.equals(gone.getValue());
            outcome.setVisible(shown);
            outcome.setManaged(shown);
            if (shown) {
                outcome.show(model.done().get().verified() ? Callout.Kind.SUCCESS : Callout.Kind.DANGER,
                        Text.get(model.done().get().verified() ? "sync.done" : "sync.done.differs"),
                        SyncModel.describe(model.done().get()));
            }
        };
        model.busy().addListener((obs, old, b) -> show.run());
        model.done().addListener((obs, old, d) -> show.run());
        model.failure().addListener((obs, old, f) -> show.run());
        gone.addListener((obs, old, g) -> show.run());
        newRun.addListener(o -> {
            model.reset();
            show.run();
        });
        show.run();
    }

    private void confirm(String header, String body, String id, Runnable yes) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, body, WAIT, GO);
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.setTitle(Text.get("app.name"));
        a.setHeaderText(header);
        a.getDialogPane().setMinWidth(520);
        a.getDialogPane().lookupButton(GO).setId(id);
        a.getDialogPane().lookupButton(WAIT).setId(id + "-no");
        a.resultProperty().addListener((obs, old, r) -> {
            if (r == GO) {
                yes.run();
            }
        });
        a.show();
    }
}
