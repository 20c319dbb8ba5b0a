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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One comparison of the count picture: on the left ✓, ✗ or ⚠ with the name and the verdict in
 * words below; on the right SQLite's bar above PostgreSQL's with the numbers beside them (a table's
 * rows, a view's), or a line of detail where there is nothing to count (a trigger). Two lines a
 * pair, so a page of tables reads at a glance even in a small window. The mark and the words say
 * what the colours say, so the picture reads in greyscale and to a screen reader alike.
 */
final class CountPair extends GridPane {

    /** The verdict's mark: ✓ same, ✗ differs, ⚠ could not be shown to be the same. */
    enum Mark { SAME, DIFFERS, UNSURE }

    /** The share of the picture's width the name and verdict take; the bars have most of the rest. */
    private static final double NAME_SHARE = 30;

    private final Label mark = new Label();
    private final Label name = new Label();
    private final Label verdict = new Label();
    private CountBar sqlite;
    private CountBar postgres;
    private Label sqliteCount;
    private Label postgresCount;

    /**
     * @param names         both names in full, for the tooltip and screen readers ("Customer, in PostgreSQL customer")
     * @param bars          the two bars' lengths; null when there is nothing to count
     * @param sqliteWords   SQLite's count in words ("5 rows, 2 set aside")
     * @param postgresWords PostgreSQL's count in words
     * @param detail        a sentence below, or null
     */
    CountPair(String title, String names, Mark m, String verdictWords, Bars bars, String sqliteWords, String postgresWords, String detail) {
        getStyleClass().add("count-pair");
        if (m != Mark.SAME) {
            getStyleClass().add(m == Mark.DIFFERS ? "differs" : "unsure");
        }
        setHgap(10);
        setVgap(2);
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
        name.getStyleClass().addAll("count-title", Styles.TEXT_BOLD);
        // a long name gives way with "…" in the middle, where both its start and end stay readable
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setMinWidth(30);
        name.setTooltip(new Tooltip(names));
        HBox head = new HBox(6, mark, name);
        head.setAlignment(Pos.BASELINE_LEFT);
        head.setMinWidth(0);
        verdict.setText(verdictWords);
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().addAll("count-verdict", Styles.TEXT_SMALL);
        VBox who = new VBox(1, head, verdict);
        who.getStyleClass().add("count-name");
        who.setMinWidth(0);
        add(who, 0, 0, 1, 2);
        // every pair is as wide as the picture and its columns the same shares and widths (the side
        // and count columns in em, ferry.css), so all bars start and end at the same place
        ColumnConstraints named = new ColumnConstraints();
        named.setPercentWidth(NAME_SHARE);
        ColumnConstraints side = new ColumnConstraints();
        ColumnConstraints bar = new ColumnConstraints(40, 240, Double.MAX_VALUE);
        bar.setHgrow(Priority.ALWAYS);
        ColumnConstraints number = new ColumnConstraints();
        number.setHalignment(HPos.RIGHT);
        getColumnConstraints().addAll(named, side, bar, number);
        StringBuilder said = new StringBuilder(names).append(": ").append(verdictWords);
        Label more = detail == null || detail.isBlank() ? null : Ui.muted(detail);
        if (bars != null) {
            sqlite = new CountBar("bar-sqlite", bars.sent(), bars.setAside(), Text.get("results.picture.sqlite") + ": " + sqliteWords);
            postgres = new CountBar(m == Mark.DIFFERS ? "bar-differs" : "bar-postgres", bars.arrived(), 0,
                    Text.get("results.picture.pg") + ": " + postgresWords);
            sqliteCount = count(sqliteWords);
            postgresCount = count(postgresWords);
            addRow(0, side("results.picture.sqlite"), sqlite, sqliteCount);
            addRow(1, side("results.picture.pg"), postgres, postgresCount);
            said.append(". ").append(Text.get("results.picture.sqlite")).append(": ").append(sqliteWords).append("; ")
                    .append(Text.get("results.picture.pg")).append(": ").append(postgresWords);
            if (more != null) {
                add(more, 1, 2, 3, 1);
            }
        } else if (more != null) { // nothing to count (a trigger): what its proof found takes the bars' place
            add(more, 1, 0, 3, 2);
        }
        if (more != null) {
            more.getStyleClass().addAll("count-detail", Styles.TEXT_SMALL);
            more.setMaxWidth(Double.MAX_VALUE);
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
