package dev.ferry.ui;

import dev.ferry.verify.Bars;
import dev.ferry.verify.TableCheck;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Results page's picture of the tables: per table, SQLite's rows beside PostgreSQL's as two
 * bars on one scale, the rows set aside as a striped end of SQLite's bar, the numbers beside them,
 * ✓ or ✗, and what the checksums say. A person sees at a glance that every pair of bars ends at the
 * same place; the table of numbers stays one click away ({@link PictureOrNumbers}).
 */
final class CountDiff extends VBox {

    private final BooleanProperty setAside = new SimpleBooleanProperty();

    CountDiff() {
        super(6);
        setId("count-diff");
        getStyleClass().add("count-diff");
        setAccessibleText(Text.get("results.picture.tables"));
    }

    void show(List<TableCheck> tables) {
        setAside.set(tables.stream().anyMatch(t -> t.rejected() > 0));
        getChildren().setAll(tables.stream().map(CountDiff::pair).toList());
        if (tables.isEmpty()) {
            getChildren().add(Ui.muted(Text.get("results.picture.no.tables")));
        }
    }

    /**
     * What the colours mean, in a line above the picture (the words beside every bar say it too):
     * SQLite, PostgreSQL, a count that differs, and the striped rows set aside when this run set
     * any aside (a user who chose none would only wonder what it means).
     */
    Node legend() {
        HBox legend = colours();
        Node aside = swatch("bar-aside", "results.picture.legend.aside");
        aside.visibleProperty().bind(setAside);
        aside.managedProperty().bind(setAside);
        legend.getChildren().add(aside);
        return legend;
    }

    /** The legend of a picture without rows set aside (views and triggers). */
    static HBox colours() {
        HBox legend = new HBox(14);
        legend.getStyleClass().add("count-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getChildren().addAll(swatch("bar-sqlite", "results.picture.sqlite"), swatch("bar-postgres", "results.picture.pg"),
                swatch("bar-differs", "results.picture.legend.differs"));
        return legend;
    }

    private static Node swatch(String style, String key) {
        Region colour = new Region();
        colour.getStyleClass().addAll("count-swatch", style);
        HBox one = new HBox(5, colour, Ui.muted(Text.get(key)));
        one.setAlignment(Pos.CENTER_LEFT);
        return one;
    }

    /** The pairs shown, one per table, in the run's order. */
    List<CountPair> pairs() {
        return getChildren().stream().filter(CountPair.class::isInstance).map(CountPair.class::cast).toList();
    }

    static CountPair pair(TableCheck t) {
        String title = title(t.source(), t.target());
        long diff = t.targetRows() - t.sourceRows();
        // with rows set aside the counts differ by choice: what matters is that every other row arrived
        String rows = diff == 0 ? Text.get(t.rejected() == 0 ? "results.picture.same" : "results.picture.rest")
                : Text.get(diff < 0 ? "results.picture.fewer" : "results.picture.more", Math.abs(diff));
        String sums = Text.get(switch (Bars.checksum(t)) {
            case SAME -> "results.picture.checksum.same";
            case DIFFER -> "results.picture.checksum.differ";
            case NOT_CHECKED -> "results.picture.checksum.unchecked";
        });
        String sqlite = t.rejected() == 0 ? rows(t.sqliteRows())
                : Text.get("results.picture.rows.aside", t.sqliteRows(), t.rejected());
        return new CountPair(title, names(t.source(), t.target()), t.checksumMatch() ? CountPair.Mark.SAME : CountPair.Mark.DIFFERS,
                rows + " \u00b7 " + sums, Bars.of(t), sqlite, rows(t.targetRows()), null);
    }

    /**
     * A name as the picture shows it: SQLite's, and PostgreSQL's after an arrow only when it is more
     * than the same name in lower case (the "What changed" tab lists every rename).
     */
    static String title(String sqlite, String postgres) {
        return postgres == null || postgres.equalsIgnoreCase(sqlite) ? sqlite : sqlite + "  \u2192  " + postgres;
    }

    /** Both names in full, for the tooltip and screen readers. */
    static String names(String sqlite, String postgres) {
        return postgres == null || postgres.equals(sqlite) ? sqlite : Text.get("results.picture.names", sqlite, postgres);
    }

    static String rows(long n) {
        return Text.get("results.picture.rows", n);
    }
}
