package dev.ferry.ui;

import javafx.scene.AccessibleRole;
import javafx.scene.layout.Region;

/**
 * One bar of the count picture: a track the width of its column, filled from the left by up to two
 * segments whose shares of the track come from {@link dev.ferry.verify.Bars}. The segments are laid
 * out at every resize, so the bar follows the window and equal counts always end at the same place.
 */
final class CountBar extends Region {

    private final Region first = new Region();
    private final Region second = new Region();
    private final double firstShare;
    private final double secondShare;

    /**
     * @param firstStyle  the first segment's style class ("bar-sent", "bar-arrived", "bar-missing")
     * @param secondShare the set-aside segment's share, 0 for none
     */
    CountBar(String firstStyle, double firstShare, double secondShare, String words) {
        this.firstShare = firstShare;
        this.secondShare = secondShare;
        getStyleClass().add("count-bar");
        first.getStyleClass().addAll("bar-segment", firstStyle);
        second.getStyleClass().addAll("bar-segment", "bar-aside");
        first.setVisible(firstShare > 0);
        second.setVisible(secondShare > 0);
        getChildren().addAll(first, second);
        setMinWidth(40);
        setPrefWidth(240);
        setMaxWidth(Double.MAX_VALUE);
        setMinHeight(14);
        setPrefHeight(14);
        setMaxHeight(14);
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleText(words);
    }

    /** The set-aside segment, or null when the bar has none. */
    Region setAside() {
        return secondShare > 0 ? second : null;
    }

    double firstShare() {
        return firstShare;
    }

    double secondShare() {
        return secondShare;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        double a = snapSizeX(w * firstShare);
        double b = snapSizeX(w * secondShare);
        first.resizeRelocate(x, y, a, h);
        second.resizeRelocate(x + a, y, Math.min(b, w - a), h);
    }
}
