package dev.ferry.ui;

import dev.ferry.plan.Problem;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Every problem of the plan: where, what happens in one sentence, how many values, examples, and
 * what Ferry does about it: a choice where the problem offers several (see {@link ReviewModel#resolutions}).
 */
final class ProblemsTable extends TableView<Problem> {

    ProblemsTable(ReviewModel model) {
        setId("problems");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(Ui.muted(Text.get("review.problems.none")));
        setAccessibleText(Text.get("review.problems"));
        TableColumn<Problem, String> what = wrapping(column("review.p.kind", ProblemsTable::kind), 165);
        // a long "Employee.BirthDate" wraps after its dot, not inside a name ("BirthDat e")
        TableColumn<Problem, String> where = wrapping(column("review.p.where",
                p -> p.column() == null ? p.table() : p.table() + ".\u200B" + p.column()), 150);
        TableColumn<Problem, String> message = wrapping(column("review.p.message", ProblemsTable::happens), 390);
        TableColumn<Problem, String> count = column("review.p.count", p -> p.count() == 0 ? "" : String.format("%,d", p.count()));
        count.setPrefWidth(84);
        count.setMinWidth(84); // at 900×600 the header showed "V…" or "Val..."
        TableColumn<Problem, String> resolution = column("review.p.resolution", Problem::resolution);
        resolution.setId("resolution-column");
        resolution.setPrefWidth(250);
        resolution.setCellFactory(c -> new ResolutionCell(model));
        getColumns().addAll(List.of(what, where, message, count, resolution));
    }

    static String kind(Problem p) {
        return Ui.WARN + " " + Text.orElse("problem.kind." + p.kind().id(), p.kind().id());
    }

    /** The sentence, and the examples when the sentence does not already quote them. */
    private static String happens(Problem p) {
        List<String> more = p.examples().stream().filter(e -> !p.message().contains(e)).limit(3).toList();
        String message = Advice.sentence(p.message()); // the engine's words name the command line's options
        return more.isEmpty() ? message : message + "\n" + Text.get("review.p.examples.more", String.join(", ", more));
    }

    /**
     * What Ferry does about the problem: a sentence, or a choice when the problem offers several,
     * the loss-free default first. Choosing plans again, so the page shows what will run.
     */
    private static final class ResolutionCell extends javafx.scene.control.TableCell<Problem, String> {
        private final ReviewModel model;
        private final javafx.scene.control.ComboBox<String> choice = new javafx.scene.control.ComboBox<>();
        private final javafx.scene.control.Label fixed = new javafx.scene.control.Label();
        private boolean filling;

        ResolutionCell(ReviewModel model) {
            this.model = model;
            fixed.setWrapText(true);
            choice.setMaxWidth(Double.MAX_VALUE);
            choice.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(String id) {
                    return id == null ? "" : resolution(id);
                }

                @Override
                public String fromString(String s) {
                    return s;
                }
            });
            choice.valueProperty().addListener((obs, old, now) -> {
                Problem p = getTableRow() == null ? null : getTableRow().getItem();
                if (!filling && p != null && now != null && !now.equals(p.resolution())) {
                    model.setResolution(p, now);
                }
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            Problem p = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            List<String> options = model.resolutions(p);
            if (options.size() > 1) {
                filling = true;
                choice.getItems().setAll(options);
                choice.setValue(p.resolution());
                filling = false;
                String where = p.column() == null ? p.table() : p.table() + "." + p.column();
                choice.setId("resolution-" + where);
                choice.setAccessibleText(Text.get("review.p.resolution") + " " + where);
                setGraphic(choice);
            } else {
                fixed.setText(resolution(p.resolution()));
                fixed.prefWidthProperty().bind(getTableColumn().widthProperty().subtract(12));
                setGraphic(fixed);
            }
            setText(null);
        }
    }

    static String resolution(String id) {
        return Text.orElse("problem.resolution." + id, id);
    }

    /** Long sentences wrap inside their cell instead of running off behind an ellipsis. */
    private static TableColumn<Problem, String> wrapping(TableColumn<Problem, String> column, double width) {
        column.setPrefWidth(width);
        column.setCellFactory(c -> new WrappingCell<>());
        return column;
    }

    private static TableColumn<Problem, String> column(String key, Function<Problem, String> value) {
        TableColumn<Problem, String> c = new TableColumn<>(Text.get(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
