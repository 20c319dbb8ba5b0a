package dev.ferry.appcode;

import java.util.Arrays;

/** Offsets to 1-based line numbers, so the lexers track offsets only and never miscount a line. */
final class Lines {

    private final int[] starts;

    Lines(String text) {
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // \r\n is one line end; a lone \r (old Mac files) is one too
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        starts = Arrays.copyOf(s, n);
    }

    int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
