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
    static final double CHOICE_ROOM = 56;
    /** Room a wrapping cell takes besides its words (see WrappingCell and .wrapping-cell). */
    static final double CELL_ROOM = 20;
    /**
     * The most Where takes for a name on one line: a longer one wraps. A break opportunity after the
     * dot (U+200B) did not help: on a real screen "Employee.BirthDate" still broke as "Employee.Bi rthDate".
     */
    static final double WHERE_MOST = 240;

    /** Room kept for the vertical scroll bar, shown or not, so the widths do not swing as it comes and goes. */
    static final double SCROLL_BAR = 14;
    /** The least What happens is given before the names break onto two lines. */
    static final double MESSAGE_LEAST = 140;

    private final TableColumn<Problem, String> what, where, message, count, resolution;
    private List<Problem> fitted = List.of();
    private javafx.scene.text.Font fittedFont;
    private double whereNeeds = 90, whereBroken = 90, choiceNeeds = 120;
    /** Where shows "table." and "column" on two lines: the room is too small for the names on one. */
    private boolean whereBreaks;
    /**
     * Columns the person sized by dragging their header's edge: kept as they are for the rest of the
     * session, also when a new plan changes the rows; Ferry sizes only the others around them.
     */
    private final java.util.Set<TableColumn<Problem, ?>> own = new java.util.HashSet<>();

    ProblemsTable(ReviewModel model) {
        setId("problems");
        // the widths are set in layoutChildren from the content and the room: JavaFX's constrained
        // policies, given a choice's minimum width, left the columns wider than the table at 900×600
        // and "Table + search column" ran under the scroll bar
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(Ui.muted(Text.get("review.problems.none")));
        setAccessibleText(Text.get("review.problems"));
        what = wrapping(column("review.p.kind", ProblemsTable::kind), 165);
        where = wrapping(column("review.p.where", p -> whereBreaks && p.column() != null ? p.table() + ".\n" + p.column() : where(p)), 150);
        message = wrapping(column("review.p.message", ProblemsTable::happens), 390);
        count = column("review.p.count", p -> p.count() == 0 ? "" : String.format("%,d", p.count()));
        count.setPrefWidth(84);
        count.setMinWidth(84); // at 900×600 the header showed "V…" or "Val..."
        resolution = column("review.p.resolution", Problem::resolution);
        resolution.setId("resolution-column");
        resolution.setPrefWidth(250);
        resolution.setCellFactory(c -> new ResolutionCell(model));
        getColumns().addAll(List.of(what, where, message, count, resolution));
        for (TableColumn<Problem, ?> c : getColumns()) {
            // Ferry sizes a column through its preferred width, which sets the width to match; a drag
            // of the header's edge (or a double click on it) sets the width alone
            c.widthProperty().addListener((obs, was, now) -> {
                if (Math.abs(now.doubleValue() - c.getPrefWidth()) > 0.5) {
                    own.add(c);
                }
            });
        }
    }

    /** Whether the person sized {@code column} themselves (see {@link #own}). */
    boolean sizedByUser(TableColumn<Problem, ?> column) {
        return own.contains(column);
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

    /** Where the problem is: a table, or table.column. */
    static String where(Problem p) {
        return p.column() == null ? p.table() : p.table() + "." + p.column();
    }

    /**
     * Each column as wide as its content needs, measured in the font the cells show: Where as its
     * longest name on one line (up to {@link #WHERE_MOST}), the choice as its longest chosen words (at 900×600 a
     * choice showed "Table + sear…"). The message column gives up the room, and wraps.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        javafx.scene.Node shown = lookup(".cell-text");
        javafx.scene.text.Font font = shown instanceof javafx.scene.text.Text t ? t.getFont() : null;
        if (font != null && !(font.equals(fittedFont) && fitted.equals(getItems()))) {
            fittedFont = font;
            fitted = List.copyOf(getItems());
            double name = 0, part = 0, choice = 0;
            for (Problem p : fitted) {
                name = Math.max(name, width(where(p), font));
                part = Math.max(part, Math.max(width(p.table() + ".", font), p.column() == null ? 0 : width(p.column(), font)));
                if (p.choosable()) {
                    choice = Math.max(choice, width(resolution(p.resolution()), font));
                }
            }
            whereNeeds = Math.min(WHERE_MOST, Math.max(90, Math.ceil(name + CELL_ROOM)));
            whereBroken = Math.min(whereNeeds, Math.max(80, Math.ceil(part + CELL_ROOM)));
            choiceNeeds = Math.ceil(choice + CHOICE_ROOM);
        }
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - SCROLL_BAR;
        if (room <= 0) {
            return;
        }
        // What and the choice take a share of the room; What happens takes the rest, and wraps. When
        // that leaves What happens too little, a name shows on two lines, broken after its dot
        double w = kept(what, Math.max(80, Math.min(180, Math.floor(room * 0.13))));
        double c = kept(resolution, Math.max(choiceNeeds, Math.max(120, Math.min(260, Math.floor(room * 0.22)))));
        double k = kept(count, count.getPrefWidth());
        boolean breaks = own.contains(where) ? where.getWidth() < whereNeeds - 0.5
                : room - w - whereNeeds - k - c < MESSAGE_LEAST;
        double n = kept(where, breaks ? whereBroken : whereNeeds);
        double m = kept(message, Math.max(MESSAGE_LEAST, room - w - n - k - c));
        if (breaks != whereBreaks) {
            whereBreaks = breaks;
            javafx.application.Platform.runLater(this::refresh); // the names' cells show the other form
        }
        size(what, w);
        size(where, n);
        size(resolution, c);
        size(message, m);
    }

    /** The person's own width of {@code column}, when they sized it, else Ferry's {@code width}. */
    private double kept(TableColumn<Problem, String> column, double width) {
        return own.contains(column) ? column.getWidth() : width;
    }

    private void size(TableColumn<Problem, String> column, double width) {
        if (!own.contains(column) && Math.abs(column.getPrefWidth() - width) > 0.5) {
            column.setPrefWidth(width);
        }
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
        String sentence = Advice.sentence(p.message()); // the engine's words name the command line's options
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
            ListInWindow.keep(choice); // the last column's longest choice opened past the window's right edge
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
