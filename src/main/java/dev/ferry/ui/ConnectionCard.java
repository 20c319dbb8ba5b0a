package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import dev.ferry.run.ConnectionTest;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The Target page's answer to "Test connection", in plain marks: ✓ what is fine, ⚠/✗ what is not.
 * A styled VBox rather than a Card: it must grow with its wrapped lines beside the form.
 */
final class ConnectionCard extends VBox {

    private final TargetModel model;
    private final VBox report = new VBox(8);

    ConnectionCard(TargetModel model) {
        this.model = model;
        Label title = new Label(Text.get("target.result"));
        title.getStyleClass().add(Styles.TITLE_4);
        report.setId("connection-report");
        setSpacing(12);
        getStyleClass().add("panel");
        getChildren().addAll(title, report, new ErrorBox(model.failure()));
        model.report().addListener((obs, old, r) -> show());
        model.testing().addListener((obs, old, r) -> show());
        show();
    }

    private void show() {
        report.getChildren().clear();
        ConnectionTest r = model.report().get();
        if (r == null) {
            if (model.failure().get() == null) {
                report.getChildren().add(Ui.muted(Text.get(model.testing().get() ? "target.result.testing" : "target.result.none")));
            }
            return;
        }
        String who = model.user().get().trim();
        report.getChildren().add(Ui.mark(true, Text.get("target.ok.connected", r.serverVersion())));
        report.getChildren().add(r.encrypted() ? Ui.mark(true, Text.get("target.ok.encrypted"))
                : Ui.warning(model.local() ? Text.get("target.warn.unencrypted")
                : Text.get("target.warn.unencrypted.remote", model.host().get().trim())));
        report.getChildren().add(r.canCreate() ? Ui.mark(true, Text.get("target.ok.create", who))
                : Ui.mark(false, Text.get("target.bad.create", who)));
        report.getChildren().add(r.existing().isEmpty() ? Ui.mark(true, Text.get("target.ok.fresh"))
                : Ui.warning(Text.get("target.warn.existing", r.existing().size(), String.join(", ", r.existing()))));
    }
}
