package dev.ferry.appcode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Ruby: # comments and =begin/=end blocks; '...' (only \\ and \' are escapes); "..." with escapes
 * and {@code #{expr}} interpolations; %q(...) and %Q(...) / %(...); heredocs {@code <<~SQL},
 * {@code <<-SQL}, {@code <<SQL} (quoted {@code <<~'SQL'} has no interpolation). A heredoc's body
 * is read from the line after its opener, and the literal sits at the opener, where the call is.
 * A regular expression literal ({@code =~ /'/}) is skipped whole.
 */
final class RubyLexer extends CodeLexer {

    /** Words after which a slash starts a regular expression rather than a division. */
    private static final Set<String> BEFORE_REGEX = Set.of("if", "unless", "when", "and", "or",
            "not", "return", "then", "else", "elsif", "while", "until", "puts", "p");

    /** A heredoc opened on the current line: its body begins at the next line break. */
    private record Heredoc(int start, String name, boolean indentedEnd, boolean interp) {
    }

    private final List<Heredoc> pending = new ArrayList<>();

    RubyLexer(String source) {
        super(source);
    }

    @Override
    protected boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '@';
    }

    @Override
    protected boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '?' || c == '!';
    }

    @Override
    protected void newline() {
        if (pending.isEmpty()) {
            return;
        }
        i++;
        for (Heredoc h : pending) {
            heredocBody(h);
        }
        pending.clear();
        i--; // the loop steps over the last line break read
    }

    @Override
    protected boolean comment() {
        if ((i == 0 || s.charAt(i - 1) == '\n') && at("=begin")) {
            int end = s.indexOf("\n=end", i);
            i = end < 0 ? n : end + 5;
            return true;
        }
        return lineComment("#");
    }

    @Override
    protected boolean literal() {
        char c = s.charAt(i);
        int start = i;
        if (c == '\'') {
            i++;
            string(start, body("'", Esc.QUOTE_ONLY, false, false, Interp.NONE, 1));
        } else if (c == '"') {
            i++;
            string(start, body("\"", Esc.DECODE, false, false, Interp.HASH_BRACE, 1));
        } else if (c == '%' && percentLiteral()) {
            return true;
        } else if (at("<<") && heredocOpener()) {
            return true;
        } else {
            return regex(BEFORE_REGEX);
        }
        return true;
    }

    private boolean percentLiteral() {
        int k = i + 1;
        char kind = peek(1);
        if (kind == 'q' || kind == 'Q') {
            k++;
        } else if (kind != '(' && kind != '{' && kind != '[') {
            return false;
        }
        if (k >= n || "({[<|!/".indexOf(s.charAt(k)) < 0) {
            return false;
        }
        char open = s.charAt(k);
        String close = switch (open) {
            case '(' -> ")";
            case '{' -> "}";
            case '[' -> "]";
            case '<' -> ">";
            default -> String.valueOf(open);
        };
        int start = i;
        i = k + 1;
        boolean interp = kind != 'q';
        string(start, body(close, interp ? Esc.DECODE : Esc.QUOTE_ONLY, false, false,
                interp ? Interp.HASH_BRACE : Interp.NONE, 1));
        return true;
    }

    private boolean heredocOpener() {
        int k = i + 2;
        String flavour = "plain";
        if (k < n && (s.charAt(k) == '~' || s.charAt(k) == '-')) {
            flavour = s.charAt(k) == '~' ? "squiggly" : "dash";
            k++;
        }
        boolean quoted = k < n && (s.charAt(k) == '\'' || s.charAt(k) == '"');
        char q = quoted ? s.charAt(k) : 0;
        int nameStart = quoted ? k + 1 : k;
        int nameEnd = nameStart;
        while (nameEnd < n && (Character.isLetterOrDigit(s.charAt(nameEnd)) || s.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        // <<SQL needs an upper-case name, or it is a shift (x << y) or an append (list << item)
        if (nameEnd == nameStart || (!quoted && flavour.equals("plain") && !Character.isUpperCase(s.charAt(nameStart)))) {
            return false;
        }
        // after a name, as Ruby reads it: "execute <<SQL" opens a heredoc, "rows<<ITEM" appends
        if (!quoted && flavour.equals("plain") && last() != null && last().kind() == Token.Kind.WORD
                && (i == 0 || !Character.isWhitespace(s.charAt(i - 1)))) {
            return false;
        }
        String name = s.substring(nameStart, nameEnd);
        int end = quoted ? nameEnd + 1 : nameEnd;
        pending.add(new Heredoc(i, name, !flavour.equals("plain"), !(quoted && q == '\'')));
        out.add(Token.string(i, s.substring(i, end), List.of())); // its parts are read with the body
        i = end;
        return true;
    }

    private void heredocBody(Heredoc h) {
        int k = i;
        int bodyEnd = n;
        int after = n;
        while (k < n) {
            int eol = s.indexOf('\n', k);
            int lineEnd = eol < 0 ? n : eol;
            String lineText = s.substring(k, lineEnd).replace("\r", "");
            if ((h.indentedEnd() ? lineText.strip() : lineText).equals(h.name())) {
                bodyEnd = k;
                after = eol < 0 ? n : eol + 1;
                break;
            }
            k = eol < 0 ? n : eol + 1;
        }
        List<Candidate.Part> parts = bodyOf(s, i, bodyEnd, h.interp() ? Esc.DECODE : Esc.NONE,
                h.interp() ? Interp.HASH_BRACE : Interp.NONE);
        i = after;
        for (int t = out.size() - 1; t >= 0; t--) {
            if (out.get(t).kind() == Token.Kind.STRING && out.get(t).start() == h.start()) {
                out.set(t, Token.string(h.start(), out.get(t).text(), parts));
                break;
            }
        }
    }
}
