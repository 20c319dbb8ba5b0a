package dev.ferry.ui;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Suggestion;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * Review's "Ferry could also…": one check box per suggestion, off until the user ticks it, with
 * what it does as its text and why Ferry offers it beneath. A tick plans again with it.
 */
final class SuggestionsList extends ScrollPane {

    private final ReviewModel model;
    private final VBox rows = new VBox(12);

    SuggestionsList(ReviewModel model) {
        this.model = model;
        setId("suggestions");
        setFitToWidth(true);
        setContent(rows);
        rows.setPadding(new javafx.geometry.Insets(4));
    }

    /** The plan's suggestions, each ticked when the plan carries it out. */
    void show(Plan plan) {
        rows.getChildren().clear();
        if (plan == null) {
            return;
        }
        if (plan.suggestions().isEmpty()) {
            rows.getChildren().add(Ui.muted(Text.get("review.suggestions.none")));
            return;
        }
        for (Suggestion s : plan.suggestions()) {
            CheckBox box = new CheckBox(s.does());
            box.setId("suggest-" + s.id());
            box.setWrapText(true);
            box.setSelected(s.taken());
            box.setAccessibleText(s.does());
            box.setTooltip(new javafx.scene.control.Tooltip(s.why()));
            box.disableProperty().bind(model.planning());
            box.selectedProperty().addListener((obs, was, now) -> model.setTaken(s, now));
            // a ticked index is not made when indexes are left out on Options: said under it, the tick kept
            Label why = Ui.muted(Text.get("review.suggestions.why", s.why())
                    + (s.notCreated() == null ? "" : "\n" + Text.get("review.suggestions.not-created")));
            why.setWrapText(true);
            why.setPadding(new javafx.geometry.Insets(0, 0, 0, 26)); // under the text, past the box
            rows.getChildren().add(new VBox(2, box, why));
        }
    }
}
