package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import dev.ferry.mapping.Plan;
import dev.ferry.run.Options;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 5: existing tables, schema, parallel jobs, and a one-line summary of what Start will do. */
final class OptionsView implements StepView {

    private final OptionsModel model;
    private final TargetModel target;
    private final ReviewModel review;
    private final RadioButton fail = new RadioButton(Text.get("options.exists.fail"));
    private final RadioButton replace = new RadioButton(Text.get("options.exists.replace"));
    private final TextField schema = new TextField();
    private final CheckBox autoJobs = new CheckBox(Text.get("options.jobs.auto", Options.defaultJobs()));
    private final Spinner<Integer> jobs = new Spinner<>(1, 64, Options.defaultJobs());
    private final ProgressIndicator checking = new ProgressIndicator();
    private final Label existing = new Label();
    private final Label summary = new Label();
    private VBox root;

    OptionsView(OptionsModel model, TargetModel target, ReviewModel review) {
        this.model = model;
        this.target = target;
        this.review = review;
        createView();
        initListeners();
    }

    private void createView() {
        ToggleGroup group = new ToggleGroup();
        fail.setToggleGroup(group);
        replace.setToggleGroup(group);
        fail.setId("if-exists-fail");
        replace.setId("if-exists-replace");
        Ui.help(fail, "options.exists.fail.tip");
        Ui.help(replace, "options.exists.replace.tip");
        checking.setMaxSize(18, 18);
        existing.setId("existing");
        existing.setWrapText(true);
        HBox status = new HBox(8, checking, existing);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox exists = section("options.exists", new VBox(6, fail, replace), status);

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
        VBox jobsBox = section("options.jobs", jobsRow, Ui.muted(Text.get("options.always")));

        summary.setId("options-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        for (var b : new javafx.scene.control.Labeled[] {fail, replace, autoJobs}) {
            b.setMnemonicParsing(true);
        }
        root = Ui.page("options", new VBox(22, exists, schemaBox, jobsBox, summary, new ErrorBox(model.failure())));
    }

    private static VBox section(String key, Node... content) {
        Label title = new Label(Text.get(key));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, title);
        box.getChildren().addAll(content);
        return box;
    }

    private void initListeners() {
        fail.setSelected(model.ifExists().get() == Options.IfExists.FAIL);
        replace.setSelected(model.ifExists().get() == Options.IfExists.REPLACE);
        fail.selectedProperty().addListener((o, a, on) -> model.ifExists().set(on ? Options.IfExists.FAIL : Options.IfExists.REPLACE));
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

    @Override
    public Node root() {
        return root;
    }
}
