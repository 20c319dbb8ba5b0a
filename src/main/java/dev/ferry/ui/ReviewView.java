package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Step 4: the tables, each table's columns and types, the problems, and the SQL Ferry will run. */
final class ReviewView implements StepView {

    private final ReviewModel model;
    private final ComboBox<Naming.Style> naming = new ComboBox<>();
    private final Button reset = new Button(Text.get("review.reset"));
    private final ProgressIndicator working = new ProgressIndicator();
    private final Label workingText = new Label();
    private final Label typeError = new Label();
    private final TableView<TablePlan> tables = new TableView<>();
    private final ColumnGrid columns;
    private final ProblemsTable problems;
    private final Tab problemsTab = new Tab(Text.get("review.tab.problems"));
    private final Label problemsBadge = new Label();
    private final Tab tablesTab = new Tab(Text.get("review.tab.tables"));
    private final TabPane tabs = new TabPane();
    private final Tab suggestionsTab = new Tab();
    private final SuggestionsList suggestions;
    private final TextArea ddl = new TextArea();
    private VBox root;

    ReviewView(ReviewModel model) {
        this.model = model;
        this.columns = new ColumnGrid(model);
        this.problems = new ProblemsTable(model);
        this.suggestions = new SuggestionsList(model);
        createView();
        initListeners();
    }

    private void createView() {
        naming.setId("naming");
        naming.getItems().setAll(Naming.Style.values());
        ListInWindow.keep(naming);
        naming.setConverter(new StringConverter<>() {
            @Override
            public String toString(Naming.Style s) {
                return s == null ? "" : Text.get("review.naming." + s.name());
            }

            @Override
            public Naming.Style fromString(String s) {
                return null;
            }
        });
        Ui.help(naming, "review.naming.tip");
        reset.setId("reset-types");
        reset.setMnemonicParsing(true);
        Ui.help(reset, "review.reset.tip");
        working.setMaxSize(20, 20);
        // at 900×600 the choice's longest words were cut ("lower case (Album → al…"): it keeps its
        // whole width, and the toolbar wraps its parts onto a second line instead
        Ui.keepWidth(naming, reset);
        HBox namingBox = new HBox(10, Ui.label("review.naming", naming), naming);
        namingBox.setAlignment(Pos.CENTER_LEFT);
        HBox workingBox = new HBox(6, working, workingText);
        workingBox.setAlignment(Pos.CENTER_LEFT);
        workingBox.managedProperty().bind(workingBox.visibleProperty());
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(10, 6, namingBox, reset, workingBox);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        typeError.getStyleClass().add(Styles.DANGER);
        typeError.setWrapText(true);

        tables.setId("tables");
        tables.setAccessibleText(Text.get("review.tables"));
        tables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TablePlan, String> name = column("review.t.name", t -> t.source().name() + "  \u2192  " + t.target());
        name.setPrefWidth(190);
        name.setCellFactory(v -> { // "Customer → customer" wraps rather than "Customer → cus…"
            WrappingCell<TablePlan> cell = new WrappingCell<>();
            cell.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            return cell;
        });
        TableColumn<TablePlan, String> rows = column("review.t.rows", t -> String.format("%,d", t.rows()));
        rows.setStyle("-fx-alignment: CENTER-RIGHT;");
        rows.setMinWidth(84); // room for "2,000,000": a count is never cut short
        TableColumn<TablePlan, Boolean> include = new TableColumn<>(Text.get("review.t.include"));
        include.setId("include-column");
        include.setPrefWidth(60);
        include.setMinWidth(60); // the check box and its header are never squeezed out
        include.setCellValueFactory(v -> {
            TablePlan t = v.getValue();
            javafx.beans.property.BooleanProperty on = new javafx.beans.property.SimpleBooleanProperty(model.included(t));
            on.addListener((obs, was, now) -> model.setIncluded(t, now));
            return on;
        });
        include.setCellFactory(javafx.scene.control.cell.CheckBoxTableCell.forTableColumn(include));
        include.setEditable(true);
        tables.setEditable(true);
        tables.getColumns().addAll(java.util.List.of(include, name, rows));
        tables.setMinWidth(250);
        VBox columnBox = new VBox(6, columns, Ui.muted(Text.get("review.columns.note")));
        VBox.setVgrow(columns, Priority.ALWAYS);
        SplitPane split = new SplitPane(tables, columnBox);
        split.setDividerPositions(0.31);

        VBox problemBox = new VBox(8, Ui.muted(Text.get("review.problems.note")), problems);
        VBox.setVgrow(problems, Priority.ALWAYS);
        problemsTab.setContent(problemBox);
        problemsTab.setId("problems-tab");
        problemsBadge.setId("problems-badge");
        problemsBadge.getStyleClass().add("count-badge");
        problemsTab.setGraphic(problemsBadge);
        // the badge sits after the words, so "Things to know 3" reads in order
        problemsTab.getStyleClass().add("marked-tab");
        tablesTab.setContent(split);
        tablesTab.setId("tables-tab");
        ddl.setId("ddl");
        ddl.setEditable(false);
        ddl.getStyleClass().add("monospace");
        ddl.setAccessibleText(Text.get("review.tab.ddl"));
        VBox suggestionBox = new VBox(8, Ui.muted(Text.get("review.suggestions.note")), suggestions);
        VBox.setVgrow(suggestions, Priority.ALWAYS);
        suggestionsTab.setContent(suggestionBox);
        suggestionsTab.setId("suggestions-tab");
        // Things to know first: what changes for the app is what a newcomer must not miss;
        // what Ferry could also do comes after the tables, as it is never needed
        tabs.getTabs().setAll(problemsTab, tablesTab, suggestionsTab, new Tab(Text.get("review.tab.ddl"), ddl));
        tabs.setId("review-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox body = new VBox(10, toolbar, typeError, tabs, new ErrorBox(model.failure()));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root = Ui.page("review", body);
    }

    private static TableColumn<TablePlan, String> column(String key, java.util.function.Function<TablePlan, String> f) {
        TableColumn<TablePlan, String> c = new TableColumn<>(Text.get(key));
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(f.apply(v.getValue())));
        return c;
    }

