package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import dev.ferry.appcode.Handoff;
import dev.ferry.appcode.PgDriver;
import dev.ferry.verify.AppReport;
import dev.ferry.verify.StatementProof;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * Step 8: choose the app's folder, then read what Ferry found in its code: the summary, each
 * statement side by side with its PostgreSQL text and proof, where the app names its database
 * (and the .env lines for PostgreSQL), and the columns whose type changed.
 */
final class AppView implements StepView {

    private final AppModel model;
    private final TextField folder = new TextField();
    private final Button choose = new Button(Text.get("app.choose"));
    private final Button again = new Button(Text.get("app.again"));
    private final Button cancel = new Button(Text.get("app.cancel"));
    private final Button save = new Button(Text.get("app.save"));
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label checking = Ui.muted(Text.get("app.checking"));
    private final Callout summary = new Callout();
    private final Label files = Ui.muted("");
    private final CheckBox onlyNeedsYou = new CheckBox(Text.get("app.only"));
    private final Label count = Ui.muted("");
    private final AppTable table = new AppTable(this::copy);
    private final VBox connection = new VBox(12);
    private final VBox columns = new VBox(8);
    private final Tab statementsTab = new Tab(), connectionTab = new Tab(Text.get("app.tab.connection")),
            columnsTab = new Tab();
    private final TabPane tabs = new TabPane();
    private final Label notice = new Label();
    private final ComboBox<PgDriver> driver = new ComboBox<>();
    private final Label driverNote = Ui.muted("");
    private final TextField address = new TextField();
    private final Button copyAddress = new Button(Text.get("app.address.copy"));
    private final Label markers = Ui.muted("");
    /** The summary, the files read and the tabs: what the check found. */
    private final VBox report = new VBox(10);
    /** The folder whose report the page last scrolled to: a check again, or another driver, keeps the person's place. */
    private java.nio.file.Path scrolledFor;
    /** The page's scroll pane, once its size is watched (see {@link #fitReport}). */
    private ScrollPane watched;
    private VBox root;

