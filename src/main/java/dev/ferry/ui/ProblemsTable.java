package dev.ferry.ui;

import dev.ferry.mapping.Problem;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Every problem of the plan: where, what happens in one sentence, how many values, examples, and
 * what Ferry does about it. The last column is where a choice appears once the engine offers more
 * than its loss-free default (see {@link ReviewModel#resolutions}).
 */
final class ProblemsTable extends TableView<Problem> {

    ProblemsTable(ReviewModel model) {
        setId("problems");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(Ui.muted(Text.get("review.problems.none")));
        setAccessibleText(Text.get("review.problems"));
        TableColumn<Problem, String> what = wrapping(column("review.p.kind", ProblemsTable::kind), 165);
        TableColumn<Problem, String> where = wrapping(column("review.p.where",
                p -> p.column() == null ? p.table() : p.table() + "." + p.column()), 140);
        TableColumn<Problem, String> message = wrapping(column("review.p.message", ProblemsTable::happens), 390);
        TableColumn<Problem, String> count = column("review.p.count", p -> p.count() == 0 ? "" : String.format("%,d", p.count()));
        count.setPrefWidth(70);
        TableColumn<Problem, String> resolution = wrapping(column("review.p.resolution", p -> String.join(" / ",
                model.resolutions(p).stream().map(ProblemsTable::resolution).toList())), 220);
        getColumns().addAll(List.of(what, where, message, count, resolution));
    }

    static String kind(Problem p) {
        return Ui.WARN + " " + Text.orElse("problem.kind." + p.kind().id(), p.kind().id());
    }

    /** The sentence, and the examples when the sentence does not already quote them. */
    private static String happens(Problem p) {
        List<String> more = p.examples().stream().filter(e -> !p.message().contains(e)).limit(3).toList();
        return more.isEmpty() ? p.message() : p.message() + "\n" + Text.get("review.p.examples.more", String.join(", ", more));
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
