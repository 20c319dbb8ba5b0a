package dev.ferry.ui;

import dev.ferry.FerryException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What to do, in the wizard's words. The engine's advice is written for the command line (its
 * options, PGPASSWORD, the terminal); the wizard has fields, pages and buttons instead. A tagged
 * case has its own sentence in the bundle; untagged advice that names the command line's ways is
 * recognised by the option it names and told as the page that offers the same choice.
 */
final class Advice {

    /** Words that belong to the command line only; none may reach a page of the wizard. */
    static final Pattern COMMAND_LINE = Pattern.compile("--[a-z]|PGPASSWORD|\\.pgpass|terminal|\\bferry [a-z]");

    /** The command line's way (a phrase in its advice) and the wizard's key for the same choice, first match wins. */
    private static final List<String[]> WAYS = List.of(
            new String[] {"--resume", "advice.resume"},
            new String[] {"Resume in the wizard", "advice.resume"},
            new String[] {"--if-exists", "advice.if-exists"},
            new String[] {"--on-problem", "advice.on-problem"},
            new String[] {"--type", "advice.type"},
            new String[] {"--names", "advice.same-choices"},
            new String[] {"ferry undo", "advice.undo"},
            new String[] {"--schema", "advice.schema"});

    /** "To make it uuid anyway: --type users.token=uuid", the end of a thing to know (see plan.UuidText). */
    private static final Pattern TYPE_ANYWAY = Pattern.compile("To make it (\\S+) anyway: --type (\\S+)=\\S+");

    private Advice() {
    }

    static String of(FerryException f) {
        String own = f.tag() == null ? null : Text.orElse("advice." + f.tag(), null);
        return own != null ? own : inWizardWords(f.advice());
    }

    /** The advice as it stands when it speaks of no command-line way, else the wizard's words for it. */
    static String inWizardWords(String advice) {
        if (advice == null || !COMMAND_LINE.matcher(advice).find()) {
            return advice;
        }
        for (String[] way : WAYS) {
            if (advice.contains(way[0])) {
                return Text.get(way[1]);
            }
        }
        return Text.get("advice.command-line");
    }

    /** A sentence of the engine's (a failure's message, a note in the live log) with "ferry undo …" told as Undo. */
    static String sentence(String text) {
        if (text == null || !COMMAND_LINE.matcher(text).find()) {
            return text;
        }
        java.util.regex.Matcher type = TYPE_ANYWAY.matcher(text);
        if (type.find()) { // a thing to know ends with how to choose the type: on Review, that is the Tables tab
            text = text.substring(0, type.start()) + Text.get("advice.type.anyway", type.group(1), type.group(2))
                    + text.substring(type.end());
        }
        return text.replaceAll("\\(ferry undo --run \\S+ removes what it creates\\)", Text.get("advice.note.undo"))
                .replaceAll("`?ferry undo[^`.,;)]*`?", Text.get("advice.undo.name"));
    }
}
