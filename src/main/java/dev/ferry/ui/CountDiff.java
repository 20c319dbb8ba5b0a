package dev.ferry.ui;

import dev.ferry.verify.Bars;
import dev.ferry.verify.TableCheck;
import java.util.List;
import javafx.scene.layout.VBox;

/**
 * The Results page's picture of the tables: per table, SQLite's rows beside PostgreSQL's as two
 * bars on one scale, the rows set aside as a striped end of SQLite's bar, the numbers beside them,
 * ✓ or ✗, and what the checksums say. A person sees at a glance that every pair of bars ends at the
 * same place; the table of numbers stays one click away ({@link PictureOrNumbers}).
 */
final class CountDiff extends VBox {

    CountDiff() {
        super(8);
        setId("count-diff");
        getStyleClass().add("count-diff");
        setAccessibleText(Text.get("results.picture.tables"));
    }

    void show(List<TableCheck> tables) {
        getChildren().setAll(tables.stream().map(CountDiff::pair).toList());
        if (tables.isEmpty()) {
            getChildren().add(Ui.muted(Text.get("results.picture.no.tables")));
        }
    }

    /** The pairs shown, one per table, in the run's order. */
    List<CountPair> pairs() {
        return getChildren().stream().filter(CountPair.class::isInstance).map(CountPair.class::cast).toList();
    }

    static CountPair pair(TableCheck t) {
        String title = t.source().equals(t.target()) ? t.source() : t.source() + "  \u2192  " + t.target();
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
        return new CountPair(title, t.checksumMatch() ? CountPair.Mark.SAME : CountPair.Mark.DIFFERS,
                rows + " \u00b7 " + sums, Bars.of(t), sqlite, rows(t.targetRows()), null);
    }

    static String rows(long n) {
        return Text.get("results.picture.rows", n);
    }
}
