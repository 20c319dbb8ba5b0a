package dev.ferry.ui;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word the wizard shows comes from one bundle, so a translation is one file. The bundle
 * writes apostrophes as ’ so that MessageFormat never swallows them.
 */
final class Text {

    static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.ferry.ui.messages");

    private Text() {
    }

    static String get(String key) {
        return BUNDLE.getString(key);
    }

    static String get(String key, Object... args) {
        return MessageFormat.format(BUNDLE.getString(key), args);
    }

    /** For keys built from data (a problem kind, a resolution): the fallback when none is written yet. */
    static String orElse(String key, String fallback) {
        try {
            return BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
