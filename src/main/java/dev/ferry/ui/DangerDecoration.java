package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * ControlsFX validation shown the AtlantaFX way (the field's own red outline, so it follows the
 * theme), and only on fields the user has left or tried to use: a fresh form is not a wall of
 * errors. The words are the same ones the reason beside Next shows.
 */
final class DangerDecoration implements ValidationDecoration {

    private static final String TOUCHED = "ferry.touched";

    static void touch(Control c) {
        c.getProperties().put(TOUCHED, Boolean.TRUE);
    }

    @Override
    public void removeDecorations(Control target) {
        target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
    }

    @Override
    public void applyValidationDecoration(ValidationMessage message) {
        Control c = message.getTarget();
        c.pseudoClassStateChanged(Styles.STATE_DANGER, message.getSeverity() == Severity.ERROR
                && c.getProperties().containsKey(TOUCHED));
    }

    @Override
    public void applyRequiredDecoration(Control target) {
        // every field of the form is needed; the labels and the reason beside Next say so
    }
}
