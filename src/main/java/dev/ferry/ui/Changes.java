package dev.ferry.ui;

import dev.ferry.plan.Plan;
import dev.ferry.run.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * "What changed" on the Results page in plain lines. Names that only follow the identifier style
 * (Album → album) are one summary line, not a line each: they are expected, and a hundred of them
 * would bury the renames that matter.
 */
final class Changes {

    private Changes() {
    }

    static List<String> lines(Result r) {
        List<String> out = new ArrayList<>();
        List<Plan.Rename> style = r.plan().renames().stream().filter(n -> n.reason().equals("identifier style")).toList();
        if (!style.isEmpty()) {
            String examples = String.join(", ", style.stream().limit(3).map(n -> n.from() + " \u2192 " + n.to()).toList());
            out.add(Ui.OK + " " + Text.get("results.renames.style", style.size(), examples));
        }
        r.plan().renames().stream().filter(n -> !style.contains(n)).forEach(n -> out.add(Text.get("results.rename",
                n.kind(), n.table() == null ? n.from() : n.table() + "." + n.from(), n.to(), n.reason())));
        r.problems().forEach(p -> out.add(ProblemsTable.kind(p) + ": " + Advice.sentence(p.message())));
        if (r.rejects() != null) {
            out.add(Ui.WARN + " " + Text.get("results.rejects", r.rejectedRows(), r.rejects().toString()));
        }
        return out;
    }
}
