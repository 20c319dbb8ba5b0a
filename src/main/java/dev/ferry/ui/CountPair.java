package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import dev.ferry.verify.Bars;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One comparison of the count picture: a line with ✓, ✗ or ⚠, the name and the verdict in words,
 * then SQLite's bar above PostgreSQL's with the numbers beside them (for a table, a view's rows),
 * or only a line of detail where there is nothing to count (a trigger). The mark and the words say
 * what the colours say, so the picture reads in greyscale and to a screen reader alike.
 */
final class CountPair extends VBox {

    /** The verdict's mark: ✓ same, ✗ differs, ⚠ could not be shown to be the same. */
    enum Mark { SAME, DIFFERS, UNSURE }

    private final Label mark = new Label();
    private final Label name = new Label();
    private final Label verdict = new Label();
    private CountBar sqlite;
    private CountBar postgres;
    private Label sqliteCount;
    private Label postgresCount;

    /**
     * @param bars          the two bars' lengths; null when there is nothing to count
     * @param sqliteWords   SQLite's count in words ("5 rows, 2 set aside")
     * @param postgresWords PostgreSQL's count in words
     * @param detail        a sentence below, or null
     */
    CountPair(String title, Mark m, String verdictWords, Bars bars, String sqliteWords, String postgresWords, String detail) {
        super(4);
        getStyleClass().add("count-pair");
        if (m != Mark.SAME) {
            getStyleClass().add(m == Mark.DIFFERS ? "differs" : "unsure");
        }
        mark.setText(switch (m) {
            case SAME -> Ui.OK;
            case DIFFERS -> Ui.NOT_OK;
            case UNSURE -> Ui.WARN;
        });
        mark.getStyleClass().addAll("count-mark", switch (m) {
            case SAME -> Styles.SUCCESS;
            case DIFFERS -> Styles.DANGER;
            case UNSURE -> Styles.WARNING;
        });
        Ui.keepWidth(mark);
        name.setText(title);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        // a long name gives way with "…" in the middle, where both its start and end stay readable
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setMinWidth(60);
        name.setMaxWidth(Double.MAX_VALUE);
        name.setTooltip(new Tooltip(title));
        HBox.setHgrow(name, Priority.ALWAYS);
        verdict.setText(verdictWords);
        verdict.getStyleClass().add("count-verdict");
        Ui.keepWidth(verdict);
        HBox head = new HBox(8, mark, name, verdict);
        head.setAlignment(Pos.BASELINE_LEFT);
        getChildren().add(head);
        StringBuilder said = new StringBuilder(title).append(": ").append(verdictWords);
        if (bars != null) {
            sqlite = new CountBar("bar-sqlite", bars.sent(), bars.setAside(), Text.get("results.picture.sqlite") + ": " + sqliteWords);
            postgres = new CountBar(m == Mark.DIFFERS ? "bar-differs" : "bar-postgres", bars.arrived(), 0,
                    Text.get("results.picture.pg") + ": " + postgresWords);
            sqliteCount = count(sqliteWords);
            postgresCount = count(postgresWords);
            GridPane grid = new GridPane();
            grid.setHgap(10);
            grid.setVgap(3);
            // the side and count columns are as wide in every pair (ferry.css, in em), so all bars line up
            ColumnConstraints side = new ColumnConstraints();
            ColumnConstraints bar = new ColumnConstraints(40, 240, Double.MAX_VALUE);
            bar.setHgrow(Priority.ALWAYS);
            ColumnConstraints number = new ColumnConstraints();
            number.setHalignment(HPos.RIGHT);
            grid.getColumnConstraints().addAll(side, bar, number);
            grid.addRow(0, side("results.picture.sqlite"), sqlite, sqliteCount);
            grid.addRow(1, side("results.picture.pg"), postgres, postgresCount);
            getChildren().add(grid);
            said.append(". ").append(Text.get("results.picture.sqlite")).append(": ").append(sqliteWords).append("; ")
                    .append(Text.get("results.picture.pg")).append(": ").append(postgresWords);
        }
        if (detail != null && !detail.isBlank()) {
            Label more = Ui.muted(detail);
            more.getStyleClass().add("count-detail");
            getChildren().add(more);
            said.append(". ").append(detail);
        }
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleText(said.toString());
    }

    private static Label side(String key) {
        Label l = new Label(Text.get(key));
        l.getStyleClass().addAll(Styles.TEXT_MUTED, "count-side");
        return l;
    }

    /** A count beside its bar: it wraps rather than be cut when the column is narrow. */
    private static Label count(String words) {
        Label l = Ui.wrapped(words);
        l.getStyleClass().add("count-number");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER_RIGHT);
        l.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        return l;
    }

    String title() {
        return name.getText();
    }

    String mark() {
        return mark.getText();
    }

    String verdict() {
        return verdict.getText();
    }

    /** SQLite's bar, null when nothing was counted. */
    CountBar sqliteBar() {
        return sqlite;
    }

    CountBar postgresBar() {
        return postgres;
    }

    String sqliteCount() {
        return sqliteCount == null ? null : sqliteCount.getText();
    }

    String postgresCount() {
        return postgresCount == null ? null : postgresCount.getText();
    }
}