    AppView(AppModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        folder.setId("app-folder");
        folder.setEditable(false);
        folder.setPromptText(Text.get("app.folder.prompt"));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Label folderLabel = Ui.label("app.folder", folder);
        for (Button b : new Button[] {choose, again, cancel, save}) {
            b.setMnemonicParsing(true);
        }
        choose.setId("choose-app-folder");
        choose.getStyleClass().add(Styles.ACCENT);
        Ui.help(choose, "app.choose.tip");
        again.setId("check-again");
        Ui.help(again, "app.again.tip");
        cancel.setId("cancel-app-check");
        Ui.help(cancel, "app.cancel.tip");
        save.setId("save-app-report");
        Ui.help(save, "app.save.tip");
        Ui.keepWidth(folderLabel, choose, again, cancel, save);
        progress.setPrefSize(22, 22);
        HBox folderRow = new HBox(10, folderLabel, folder, choose, again);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        HBox busyRow = new HBox(10, progress, checking, cancel);
        busyRow.setAlignment(Pos.CENTER_LEFT);
        shown(busyRow, false);
        busyRow.visibleProperty().bind(model.checking());
        busyRow.managedProperty().bind(model.checking());

        summary.setId("app-summary");
        files.setId("app-files");
        onlyNeedsYou.setId("only-needs-you");
        onlyNeedsYou.setMnemonicParsing(true);
        onlyNeedsYou.setAccessibleText(onlyNeedsYou.getText().replace("_", ""));
        Ui.help(onlyNeedsYou, "app.only.tip");
        HBox filterRow = new HBox(16, onlyNeedsYou, count, new atlantafx.base.controls.Spacer(), save);
        filterRow.setAlignment(Pos.CENTER_LEFT);
        VBox statements = new VBox(8, filterRow, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        statementsTab.setContent(statements);
        connectionTab.setContent(scroll(connection, "app-connection"));
        columnsTab.setContent(scroll(columns, "app-columns"));
        tabs.getTabs().setAll(List.of(statementsTab, connectionTab, columnsTab));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // a window too low for the statements scrolls the page instead of squeezing them to one line
        tabs.setMinHeight(330);
        report.getChildren().setAll(summary, files, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        report.visibleProperty().bind(model.report().isNotNull());
        report.managedProperty().bind(report.visibleProperty());

        notice.setId("app-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        VBox body = new VBox(12, folderRow, driverBox(), busyRow, notice, report, new ErrorBox(model.failure()));
        VBox.setVgrow(report, Priority.ALWAYS);
        root = Ui.page("app", body);
        // the lead says the check changes nothing: it wraps on a narrow window rather than end in "…"
        ((Label) root.getChildren().get(1)).setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    /**
     * How the app talks to PostgreSQL: Ferry's guess from the app's code, in a drop-down the person may
     * change, with the address in that driver's own form (the password left as {@code <password>}, as
     * the command line and Results leave it) and the markers its statements take. Outside the report,
     * so it keeps its place, and the keyboard's focus, while the check runs again for a new choice.
     */
    private Node driverBox() {
        driver.setId("app-driver");
        driver.getItems().setAll(PgDriver.values());
        driver.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PgDriver d) {
                return d == null ? "" : Text.get("app.driver.name." + d.name(), d.label());
            }

            @Override
            public PgDriver fromString(String s) {
                return null; // not editable
            }
        });
        driver.setVisibleRowCount(PgDriver.values().length);
        ListInWindow.keep(driver); // at 900×600 the drivers opened above the window's top
        Ui.help(driver, "app.driver.choice.tip");
        // W: a letter no other page writes in the other case; JavaFX may try Alt+'T' (Test connection's, gone
        // with its page) before Alt+'t' and then stop, so a letter in both cases works only now and then
        Label driverLabel = Ui.label("app.driver.choice", driver);
        driverNote.setId("app-driver-note");
        driverNote.setWrapText(false); // on a narrow window the note goes under the drop-down, whole
        HBox pick = new HBox(10, driverLabel, driver);
        pick.setAlignment(Pos.CENTER_LEFT);
        markers.setId("app-markers");
        markers.setWrapText(false);
        // the guess and the markers beside the drop-down: one line on a wide window, the words flow under it on a narrow one
        javafx.scene.layout.FlowPane choice = new javafx.scene.layout.FlowPane(12, 4, pick, driverNote, markers);
        choice.setAlignment(Pos.CENTER_LEFT);

        address.setId("app-address");
        address.setEditable(false);
        address.getStyleClass().add("monospace");
        HBox.setHgrow(address, Priority.ALWAYS);
        Label addressLabel = Ui.label("app.address", address);
        String tip = Text.get("app.address.tip", Handoff.PASSWORD);
        address.setTooltip(new javafx.scene.control.Tooltip(tip));
        address.setAccessibleHelp(tip);
        copyAddress.setId("copy-address");
        copyAddress.setMnemonicParsing(true);
        Ui.help(copyAddress, "app.address.copy.tip");
        Ui.keepWidth(addressLabel, copyAddress);
        HBox addressRow = new HBox(10, addressLabel, address, copyAddress);
        addressRow.setAlignment(Pos.CENTER_LEFT);
        addressRow.managedProperty().bind(addressRow.visibleProperty());
        addressRow.visibleProperty().bind(address.textProperty().isNotEmpty());

        VBox box = new VBox(8, choice, addressRow);
        box.setId("app-driver-box");
        box.visibleProperty().bind(model.driver().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static ScrollPane scroll(VBox box, String id) {
        box.setPadding(new javafx.geometry.Insets(12, 8, 12, 8));
        ScrollPane s = new ScrollPane(box);
        s.setFitToWidth(true);
        s.setId(id);
        return s;
    }

    private static void shown(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    private void initListeners() {
        choose.setOnAction(e -> chooseFolder());
        again.setOnAction(e -> model.check());
        again.disableProperty().bind(model.folder().isNull().or(model.checking()));
        cancel.setOnAction(e -> model.cancel());
        save.setOnAction(e -> saveReport());
        folder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.folder().get() == null ? "" : model.folder().get().toString(), model.folder()));
        onlyNeedsYou.selectedProperty().bindBidirectional(model.onlyNeedsYou());
        table.setItems(model.shown());
        model.shown().addListener((javafx.collections.ListChangeListener<AppReport.Statement>) c -> counted());
        model.report().addListener((obs, old, r) -> show(r));
        model.driver().addListener((obs, old, d) -> driver.setValue(d));
        // only the person's choice runs the check again: the model setting the guess is the same value
        driver.valueProperty().addListener((obs, old, d) -> model.useDriver(d));
        copyAddress.setOnAction(e -> {
            put(String.join("\n", model.report().get().summary().env()));
            notify(Text.get("app.address.copied"));
        });
        model.saved().addListener((obs, old, text) -> {
            if (!text.isEmpty()) {
                notify(text);
            }
        });
        show(model.report().get());
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Text.get("app.choose.title"));
        if (model.folder().get() != null && Files.isDirectory(model.folder().get())) {
            chooser.setInitialDirectory(model.folder().get().toFile());
        }
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            model.choose(dir.toPath());
        }
    }

