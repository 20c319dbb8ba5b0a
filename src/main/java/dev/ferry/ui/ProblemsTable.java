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

    /** Room a drop-down takes besides its words: the cell's and the box's padding and the arrow. */
    static final double CHOICE_ROOM = 64;
    /** Room a wrapping cell takes besides its words (see WrappingCell and .wrapping-cell). */
    static final double CELL_ROOM = 20;

    private final TableColumn<Problem, String> where;
    private final TableColumn<Problem, String> resolution;
    private List<Problem> fitted = List.of();
    private javafx.scene.text.Font fittedFont;

    ProblemsTable(ReviewModel model) {
        setId("problems");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(Ui.muted(Text.get("review.problems.none")));
        setAccessibleText(Text.get("review.problems"));
        TableColumn<Problem, String> what = wrapping(column("review.p.kind", ProblemsTable::kind), 165);
        where = wrapping(column("review.p.where", ProblemsTable::where), 150);
        TableColumn<Problem, String> message = wrapping(column("review.p.message", ProblemsTable::happens), 390);
        TableColumn<Problem, String> count = column("review.p.count", p -> p.count() == 0 ? "" : String.format("%,d", p.count()));
        count.setPrefWidth(84);
        count.setMinWidth(84); // at 900×600 the header showed "V…" or "Val..."
        resolution = column("review.p.resolution", Problem::resolution);
        resolution.setId("resolution-column");
        resolution.setPrefWidth(250);
        resolution.setCellFactory(c -> new ResolutionCell(model));
        getColumns().addAll(List.of(what, where, message, count, resolution));
    }

    /**
     * The problems, those that ask for a decision first (a choice in the last column), then the plain
     * notes, each group in the plan's order: on a file with many notes the choices were below the fold.
     */
    void show(List<Problem> problems) {
        List<Problem> ordered = new java.util.ArrayList<>(problems);
        ordered.sort(java.util.Comparator.comparing(p -> !p.choosable()));
        getItems().setAll(ordered);
    }

    /** A long "Employee.BirthDate" may wrap after its dot, never inside a name ("BirthDat e"). */
    static String where(Problem p) {
        return p.column() == null ? p.table() : p.table() + ".\u200B" + p.column();
    }

    /**
     * Each column as wide as its content needs, measured in the font the cells show: Where as its
     * longest name (it wraps only at the dot), the choice as its longest chosen words (at 900×600 a
     * choice showed "Table + sear…"). The message column gives up the room, and wraps.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        javafx.scene.Node shown = lookup(".cell-text");
        javafx.scene.text.Font font = shown instanceof javafx.scene.text.Text t ? t.getFont() : null;
        if (font == null || (font.equals(fittedFont) && fitted.equals(getItems()))) {
            return;
        }
        fittedFont = font;
        fitted = List.copyOf(getItems());
        double name = 0, choice = 0;
        for (Problem p : fitted) {
            for (String part : where(p).split("[\u200B ]")) {
                name = Math.max(name, width(part, font));
            }
            if (p.choosable()) {
                choice = Math.max(choice, width(resolution(p.resolution()), font));
            }
        }
        double whereWidth = Math.max(90, Math.ceil(name + CELL_ROOM)), choiceWidth = Math.max(120, Math.ceil(choice + CHOICE_ROOM));
        where.setMinWidth(whereWidth);
        resolution.setMinWidth(choiceWidth);
    }

    /** The width {@code words} take on one line in {@code font}. */
    static double width(String words, javafx.scene.text.Font font) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(words);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }

    static String kind(Problem p) {
        return Ui.WARN + " " + Text.orElse("problem.kind." + p.kind().id(), p.kind().id());
    }

    /** The sentence, and the examples when the sentence does not already quote them. */
    private static String happens(Problem p) {
        String sentence = p.message();
        if (p.kind() == Problem.Kind.BYTES_OR_TEXT && Problem.BYTEA.equals(p.resolution())) {
            // the other way, told as this table's own control, where the command line names its option
            sentence += " " + Text.get("review.p.how.bytes-or-text", resolution(Problem.TEXT), Text.get("review.p.resolution"));
        }
        String said = sentence;
        List<String> more = p.examples().stream().filter(e -> !said.contains(e)).limit(3).toList();
        return more.isEmpty() ? sentence : sentence + "\n" + Text.get("review.p.examples.more", String.join(", ", more));
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
