package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import dev.ferry.run.Result;
import dev.ferry.verify.TableCheck;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Step 7: did everything arrive, what changed, views and triggers, the report, and what to do next. */
final class ResultsView implements StepView {

    private final ResultsModel model;
    private final Consumer<String> browser;
    private final Callout banner = new Callout();
    private final Button save = new Button(Text.get("results.save"));
    private final Button copy = new Button(Text.get("results.copy"));
    private final Button logs = new Button(Text.get("results.logs"));
    private final Button rejects = new Button(Text.get("results.open.rejects"));
    private final Button checkApp = new Button(Text.get("results.check.app"));
    private final ResultsTable tables = new ResultsTable();
    private final CountDiff picture = new CountDiff();
    private final ProofDiff proofs = new ProofDiff();
    private final ListView<String> changes = new ListView<>();
    private final ItemsTable items = new ItemsTable();
    private final UndoControls undo;
    private final Tab tablesTab = new Tab(Text.get("results.tab.tables"));
    private final Tab changesTab = new Tab(), itemsTab = new Tab();
    private final Label notice = new Label();
    private VBox root;

    ResultsView(ResultsModel model, Consumer<String> browser) {
        this.model = model;
        this.browser = browser;
        this.undo = new UndoControls(model.undo(), "");
        createView();
        initListeners();
    }

