package dev.ferry.run;

import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.TargetTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order a data-only run loads tables in (and undo deletes them in, reversed): by the foreign
 * keys of the app's schema, parents before children.
 */
final class LoadOrder {

    private LoadOrder() {
    }

    /**
     * The tables in levels: each level's tables refer only to tables of earlier levels, so loading
     * level by level (tables of one level in parallel) never adds a child before its parent. A table
     * referring to itself stays in its level (its rows keep SQLite's order); where tables refer to each
     * other in a cycle, the one waiting for the fewest others goes first, alone, and the order goes on.
     */
    static List<List<TablePlan>> levels(List<TablePlan> tables, List<TargetTables.Reference> refs) {
        return levels(tables, TablePlan::target, refs.stream().filter(r -> !empty(tables, r)).toList());
    }

    /** Whether the referring columns hold no value in SQLite at all: then the reference asks for no order. */
    private static boolean empty(List<TablePlan> tables, TargetTables.Reference r) {
        TablePlan child = tables.stream().filter(t -> t.target().equals(r.child())).findFirst().orElse(null);
        return child != null && !r.columns().isEmpty() && r.columns().stream().allMatch(col -> child.columns().stream()
                .anyMatch(c -> c.target().equals(col) && c.profile() != null && c.profile().nonNull() == 0));
    }

    static <T> List<List<T>> levels(List<T> tables, java.util.function.Function<T, String> nameOf,
                                    List<TargetTables.Reference> refs) {
        Map<String, T> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(nameOf.apply(t), t));
        Map<String, Set<String>> parents = new HashMap<>();
        for (TargetTables.Reference r : refs) {
            if (byName.containsKey(r.child()) && byName.containsKey(r.parent()) && !r.child().equals(r.parent())) {
                parents.computeIfAbsent(r.child(), k -> new HashSet<>()).add(r.parent());
            }
        }
        List<List<T>> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (placed.size() < byName.size()) {
            List<String> level = new ArrayList<>();
            for (String name : byName.keySet()) {
                if (!placed.contains(name) && placed.containsAll(parents.getOrDefault(name, Set.of()))) {
                    level.add(name);
                }
            }
            if (level.isEmpty()) { // a cycle: the table waiting for the fewest others goes alone, and the rest follow
                String next = byName.keySet().stream().filter(n -> !placed.contains(n))
                        .min(java.util.Comparator.comparingLong(n -> parents.getOrDefault(n, Set.of()).stream()
                                .filter(p -> !placed.contains(p)).count())).orElseThrow();
                level.add(next);
            }
            placed.addAll(level);
            out.add(level.stream().map(byName::get).toList());
        }
        return out;
    }

    /** Words for tables that refer to each other in a cycle, or null when there is none. */
    static String cycles(List<TablePlan> tables, List<TargetTables.Reference> all) {
        List<TargetTables.Reference> refs = all.stream().filter(r -> !empty(tables, r)).toList();
        Set<String> known = new HashSet<>();
        tables.forEach(t -> known.add(t.target()));
        Map<String, Set<String>> parents = new HashMap<>();
        refs.stream().filter(r -> known.contains(r.child()) && known.contains(r.parent()) && !r.child().equals(r.parent()))
                .forEach(r -> parents.computeIfAbsent(r.child(), k -> new HashSet<>()).add(r.parent()));
        Set<String> names = new java.util.TreeSet<>();
        for (String t : known) { // t is in a cycle when following its parents leads back to it
            Set<String> seen = new HashSet<>();
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(parents.getOrDefault(t, Set.of()));
            while (!todo.isEmpty()) {
                String p = todo.pop();
                if (p.equals(t)) {
                    names.add(t);
                    break;
                }
                if (seen.add(p)) {
                    todo.addAll(parents.getOrDefault(p, Set.of()));
                }
            }
        }
        List<TargetTables.Reference> inCycle = refs.stream().filter(r -> names.contains(r.child()) && names.contains(r.parent())
                && !r.child().equals(r.parent())).toList();
        if (inCycle.isEmpty()) {
            return null;
        }
        return "Tables " + String.join(", ", names) + " refer to each other in a cycle, so no order loads every parent "
                + "first: they are loaded one after another, the one waiting for the fewest others first. A row whose "
                + "parent comes later is refused, and the run stops (ferry undo removes the rows loaded so far); then "
                + "leave the references empty in SQLite for the load, or load those tables with your app.";
    }
}