    private void initListeners() {
        naming.valueProperty().bindBidirectional(model.naming());
        reset.setOnAction(e -> model.resetTypes());
        reset.disableProperty().bind(model.changedTypes().not().or(model.planning()));
        naming.disableProperty().bind(model.planning());
        columns.editableProperty().bind(model.planning().not());
        working.getParent().visibleProperty().bind(model.planning());
        workingText.textProperty().bind(model.message());
        typeError.textProperty().bind(model.typeError());
        typeError.managedProperty().bind(model.typeError().isNotEmpty());
        ddl.textProperty().bind(model.ddl());
        tables.getSelectionModel().selectedItemProperty().addListener((obs, old, t) -> columns.show(t));
        model.plan().addListener((obs, old, plan) -> show(plan));
        show(model.plan().get());
    }

    /**
     * A new plan keeps the user's place: the same table stays selected, the same tab open. A file's
     * first plan opens on Things to know when it has entries, else on the tables.
     */
    private void show(Plan plan) {
        TablePlan selected = tables.getSelectionModel().getSelectedItem();
        boolean first = tables.getItems().isEmpty();
        tables.getItems().setAll(plan == null ? java.util.List.of() : plan.tables());
        int n = plan == null ? 0 : plan.problems().size();
        problemsBadge.setText(Text.get("review.tab.problems.count", n));
        problemsBadge.setVisible(n > 0);
        problemsBadge.setManaged(n > 0);
        problemsTab.setTooltip(new javafx.scene.control.Tooltip(Text.get("review.tab.problems.tip", n)));
        pseudo(problemsTab, n > 0);
        if (plan != null && first) {
            tabs.getSelectionModel().select(n > 0 ? problemsTab : tablesTab);
        }
        problems.show(plan == null ? java.util.List.of() : plan.problems());
        suggestionsTab.setText(Text.get("review.tab.suggestions", plan == null ? 0 : plan.suggestions().size()));
        suggestions.show(plan);
        if (plan != null && !plan.tables().isEmpty()) {
            TablePlan again = selected == null ? null : plan.table(selected.source().name()).orElse(null);
            tables.getSelectionModel().select(again != null ? again : plan.tables().get(0));
        }
    }

    /** A tab with entries looks marked (see ferry.css), not like any other tab. */
    private static void pseudo(Tab tab, boolean on) {
        if (on) {
            if (!tab.getStyleClass().contains("has-entries")) {
                tab.getStyleClass().add("has-entries");
            }
        } else {
            tab.getStyleClass().remove("has-entries");
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstFocus() {
        // the tabs, not a table inside one: Review may open on Things to know, where the tables
        // are hidden, and a focus that falls through to Back made Enter go back a step
        return tabs;
    }
}
