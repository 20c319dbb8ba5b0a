package dev.ferry.ui;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.cell.ProgressBarTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 6: the phase, overall and per-table progress, speed and time, the live log, and Cancel. */
final class MigrateView implements StepView {

    private final MigrateModel model;
    private final Label phase = new Label();
    private final Button cancel = new Button(Text.get("migrate.cancel"));
    private final ProgressBar overall = new ProgressBar();
    private final Label stats = new Label();
    private final TableView<TableProgress> tables = new TableView<>();
    private final WholeRows tableRows = new WholeRows(tables);
    private final ListView<String> log = new ListView<>();
    private final Callout outcome = new Callout();
    private final Button resume = new Button(Text.get("migrate.resume"));
    private final UndoControls undo;
    private VBox root;

    MigrateView(MigrateModel model) {
        this.model = model;
        this.undo = new UndoControls(model.undo(), "migrate-");
        createView();
        initListeners();
    }

    private void createView() {
        phase.setId("phase");
        phase.getStyleClass().add(Styles.TITLE_3);
        cancel.setId("cancel");
        cancel.setMnemonicParsing(true);
        cancel.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        Ui.help(cancel, "migrate.cancel.tip");
        HBox top = new HBox(12, phase, new Spacer(), cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        overall.setId("overall");
        overall.setMaxWidth(Double.MAX_VALUE);
        // at 900×600 the page squeezed the bar to nothing to give the list its room
        overall.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        overall.setAccessibleText(Text.get("migrate.overall"));
        stats.setId("stats");
        stats.getStyleClass().add(Styles.TEXT_MUTED);

        tables.setId("table-progress");
        tables.setAccessibleText(Text.get("migrate.tables"));
        tables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TableProgress, String> name = new TableColumn<>(Text.get("migrate.col.table"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<TableProgress, Double> bar = new TableColumn<>(Text.get("migrate.col.progress"));
        bar.setCellValueFactory(c -> c.getValue().progress().asObject());
        bar.setCellFactory(ProgressBarTableCell.forTableColumn());
        bar.setPrefWidth(260);
        TableColumn<TableProgress, String> rows = new TableColumn<>(Text.get("migrate.col.rows"));
        rows.setCellValueFactory(c -> c.getValue().rows());
        rows.setCellFactory(c -> new CountCell());
        TableColumn<TableProgress, String> done = new TableColumn<>(Text.get("migrate.col.state"));
        done.setCellValueFactory(c -> javafx.beans.binding.Bindings.when(c.getValue().finished())
                .then(Ui.OK + " " + Text.get("migrate.table.done")).otherwise(""));
        tables.getColumns().addAll(java.util.List.of(name, bar, rows, done));
        tables.getColumns().forEach(c -> c.setSortable(false));

        log.setId("log");
        log.setPrefHeight(160);
        log.getStyleClass().add("monospace");
        log.setAccessibleText(Text.get("migrate.log"));
        TitledPane logPane = new TitledPane(Text.get("migrate.log"), log);
        logPane.setId("log-pane");
        logPane.setExpanded(false);
        logPane.setAnimated(false);

        outcome.setId("outcome");
        resume.setId("resume");
        resume.setMnemonicParsing(true);
        resume.getStyleClass().add(Styles.ACCENT);
        Ui.help(resume, "migrate.resume.tip");
        Ui.keepWidth(resume);
        HBox stopped = new HBox(10, resume, undo.undo, undo.working());
        stopped.setAlignment(Pos.CENTER_LEFT);
        stopped.setId("stopped-actions");
        VBox after = new VBox(10, stopped, undo);
        after.visibleProperty().bind(model.state().isEqualTo(MigrateModel.State.CANCELLED)
                .or(model.state().isEqualTo(MigrateModel.State.UNFINISHED)).or(model.state().isEqualTo(MigrateModel.State.FAILED)
                        .and(model.resumable())));
        after.managedProperty().bind(after.visibleProperty());
        VBox body = new VBox(10, top, overall, stats, tableRows, logPane, outcome, new ErrorBox(model.failure()), after);
        VBox.setVgrow(tableRows, Priority.ALWAYS);
        root = Ui.page("migrate", body);
    }

    private void initListeners() {
        phase.textProperty().bind(model.phase());
        stats.textProperty().bind(model.stats());
        overall.progressProperty().bind(model.overall());
        tables.setItems(model.tables());
        log.setItems(model.log());
        model.log().addListener((ListChangeListener<String>) c -> log.scrollTo(log.getItems().size() - 1));
        cancel.setOnAction(e -> model.cancel());
        resume.setOnAction(e -> model.resume());
        // once the stopped run is undone there is nothing left to continue
        resume.visibleProperty().bind(model.resumable());
        resume.managedProperty().bind(model.resumable());
        cancel.disableProperty().bind(model.state().isNotEqualTo(MigrateModel.State.RUNNING));
        model.state().addListener((obs, old, s) -> {
            showOutcome(s);
            if (s == MigrateModel.State.DONE || s == MigrateModel.State.CANCELLED || s == MigrateModel.State.FAILED
                    || s == MigrateModel.State.UNFINISHED) {
                tableRows.showLast(); // the last tables finish last: their ✓ is what the end of a run shows
            } else if (s == MigrateModel.State.RUNNING) {
                tableRows.release();
            }
        });
        showOutcome(model.state().get());
    }

    private void showOutcome(MigrateModel.State s) {
        boolean shown = s == MigrateModel.State.DONE || s == MigrateModel.State.CANCELLED;
        outcome.setVisible(shown);
        outcome.setManaged(shown);
        if (shown) {
            boolean done = s == MigrateModel.State.DONE;
            long aside = done && model.result().get() != null ? model.result().get().rejectedRows() : 0;
            if (aside > 0) {
                outcome.show(Callout.Kind.WARNING, Text.get("migrate.outcome.aside", aside),
                        Text.get("migrate.outcome.aside.body"));
            } else {
                outcome.show(done ? Callout.Kind.SUCCESS : Callout.Kind.WARNING,
                        Text.get(done ? "migrate.outcome.done" : "migrate.outcome.cancelled"),
                        Text.get(done ? "migrate.outcome.done.body" : "migrate.outcome.cancelled.body"));
            }
            outcome.setAccessibleHelp(done ? null : Text.get("migrate.resume.tip"));
        }
    }

    /**
     * A table's "done of total": its column widens to the longest it has shown, and the progress bars
     * give up the room. At 900×600 "8,715 of 8,7…" showed once the list scrolled to the last tables.
     */
    private static final class CountCell extends javafx.scene.control.TableCell<TableProgress, String> {
        /** The cell's padding and border around its words. */
        private static final double ROOM = 20;

        @Override
        protected void updateItem(String words, boolean empty) {
            super.updateItem(words, empty);
            setText(empty ? null : words);
            if (!empty && words != null && getTableColumn() != null) {
                double needs = Math.ceil(ProblemsTable.width(words, getFont()) + ROOM);
                if (needs > getTableColumn().getMinWidth()) {
                    getTableColumn().setMinWidth(needs);
                }
            }
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstFocus() {
        return tables; // not Cancel: a stray key press must not stop the run
    }
}
