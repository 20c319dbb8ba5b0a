package dev.ferry.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/** What the wizard's frame needs from each step: may Next go on, and if not, why. */
interface StepModel {

    ReadOnlyBooleanProperty IDLE = new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();

    /** Empty when Next may go on; otherwise one plain sentence saying what is missing. */
    ReadOnlyStringProperty blocker();

    /** True while leaving the step would abandon work under way: Back waits. */
    default ReadOnlyBooleanProperty busy() {
        return IDLE;
    }

    /** The step is shown; {@code forward} when the user came from the step before it. */
    default void entered(boolean forward) {
    }

    /** The bundle key of the Next button's text on this step. */
    default String nextKey() {
        return "nav.next";
    }
}
