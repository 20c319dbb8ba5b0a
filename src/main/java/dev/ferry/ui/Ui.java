package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Small builders the step views share, so every page looks and reads the same way. */
final class Ui {

    static final String OK = "\u2713";
    static final String NOT_OK = "\u2717";
    static final String WARN = "\u26A0";

    private Ui() {
    }

    /** A page: title, one line saying what this step is for, then the body, which takes the rest. */
    static VBox page(String key, Node body) {
        Label title = new Label(Text.get(key + ".title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label lead = new Label(Text.get(key + ".lead"));
        lead.getStyleClass().add(Styles.TEXT_MUTED);
        lead.setWrapText(true);
        // a small window wraps the lead onto more lines rather than cutting it with "..." (issue #17)
        title.setMinHeight(Region.USE_PREF_SIZE);
        lead.setMinHeight(Region.USE_PREF_SIZE);
        VBox page = new VBox(12, title, lead, body);
        page.setPadding(new Insets(24, 28, 12, 28));
        VBox.setVgrow(body, Priority.ALWAYS);
        return page;
    }

    /** Plain-words help for a control: a tooltip for the mouse and the same text for screen readers. */
    static <T extends Control> T help(T control, String key) {
        String text = Text.get(key);
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(400));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        control.setTooltip(tip);
        control.setAccessibleHelp(text);
        return control;
    }

    /** A field label with a mnemonic (Alt+letter focuses the field) that screen readers tie to the field. */
    static Label label(String key, Control field) {
        Label label = new Label(Text.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        field.setAccessibleText(label.getText().replace("_", ""));
        return label;
    }

    /** Controls whose words must never be cut to "…" when the window is narrow; the space is taken elsewhere. */
    static void keepWidth(Region... regions) {
        for (Region r : regions) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** ✓ or ✗ beside the colour, never the colour alone. */
    static Label mark(boolean ok, String text) {
        Label l = wrapped((ok ? OK : NOT_OK) + " " + text);
        l.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
        return l;
    }

    static Label warning(String text) {
        Label l = wrapped(WARN + " " + text);
        l.getStyleClass().add(Styles.WARNING);
        return l;
    }

    static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Control.USE_PREF_SIZE);
        return l;
    }

    static Label muted(String text) {
        Label l = wrapped(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return Text.get("unit.bytes", n);
        }
        double v = n;
        String[] units = {"KB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }

    static String duration(java.time.Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
