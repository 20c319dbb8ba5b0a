package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import dev.ferry.plan.Plan;
import dev.ferry.run.Options;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Step 5: existing tables, schema, parallel jobs, the backup, and a one-line summary of what Start will do. */
final class OptionsView implements StepView {

    private final OptionsModel model;
    private final TargetModel target;
    private final ReviewModel review;
    private final RadioButton fail = new RadioButton(Text.get("options.exists.fail"));
    private final RadioButton replace = new RadioButton(Text.get("options.exists.replace"));
    private final RadioButton append = new RadioButton(Text.get("options.exists.append"));
    private final RadioButton truncate = new RadioButton(Text.get("options.exists.truncate"));
    private final RadioButton dataOnly = new RadioButton(Text.get("options.exists.data-only"));
    private final Map<Options.IfExists, RadioButton> choices = Map.of(Options.IfExists.FAIL, fail,
            Options.IfExists.REPLACE, replace, Options.IfExists.APPEND, append, Options.IfExists.TRUNCATE, truncate,
            Options.IfExists.DATA_ONLY, dataOnly);
    private final ToggleGroup group = new ToggleGroup();
    private final TextField schema = new TextField();
    private final CheckBox autoJobs = new CheckBox(Text.get("options.jobs.auto", Options.defaultJobs()));
    private final Spinner<Integer> jobs = new Spinner<>(1, 64, Options.defaultJobs());
    private final ProgressIndicator checking = new ProgressIndicator();
    private final Label existing = new Label();
    private final Label summary = new Label();
    private final CheckBox backup = new CheckBox(Text.get("options.backup.check"));
    private final Label backupPath = new Label();
    private final Button backupChange = new Button(Text.get("options.backup.change"));
    private VBox root;

    OptionsView(OptionsModel model, TargetModel target, ReviewModel review) {
        this.model = model;
        this.target = target;
        this.review = review;
        createView();
        initListeners();
    }

    private void createView() {
        choices.forEach((policy, b) -> {
            b.setToggleGroup(group);
            b.setUserData(policy);
            b.setId("if-exists-" + policy.name().toLowerCase(java.util.Locale.ROOT));
        });
        Ui.help(fail, "options.exists.fail.tip");
        Ui.help(replace, "options.exists.replace.tip");
        Ui.help(append, "options.exists.append.tip");
        Ui.help(truncate, "options.exists.truncate.tip");
        Ui.help(dataOnly, "options.exists.data-only.tip");
        checking.setMaxSize(18, 18);
        existing.setId("existing");
        existing.setWrapText(true);
        HBox status = new HBox(8, checking, existing);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox exists = section("options.exists", new VBox(6, fail, replace, append, truncate, dataOnly), status);

        schema.setId("schema");
        schema.setMaxWidth(280);
        Ui.help(schema, "options.schema.tip");
        VBox schemaBox = section("options.schema", new VBox(4, Ui.label("options.schema.label", schema), schema),
                Ui.muted(Text.get("options.schema.note")));

        autoJobs.setId("auto-jobs");
        Ui.help(autoJobs, "options.jobs.tip");
        jobs.setId("jobs");
        jobs.setEditable(true);
        jobs.setPrefWidth(90);
        Ui.help(jobs, "options.jobs.spinner.tip");
        HBox jobsRow = new HBox(12, autoJobs, jobs);
        jobsRow.setAlignment(Pos.CENTER_LEFT);
        VBox jobsBox = section("options.jobs", jobsRow);

        backup.setId("backup");
        Ui.help(backup, "options.backup.tip");
        backupPath.setId("backup-path");
        backupPath.setWrapText(true);
        backupPath.setMinHeight(Label.USE_PREF_SIZE);
        backupPath.getStyleClass().add(Styles.TEXT_MUTED);
        HBox.setHgrow(backupPath, Priority.ALWAYS);
        backupChange.setId("backup-change");
        backupChange.setMnemonicParsing(true);
        Ui.help(backupChange, "options.backup.change.tip");
        Ui.keepWidth(backupChange);
        HBox backupRow = new HBox(12, backupPath, backupChange);
        backupRow.setAlignment(Pos.CENTER_LEFT);
        backupRow.setPadding(new javafx.geometry.Insets(0, 0, 0, 28));
        VBox backupBox = section("options.backup", backup, backupRow);
        javafx.scene.layout.FlowPane parts = new javafx.scene.layout.FlowPane(18, 8);
        for (dev.ferry.plan.Plan.Part part : dev.ferry.plan.Plan.Part.values()) {
            CheckBox box = new CheckBox(Text.get("options.create." + part.id()));
            box.setId("create-" + part.id());
            box.setMnemonicParsing(true);
            box.selectedProperty().bindBidirectional(model.create(part));
            Ui.help(box, "options.create." + part.id() + ".tip");
            parts.getChildren().add(box);
        }
        VBox createBox = section("options.create", parts, Ui.muted(Text.get("options.always")));

        summary.setId("options-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        for (var b : new javafx.scene.control.Labeled[] {fail, replace, append, truncate, autoJobs, backup}) {
            b.setMnemonicParsing(true);
        }
        root = Ui.page("options", new VBox(22, exists, schemaBox, createBox, jobsBox, backupBox, summary, new ErrorBox(model.failure())));
    }

