package dev.ferry.ui;

import dev.ferry.verify.AppReport;
import dev.ferry.verify.StatementProof;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The app's statements, one a row: where it is, what Ferry made of it, what PostgreSQL said, and
 * the SQLite and PostgreSQL texts side by side, wrapped so they read at any window size. Copy
 * (or Ctrl+C on the selected row) puts the PostgreSQL text on the clipboard.
 */
final class AppTable extends TableView<AppReport.Statement> {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    AppTable(Consumer<AppReport.Statement> copy) {
        setId("app-statements");
        setAccessibleText(Text.get("app.tab.statements.name"));
        setPlaceholder(Ui.muted(Text.get("app.none")));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        // where and status share a column: the room goes to the two texts side by side
        TableColumn<AppReport.Statement, String> where = column("app.col.where", s -> s.where() + "\n" + status(s), 150, false);
        TableColumn<AppReport.Statement, String> proof = column("app.col.proof", AppTable::proof, 190, false);
        TableColumn<AppReport.Statement, String> sqlite = column("app.col.sqlite", s -> shortened(s.sqlite()), 240, true);
        TableColumn<AppReport.Statement, String> pg = column("app.col.pg",
                s -> s.postgres() == null ? Text.get("app.pg.none") : shortened(s.postgres()), 240, true);
        TableColumn<AppReport.Statement, AppReport.Statement> button = new TableColumn<>();
        button.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        button.setCellFactory(c -> new CopyCell(copy));
        button.setSortable(false);
        button.setMinWidth(72);
        button.setMaxWidth(72);
        getColumns().addAll(List.of(where, proof, sqlite, pg, button));
        setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(AppReport.Statement s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("row-bad", "row-warn");
                if (!empty && s != null) {
                    // refused or different is red; a statement left for a person to decide, amber
                    if (AppModel.needsYou(s)) {
                        getStyleClass().add(s.status().equals(AppReport.MANUAL) ? "row-warn" : "row-bad");
                    }
                    setAccessibleText(s.where() + ", " + status(s) + ", " + proof(s));
                }
            }
        });
        getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(this::startAtARow));
        // the keyboard's way to Copy: arrows choose the row, Ctrl+C copies its PostgreSQL text
        setOnKeyPressed(e -> {
            AppReport.Statement s = getSelectionModel().getSelectedItem();
            if (COPY.match(e) && s != null && s.postgres() != null) {
                copy.accept(s);
                e.consume();
            }
        });
    }

    /**
     * The table starts at a row, not half-way through one. Moving down with the arrows scrolls just
     * enough to show the chosen row at the bottom, which left the top row cut (its tall SQL half
     * shown); the rows then move up to the next whole one, and the chosen row stays in view.
     */
    void startAtARow() {
        if (!(lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)) {
            return;
        }
        javafx.scene.control.IndexedCell<?> first = flow.getFirstVisibleCell();
        if (first == null || first.getLayoutY() > -0.5) {
            return;
        }
        int chosen = getSelectionModel().getSelectedIndex();
        flow.scrollToTop(chosen >= 0 && chosen <= first.getIndex() ? chosen : first.getIndex() + 1);
    }

    /** The lines a row shows of a long statement (a CREATE TABLE): more would leave room for one row only. */
    static final int LINES = 6;

    /** The first {@link #LINES} lines and a word on the rest; Copy and the report keep the whole text. */
    static String shortened(String sql) {
        String[] lines = sql.split("\n", -1);
        if (lines.length <= LINES) {
            return sql;
        }
        return String.join("\n", java.util.Arrays.asList(lines).subList(0, LINES - 1)) + "\n"
                + Text.get("app.more.lines", lines.length - LINES + 1);
    }

    /** unchanged / translated / needs you, as the page says it. */
    static String status(AppReport.Statement s) {
        return Text.orElse("app.status." + s.status(), s.status());
    }

    /** The proof's mark and words, then why in plain words: what a person must do, or what PostgreSQL said. */
    static String proof(AppReport.Statement s) {
        String mark = switch (s.proof()) {
            case StatementProof.SAME, StatementProof.PREPARED -> Ui.OK;
            case StatementProof.FAILED, StatementProof.DIFFERENT -> Ui.NOT_OK;
            default -> "\u2022";
        };
        String words = mark + " " + Text.orElse("app.proof." + s.proof(), s.proof());
        String reason = s.status().equals(AppReport.MANUAL) || s.proofDetail() == null ? s.why() : s.proofDetail();
        return reason == null || reason.isBlank() ? words : words + "\n" + Advice.sentence(reason);
    }

    private static TableColumn<AppReport.Statement, String> column(String key, Function<AppReport.Statement, String> value,
                                                                   double width, boolean code) {
        TableColumn<AppReport.Statement, String> c = new TableColumn<>(Text.get(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setCellFactory(col -> {
            WrappingCell<AppReport.Statement> cell = new WrappingCell<>();
            if (code) {
                cell.getStyleClass().add("sql-cell");
            }
            return cell;
        });
        c.setPrefWidth(width);
        // a narrow window takes the room from the SQL, which wraps, before the headers turn to "…"
        c.setMinWidth(code ? 120 : width < 170 ? 110 : 150);
        return c;
    }

    /** A Copy button on each row that has PostgreSQL text; none where a person decides. */
    private static final class CopyCell extends TableCell<AppReport.Statement, AppReport.Statement> {

        private final Button button = new Button(Text.get("app.copy"));

        CopyCell(Consumer<AppReport.Statement> copy) {
            button.getStyleClass().addAll("copy-sql", atlantafx.base.theme.Styles.SMALL);
            Ui.keepWidth(button);
            Ui.help(button, "app.copy.tip");
            button.setOnAction(e -> {
                if (getItem() != null) {
                    copy.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(AppReport.Statement s, boolean empty) {
            super.updateItem(s, empty);
            setText(null);
            setGraphic(empty || s == null || s.postgres() == null ? null : button);
        }
    }
}
