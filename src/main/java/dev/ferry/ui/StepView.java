package dev.ferry.ui;

import javafx.scene.Node;

/** A step's page, built in code once; the frame shows it and gives focus to its first control. */
interface StepView {

    Node root();

    /** The control keyboard users start from on this page; null leaves focus on Next. */
    default Node firstFocus() {
        return null;
    }
}