    private void createView() {
        banner.setId("banner");
        for (Button b : new Button[] {save, copy, logs, rejects}) {
            b.setMnemonicParsing(true);
        }
        save.setId("save-report");
        save.getStyleClass().add(Styles.ACCENT);
        Ui.help(save, "results.save.tip");
        copy.setId("copy-connection");
        Ui.help(copy, "results.copy.tip");
        logs.setId("open-logs");
        Ui.help(logs, "results.logs.tip");
        rejects.setId("open-rejects");
        Ui.help(rejects, "results.open.rejects.tip");
        rejects.managedProperty().bind(rejects.visibleProperty());
        rejects.setVisible(false);
        Ui.keepWidth(save, copy, logs, rejects);
        HBox actions = new HBox(10, save, copy, rejects, logs, new atlantafx.base.controls.Spacer(), undo.working(), undo.undo);
        actions.setAlignment(Pos.CENTER_LEFT);
        changes.setId("changes");
        changes.setAccessibleText(Text.get("results.changes"));
        changes.setPlaceholder(Ui.muted(Text.get("results.changes.none")));
        changes.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0); // takes the list's width, so long sentences wrap instead of scrolling sideways
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        changesTab.setContent(changes);
        proofs.offerSqliteMeaning(view -> {
            if (model.canChangeViews()) {
                model.useSqliteMeaning(view);
            }
        }, model.changingView());
        itemsTab.setContent(new PictureOrNumbers("items", proofs, items, proofs.legend()));
        tablesTab.setContent(new PictureOrNumbers("tables", picture, tables, picture.legend()));
        TabPane tabs = new TabPane(tablesTab, changesTab, itemsTab,
                new Tab(Text.get("results.tab.next"), NextSteps.view(model.nextSteps())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(160);
        SyncModel syncing = new SyncModel(model::syncOptions, model::whyNoSync);
        undo.afterSync(syncing.done());
        SyncControls sync = new SyncControls(syncing, javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !model.undo().done().get().isEmpty(), model.undo().done()), model.result());
        notice.setId("results-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.SUCCESS);
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        VBox body = new VBox(12, banner, actions, notice, undo, sync, checkAppRow(), tabs, new ErrorBox(model.failure()));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root = Ui.page("results", body);
    }

    /** The way on to the app's own SQL, the step after this one (Next here is Finish). */
    private Node checkAppRow() {
        checkApp.setId("check-app");
        checkApp.setMnemonicParsing(true);
        checkApp.getStyleClass().add(Styles.ACCENT);
        Ui.help(checkApp, "results.check.app.tip");
        Ui.keepWidth(checkApp);
        checkApp.setOnAction(e -> model.checkApp());
        // after Undo the tables are gone: there is nothing left to try the app's statements on
        checkApp.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !model.undo().done().get().isEmpty(), model.undo().done()));
        HBox row = new HBox(12, checkApp, Ui.muted(Text.get("results.check.app.lead")));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void initListeners() {
        save.setOnAction(e -> saveReport());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.connectionString());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            notify(Text.get("results.copied", model.connectionString()));
        });
        logs.setOnAction(e -> browser.accept(model.logFolder().toUri().toString()));
        rejects.setOnAction(e -> {
            if (model.rejectsFolder() != null) {
                browser.accept(model.rejectsFolder().toUri().toString());
            }
        });
        model.saved().addListener((obs, old, text) -> {
            if (!text.isEmpty()) {
                notify(text);
            }
        });
        model.result().addListener((obs, old, r) -> show(r));
        model.undo().done().addListener((obs, old, done) -> undone(!done.isEmpty()));
    }

    /**
     * After Undo the page must not still say "Every table arrived… Connect with…": the summary gives
     * way to the undo's outcome, and the counts are marked as those of tables now removed.
     */
    private void undone(boolean done) {
        banner.setVisible(!done);
        banner.setManaged(!done);
        copy.setDisable(done);
        tablesTab.setText(Text.get(done ? "results.tab.tables.undone" : "results.tab.tables"));
    }

    private void show(Result r) {
        if (r == null) {
            return;
        }
        long rows = r.tables().stream().mapToLong(TableCheck::targetRows).sum();
        String aside = ResultsModel.setAside(r);
        String where = model.rehearsal() ? Text.get("results.where.rehearsal") : Text.get("results.where", model.connectionString());
        String took = Text.get("results.took", r.took().toMillis() / 1000.0, r.serverVersion(),
                Text.get(r.encrypted() ? "results.encrypted" : "results.unencrypted")) + " " + where;
        if (!r.verified()) {
            banner.show(Callout.Kind.DANGER, Text.get("results.bad", String.join(", ", r.tables().stream()
                    .filter(t -> !t.checksumMatch()).map(TableCheck::source).toList())), took);
        } else if (!aside.isEmpty()) {
            // as the command line says it: the rows not rejected arrived, and the rejected ones are named
            banner.show(Callout.Kind.WARNING, Text.get("results.aside", r.rejectedRows(), aside),
                    Text.get("results.aside.rest", rows) + " " + Text.get("results.aside.where", r.rejects()) + "\n" + took);
        } else {
            banner.show(Callout.Kind.SUCCESS, Text.get("results.ok", r.tables().size(), rows), took);
        }
        rejects.setVisible(r.rejects() != null);
        undone(!model.undo().done().get().isEmpty());
        tables.getItems().setAll(r.tables());
        picture.show(r.tables());
        List<String> lines = Changes.lines(r);
        changes.getItems().setAll(lines);
        changesTab.setText(Text.get("results.tab.changes", lines.size()));
        items.show(r);
        proofs.show(r);
        itemsTab.setText(Text.get("results.tab.items", r.views().size() + r.triggers().size()));
    }

    private void saveReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Text.get("results.save.title"));
        chooser.setInitialFileName(model.suggestedReportName());
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(Text.get("results.save.html"), "*.html"),
                new FileChooser.ExtensionFilter(Text.get("results.save.json"), "*.json"));
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            boolean json = chooser.getSelectedExtensionFilter() != null
                    && chooser.getSelectedExtensionFilter().getExtensions().contains("*.json") && !f.getName().contains(".");
            model.saveReport(json ? new File(f.getPath() + ".json").toPath() : f.toPath());
        }
    }

    /** Said under the buttons, not in a pop-up: a pop-up in the corner covered Finish (issue #17). */
    private void notify(String text) {
        notice.setText("\u2713 " + text);
    }

    @Override
    public Node root() {
        return root;
    }
}