    private void show(AppReport r) {
        if (r == null) {
            return;
        }
        AppReport.Summary s = r.summary();
        int manual = s.count(AppReport.MANUAL);
        int bad = s.proofs(StatementProof.FAILED) + s.proofs(StatementProof.DIFFERENT);
        String title = Text.get("app.summary", s.statements(), s.count(AppReport.UNCHANGED), s.count(AppReport.TRANSLATED), manual);
        String proofs = Text.get("app.proofs", s.proofs(StatementProof.SAME), s.proofs(StatementProof.PREPARED),
                bad, s.proofs(StatementProof.NOT_RUN))
                + " " + Text.get(model.rehearsal() ? "app.where.rehearsal" : "app.where");
        summary.show(bad > 0 ? Callout.Kind.DANGER : manual > 0 ? Callout.Kind.WARNING : Callout.Kind.SUCCESS, title, proofs);
        files.setText(Text.get("app.files", capital(s.files())));
        statementsTab.setText(Text.get("app.tab.statements", s.statements()));
        long touched = s.changedColumns().size();
        columnsTab.setText(Text.get("app.tab.columns", touched));
        connection.getChildren().setAll(connection(s));
        driverWords(s);
        columns.getChildren().setAll(columns(s));
        counted();
        if (!java.util.Objects.equals(scrolledFor, model.folder().get())) {
            scrolledFor = model.folder().get();
            javafx.application.Platform.runLater(this::scrollToReport);
        }
    }

    /**
     * On a window too low for the whole page (900×600) the page scrolls, and it opened at its top
     * with the statements below the fold (issue #17): when a folder's report arrives, the page
     * scrolls to the summary, and the report is as high as the window, so the statements take the
     * rest of it under the summary. The folder and the driver are a scroll up. A window that shows
     * the whole page does not move.
     */
    private void scrollToReport() {
        ScrollPane page = page();
        if (page == null) {
            return;
        }
        fitReport(page);
        page.applyCss();
        page.layout();
        double hidden = root.getHeight() - page.getViewportBounds().getHeight();
        if (hidden > 0.5) {
            double top = root.sceneToLocal(report.localToScene(report.getLayoutBounds())).getMinY();
            page.setVvalue(page.getVmin() + Math.max(0, Math.min(1, top / hidden)) * (page.getVmax() - page.getVmin()));
        }
    }

    /**
     * The report as high as the page's window when the page scrolls anyway, else its own height: the
     * statements' table had its least height, 330 px, and showed less than one of its rows.
     */
    private void fitReport(ScrollPane page) {
        double view = page.getViewportBounds().getHeight();
        report.setMinHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        boolean scrolls = model.report().get() != null && root.minHeight(page.getViewportBounds().getWidth()) > view + 0.5;
        if (scrolls) {
            report.setMinHeight(view);
        }
    }

