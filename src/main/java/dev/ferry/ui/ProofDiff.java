package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import dev.ferry.run.Result;
import dev.ferry.verify.Bars;
import dev.ferry.verify.Proof;
import dev.ferry.verify.Report;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The views and triggers in the count picture's style: a view Ferry ran on both sides shows the rows
 * each side returned as two bars; a trigger, fired in a rolled-back transaction, has nothing to
 * count and shows its mark, verdict and what the proof found. The table behind "Numbers" holds the
 * same items with their SQL.
 */
final class ProofDiff extends VBox {

    private final BooleanProperty counted = new SimpleBooleanProperty();
    /** What "Use SQLite's meaning" does for a view; null where it is not offered. */
    private java.util.function.Consumer<String> useSqlite;
    private javafx.beans.value.ObservableBooleanValue busy = new SimpleBooleanProperty(false);

    ProofDiff() {
        super(6);
        setId("proof-diff");
        getStyleClass().add("count-diff");
        setAccessibleText(Text.get("results.items"));
    }

    /** The colours' legend, shown only when a view's rows are drawn: triggers alone have no bars to explain. */
    Node legend() {
        Node legend = CountDiff.colours();
        legend.visibleProperty().bind(counted);
        return legend;
    }

    /**
     * Offers "Use SQLite's meaning" under each view that differs because PostgreSQL kept its own meaning;
     * {@code action} gets the view's SQLite name; the buttons wait while {@code working}.
     */
    void offerSqliteMeaning(java.util.function.Consumer<String> action, javafx.beans.value.ObservableBooleanValue working) {
        useSqlite = action;
        busy = working;
    }

    void show(Result r) {
        counted.set(r.views().stream().anyMatch(v -> Bars.counted(v.proof())));
        getChildren().clear();
        section("results.picture.views", r.views(), true);
        section("results.picture.triggers", r.triggers(), false);
        if (getChildren().isEmpty()) {
            getChildren().add(Ui.muted(Text.get("results.items.none")));
        }
    }

    /** The pairs shown, views first, then triggers. */
    List<CountPair> pairs() {
        return getChildren().stream().filter(CountPair.class::isInstance).map(CountPair.class::cast).toList();
    }

    private void section(String key, List<Report.Item> items, boolean views) {
        if (items.isEmpty()) {
            return;
        }
        Label heading = new Label(Text.get(key));
        heading.getStyleClass().add(Styles.TITLE_4);
        getChildren().add(heading);
        for (Report.Item i : items) {
            getChildren().add(pair(i, views));
            if (views && useSqlite != null && "created-differs".equals(i.status()) && !i.sqliteMeaning()) {
                getChildren().add(sqliteMeaning(i));
            }
        }
    }

    /** The button under a differing view: made again comparing the text SQLite stored, then proven again. */
    private Node sqliteMeaning(Report.Item i) {
        javafx.scene.control.Button use = new javafx.scene.control.Button(Text.get("results.view.sqlite"));
        use.setId("sqlite-meaning-" + i.name().replaceAll("[^A-Za-z0-9_]", "_"));
        use.setUserData(i.name());
        use.getStyleClass().add("sqlite-meaning");
        Ui.help(use, "results.view.sqlite.tip");
        use.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(busy::get, busy));
        use.setOnAction(e -> useSqlite.accept(i.name()));
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, use, Ui.muted(Text.get("results.view.sqlite.lead")));
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    static CountPair pair(Report.Item i, boolean view) {
        String status = i.status() == null ? "" : i.status().toLowerCase(Locale.ROOT);
        Proof p = i.proof();
        CountPair.Mark mark;
        String verdict;
        if (status.equals("failed") || status.equals("created-differs") || p != null && p.differs()) {
            mark = CountPair.Mark.DIFFERS;
            verdict = p != null && p.differs() ? Text.get(view ? "results.picture.view.differs" : "results.picture.trigger.differs")
                    : Text.orElse("results.item.status." + status, status);
        } else if (!status.equals("created") || p != null && Proof.NOT_PROVEN.equals(p.result())) {
            mark = CountPair.Mark.UNSURE;
            verdict = p != null ? Text.get("results.picture.not.proven") : Text.orElse("results.item.status." + status, status);
        } else {
            mark = CountPair.Mark.SAME;
            verdict = p == null ? Text.get("results.item.status.created")
                    : Text.get(view ? "results.picture.view.same" : "results.picture.trigger.same");
        }
        Bars bars = view ? Bars.of(p) : null;
        String detail = i.reason() != null ? i.reason() : p == null ? null : p.text();
        if (view && i.sqliteMeaning()) {
            detail = Text.get("results.view.sqlite.used") + (detail == null ? "" : " " + detail);
        }
        String title = CountDiff.title(i.name(), i.target());
        return new CountPair(title, CountDiff.names(i.name(), i.target()), mark, verdict, bars, bars == null ? null : CountDiff.rows(p.sqliteRows()),
                bars == null ? null : CountDiff.rows(p.postgresRows()), detail);
    }
}
