package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import dev.ferry.run.Undo;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Undo migration…" with its questions: the first names exactly what will be dropped and says
 * nothing else is touched; when rows were added since, "Undo anyway" asks a second time. The
 * dialogs do not block (show, then act on the answer), so the window keeps painting.
 */
final class UndoControls extends VBox {

    static final ButtonType DROP = new ButtonType(Text.get("undo.confirm.yes"), ButtonBar.ButtonData.OK_DONE);
    static final ButtonType KEEP = new ButtonType(Text.get("undo.confirm.no"), ButtonBar.ButtonData.CANCEL_CLOSE);

    private final UndoModel model;
    final Button undo = new Button(Text.get("undo.button"));
    private final Button anyway = new Button(Text.get("undo.anyway"));
    private final ProgressIndicator working = new ProgressIndicator();
    private final Callout outcome = new Callout();
    private boolean asked; // the model is shared by two pages: only the page whose button was pressed asks
    /** The last final sync of this run, on Results: its rows are in the tables Undo drops. */
    private javafx.beans.value.ObservableValue<dev.ferry.run.SyncResult> lastSync;

    UndoControls(UndoModel model, String idPrefix) {
        super(8);
        this.model = model;
        undo.setId(idPrefix + "undo");
        undo.setMnemonicParsing(true);
        undo.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        Ui.help(undo, "undo.button.tip");
        anyway.setId(idPrefix + "undo-anyway");
        anyway.setMnemonicParsing(true);
        anyway.getStyleClass().add(Styles.DANGER);
        Ui.help(anyway, "undo.anyway.tip");
        Ui.keepWidth(undo, anyway);
        working.setMaxSize(20, 20);
        outcome.setId(idPrefix + "undo-outcome");
        HBox again = new HBox(anyway);
        again.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(outcome, again, new ErrorBox(model.failure()));
        working.visibleProperty().bind(model.busy());
        working.managedProperty().bind(model.busy());
        undo.setOnAction(e -> {
            asked = true;
            model.look();
        });
        anyway.setOnAction(e -> confirm(Text.get("undo.anyway.title"), Text.get("undo.anyway.body",
                String.join("\n", model.grown().get())), "confirm-undo-anyway", () -> model.apply(true)));
        model.found().addListener((obs, old, u) -> {
            if (u != null && asked) {
                asked = false;
                confirm(Text.get("undo.confirm.title"), describe(u), "confirm-undo", () -> model.apply(false));
            }
        });
        model.grown().addListener((obs, old, g) -> show());
        model.done().addListener((obs, old, d) -> show());
        model.busy().addListener((obs, old, b) -> show());
        model.failure().addListener((obs, old, f) -> show());
        show();
    }

    /**
     * Results' final sync: after one, the rows it brought over are in the tables, so the page says
     * that Undo takes them too instead of leaving the user to wonder where "rows added" came from.
     */
    void afterSync(javafx.beans.value.ObservableValue<dev.ferry.run.SyncResult> sync) {
        lastSync = sync;
        sync.addListener((obs, old, r) -> show());
        show();
    }

    /** Whether a final sync wrote rows into the run's tables: some added when {@code added}, else any. */
    private boolean synced(boolean added) {
        dev.ferry.run.SyncResult r = lastSync == null ? null : lastSync.getValue();
        return r != null && (added ? r.inserted() > 0 : r.inserted() + r.updated() > 0);
    }

    /** The spinner, to sit beside the Undo button wherever the page puts it. */
    ProgressIndicator working() {
        return working;
    }

    private void show() {
        List<String> grown = model.grown().get();
        boolean done = !model.done().get().isEmpty(), ask = grown != null && !grown.isEmpty() && !done;
        undo.setDisable(model.busy().get() || done);
        anyway.setDisable(model.busy().get());
        anyway.getParent().setVisible(ask);
        anyway.getParent().setManaged(ask);
        outcome.setVisible(done || ask);
        outcome.setManaged(done || ask);
        // empty, it takes no room (and no spacing) on the page
        setVisible(done || ask || model.failure().get() != null);
        setManaged(isVisible());
        if (done) {
            outcome.show(Callout.Kind.SUCCESS, model.done().get(), (synced(false) ? Text.get("undo.done.synced") + " " : "")
                    + Text.get("undo.done.body"));
        } else if (ask) {
            outcome.show(Callout.Kind.WARNING, Text.get("undo.grown"), String.join("\n", grown)
                    + (synced(true) ? "\n" + Text.get("undo.grown.synced") : ""));
        }
    }

    static String describe(Undo u) {
        StringBuilder s = new StringBuilder(Text.get("undo.confirm.tables", u.tables().size(),
                u.tables().isEmpty() ? "" : String.join(", ", u.tables())));
        if (!u.views().isEmpty()) {
            s.append('\n').append(Text.get("undo.confirm.views", u.views().size(), String.join(", ", u.views())));
        }
        if (u.run().createdSchema()) {
            s.append('\n').append(Text.get("undo.confirm.schema", u.run().schema()));
        }
        u.kept().forEach(k -> s.append('\n').append(k));
        if (!u.grown().isEmpty()) {
            s.append('\n').append(Ui.WARN).append(' ').append(Text.get("undo.confirm.grown"));
        }
        return s.append("\n\n").append(Text.get("undo.confirm.rest")).toString();
    }

    private void confirm(String header, String body, String id, Runnable yes) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, body, KEEP, DROP);
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.setTitle(Text.get("app.name"));
        a.setHeaderText(header);
        a.getDialogPane().setMinWidth(520);
        a.getDialogPane().lookupButton(DROP).setId(id);
        a.getDialogPane().lookupButton(KEEP).setId(id + "-no");
        // the safe answer is the default: Enter keeps everything
        ((Button) a.getDialogPane().lookupButton(DROP)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(KEEP)).setDefaultButton(true);
        a.resultProperty().addListener((obs, old, r) -> {
            if (r == DROP) {
                yes.run();
            }
        });
        a.show();
    }
}