    private static VBox section(String key, Node... content) {
        Label title = new Label(Text.get(key));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, title);
        box.getChildren().addAll(content);
        return box;
    }

    private void initListeners() {
        choices.get(model.ifExists().get()).setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) { // a radio group always keeps one choice
                group.selectToggle(was);
            } else {
                model.ifExists().set((Options.IfExists) now.getUserData());
            }
        });
        model.ifExists().addListener((o, was, now) -> {
            Toggle t = choices.get(now);
            if (group.getSelectedToggle() != t) {
                group.selectToggle(t);
            }
        });
        backup.selectedProperty().bindBidirectional(model.backup());
        backupPath.textProperty().bind(Bindings.createStringBinding(() -> model.backupPath().get() == null ? ""
                : Text.get("options.backup.path", model.backupPath().get()), model.backupPath()));
        backupPath.disableProperty().bind(model.backup().not());
        backupChange.disableProperty().bind(model.backup().not());
        backupChange.setOnAction(e -> chooseBackup());
        schema.textProperty().bindBidirectional(model.schema());
        autoJobs.selectedProperty().bindBidirectional(model.autoJobs());
        jobs.disableProperty().bind(model.autoJobs());
        jobs.valueProperty().addListener((o, a, n) -> model.manualJobs().set(n == null ? 1 : n));
        checking.visibleProperty().bind(model.checking());
        checking.managedProperty().bind(model.checking());
        existing.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.checking().get()) {
                return Text.get("options.existing.checking");
            }
            var found = model.existing().get();
            return found == null ? "" : found.isEmpty() ? Ui.OK + " " + Text.get("options.existing.none", model.schema().get().trim())
                    : Ui.WARN + " " + Text.get("options.existing.some", found.size(), String.join(", ", found));
        }, model.checking(), model.existing()));
        model.existing().addListener((obs, old, found) -> {
            existing.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
            if (found != null) {
                existing.getStyleClass().add(found.isEmpty() ? Styles.SUCCESS : Styles.WARNING);
            }
        });
        summary.textProperty().bind(Bindings.createStringBinding(this::summaryText, review.plan(), model.schema(),
                target.rehearse()));
    }

    private String summaryText() {
        Plan plan = review.plan().get();
        if (plan == null) {
            return "";
        }
        String where = target.rehearse().get() ? Text.get("options.summary.rehearsal")
                : target.address().toString();
        return Text.get("options.summary", plan.tables().size(), plan.totalRows(), where, model.schema().get().trim());
    }

    private void chooseBackup() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Text.get("options.backup.choose.title"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(Text.get("source.filter.sqlite"), "*.sqlite",
                "*.db", "*.sqlite3", "*.db3"), new FileChooser.ExtensionFilter(Text.get("source.filter.all"), "*"));
        Path current = model.backupPath().get();
        if (current != null) {
            chooser.setInitialFileName(current.getFileName().toString());
            File dir = current.getParent() == null ? null : current.getParent().toFile();
            if (dir != null && dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            model.chooseBackup(f.toPath());
        }
    }

    @Override
    public Node root() {
        return root;
    }
}