    /** The scroll pane the wizard shows this page in, once the page is in the window. */
    private ScrollPane page() {
        for (javafx.scene.Parent p = root.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) {
                if (watched != s) {
                    watched = s;
                    s.viewportBoundsProperty().addListener((obs, was, now) -> {
                        if (Math.abs(was.getHeight() - now.getHeight()) > 0.5 || Math.abs(was.getWidth() - now.getWidth()) > 0.5) {
                            fitReport(s); // a resized window: as high as the new window, or its own height when all fits
                        }
                    });
                }
                return s;
            }
        }
        return null;
    }

    /** What the drop-down's choice means: where the guess came from, the address in its form, the markers. */
    private void driverWords(AppReport.Summary s) {
        PgDriver guess = model.guessed();
        if (s.driverFrom() != null) {
            driverNote.setText(Text.get("app.driver.guessed", s.driverFrom()));
        } else if (guess != null) {
            driverNote.setText(Text.get("app.driver.yours", guess.label(), model.guessedFrom()));
        } else {
            driverNote.setText(Text.get("app.driver.noguess"));
        }
        // several lines (Django's, PDO's) read as one on a line: Copy gives them as .env lines
        address.setText(String.join("   ", s.env()));
        address.setAccessibleText(Text.get("app.address").replace("_", "") + " " + address.getText());
        markers.setText(Text.get("app.markers", Handoff.markers(s.markers())));
    }

    /** The driver Ferry wrote the markers for, the one place the app names its database, and the .env lines. */
    private List<Node> connection(AppReport.Summary s) {
        List<Node> out = new java.util.ArrayList<>();
        out.add(Ui.wrapped(s.driverFrom() != null ? Text.get("app.driver", s.driver(), s.driverFrom())
                : model.guessed() != null || s.env().size() > 0 ? Text.get("app.driver.chosen", s.driver())
                : Text.get("app.driver.none", s.driver())));
        if (s.changeHere().isEmpty()) {
            out.add(Ui.muted(Text.get("app.place.none")));
        }
        for (AppReport.Place p : s.changeHere()) {
            Label head = Ui.wrapped(Text.get("app.place", p.file() + ":" + p.line(), p.stack(), p.what()));
            head.getStyleClass().add(Styles.TEXT_BOLD);
            out.add(new VBox(4, head, code(p.code(), 1)));
        }
        if (!s.env().isEmpty()) {
            Label head = Ui.wrapped(Text.get("app.env"));
            head.getStyleClass().add(Styles.TEXT_BOLD);
            TextArea env = code(String.join("\n", s.env()), s.env().size());
            env.setId("app-env");
            Button copyEnv = new Button(Text.get("app.env.copy"));
            copyEnv.setId("copy-env");
            Ui.help(copyEnv, "app.env.copy.tip");
            copyEnv.setOnAction(e -> {
                put(env.getText());
                notify(Text.get("app.env.copied"));
            });
            out.add(new VBox(4, head, Ui.muted(Text.get("app.env.lead")), env, copyEnv));
        }
        return out;
    }

    /** Each column whose type (or name) changed, and the statements that use it: where the app may read it differently. */
    private static List<Node> columns(AppReport.Summary s) {
        if (s.changedColumns().isEmpty()) {
            return List.of(Ui.muted(Text.get("app.columns.none")));
        }
        List<Node> out = new java.util.ArrayList<>();
        out.add(Ui.muted(Text.get("app.columns.lead")));
        for (AppReport.Changed c : s.changedColumns()) {
            Label col = Ui.wrapped(Text.get("app.column", c.table() + "." + c.column(), c.change()));
            col.getStyleClass().add(Styles.TEXT_BOLD);
            Label used = Ui.wrapped(c.statements().isEmpty() ? Text.get("app.column.unused")
                    : Text.get("app.column.used", String.join(", ", c.statements())));
            out.add(new VBox(2, col, used));
        }
        return out;
    }

    private static TextArea code(String text, int rows) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.max(1, rows));
        area.getStyleClass().add("monospace");
        area.setAccessibleText(text);
        return area;
    }

    private void counted() {
        AppReport r = model.report().get();
        if (r == null) {
            return;
        }
        long needs = r.statements().stream().filter(AppModel::needsYou).count();
        count.setText(model.onlyNeedsYou().get() ? Text.get("app.count.only", model.shown().size(), r.statements().size())
                : Text.get("app.count", r.statements().size(), needs));
    }

    private void copy(AppReport.Statement s) {
        put(s.postgres());
        notify(Text.get("app.copied", s.where()));
    }

    private static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void saveReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Text.get("app.save.title"));
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

    /** Said on the page, not in a pop-up: a pop-up in the corner covered Finish (issue #17). */
    private void notify(String text) {
        notice.setText("\u2713 " + text);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public Node root() {
        return root;
    }

    /** Never Finish: Enter there would close the window before the user read a line. */
    @Override
    public Node firstFocus() {
        return choose;
    }
}
