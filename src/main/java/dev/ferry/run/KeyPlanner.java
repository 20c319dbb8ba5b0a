package dev.ferry.run;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.translate.IndexTranslator;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.schema.ForeignKey;
import dev.ferry.schema.Index;
import dev.ferry.postgres.Naming;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Plans primary keys, unique constraints, indexes and foreign keys with their PostgreSQL names. */
final class KeyPlanner {

    private KeyPlanner() {
    }

    static List<Plan.IndexPlan> indexes(List<TablePlan> tables, Naming naming, Set<String> usedRelations,
                                        List<Problem> problems, dev.ferry.translate.SqlScope scope) {
        List<Plan.IndexPlan> out = new ArrayList<>();
        for (TablePlan t : tables) {
            List<String> pk = t.source().primaryKey();
            if (!pk.isEmpty()) {
                List<String> cols = pk.stream().map(c -> t.column(c).target()).toList();
                out.add(new Plan.IndexPlan(null, t, name(naming, usedRelations, t.target() + "_pkey"), cols,
                        Collections.nCopies(cols.size(), false), true, Index.Origin.PRIMARY_KEY, null));
            }
            for (Index i : t.source().indexes()) {
                if (i.origin() == Index.Origin.PRIMARY_KEY) {
                    continue;
                }
                String skip = null, where = null;
                List<String> cols, exprs = List.of();
                List<Boolean> desc = i.descending();
                if (IndexTranslator.needed(i)) { // partial, expressions, COLLATE: from its SQL, translated
                    IndexTranslator.Result r = IndexTranslator.translate(i.sql(), scope, t);
                    skip = r.failure();
                    cols = r.columns();
                    exprs = r.expressions();
                    desc = r.descending();
                    where = r.where();
                } else {
                    cols = i.columns().stream().map(c -> t.column(c).target()).toList();
                }
                String wanted = i.origin() == Index.Origin.UNIQUE_CONSTRAINT
                        ? t.target() + "_" + String.join("_", cols) + "_key" : naming.apply(i.name());
                String name = name(naming, usedRelations, wanted);
                if (skip != null) {
                    problems.add(new Problem(t.source().name(), null, Problem.Kind.INDEX_NOT_CREATED, 0, "report",
                            i.sql() == null ? List.of() : List.of(i.sql()), "Index " + i.name() + " is not created: "
                            + skip + ". Its SQL is in the report."));
                }
                out.add(new Plan.IndexPlan(i, t, name, cols, desc, i.unique(), i.origin(), skip, exprs, where));
            }
        }
        return List.copyOf(out);
    }

    static List<Plan.ForeignKeyPlan> foreignKeys(List<TablePlan> tables, List<Plan.IndexPlan> indexes,
                                                 List<Problem> problems) {
        List<Plan.ForeignKeyPlan> out = new ArrayList<>();
        for (TablePlan t : tables) {
            Set<String> used = new HashSet<>();
            for (ForeignKey fk : t.source().foreignKeys()) {
                List<String> cols = fk.fromColumns().stream().map(c -> t.column(c).target()).toList();
                String name = t.target() + "_" + String.join("_", cols) + "_fkey";
                for (int n = 1; !used.add(name); n++) {
                    name = t.target() + "_" + String.join("_", cols) + "_fkey" + n;
                }
                TablePlan parent = tables.stream().filter(p -> p.source().name().equalsIgnoreCase(fk.toTable()))
                        .findFirst().orElse(null);
                String skip = null;
                List<String> parentCols = List.of();
                if (parent == null) {
                    skip = "it refers to table " + fk.toTable() + ", which is not being migrated";
                } else {
                    List<String> srcCols = fk.toColumns().isEmpty() ? parent.source().primaryKey() : fk.toColumns();
                    if (srcCols.size() != cols.size() || srcCols.stream().anyMatch(c -> parent.source().column(c).isEmpty())) {
                        skip = "its columns do not match a key of " + fk.toTable();
                    } else {
                        parentCols = srcCols.stream().map(c -> parent.column(c).target()).toList();
                        if (!unique(indexes, parent, parentCols)) {
                            skip = "PostgreSQL needs the referenced columns of " + fk.toTable() + " to be unique, and they are not";
                        }
                    }
                }
                if (skip != null) {
                    problems.add(new Problem(t.source().name(), String.join(",", fk.fromColumns()),
                            Problem.Kind.FOREIGN_KEY_NOT_CREATED, 0, "report", List.of(), "The foreign key from "
                            + t.source().name() + " (" + String.join(", ", fk.fromColumns()) + ") is not created: " + skip + "."));
                }
                out.add(new Plan.ForeignKeyPlan(t, name, cols, parent, parentCols, fk.onDelete(), fk.onUpdate(), skip));
            }
        }
        return List.copyOf(out);
    }

    private static boolean unique(List<Plan.IndexPlan> indexes, TablePlan parent, List<String> cols) {
        return indexes.stream().anyMatch(i -> i.table() == parent && i.unique() && i.skipReason() == null
                && i.where() == null && i.columns().size() == cols.size() && new HashSet<>(i.columns()).equals(new HashSet<>(cols)));
    }

    static String name(Naming naming, Set<String> used, String wanted) {
        String n = naming.assign(List.of(wanted), used).get(wanted);
        used.add(n);
        return n;
    }

    static ColumnPlan identityColumn(TablePlan t) {
        return t.columns().stream().filter(ColumnPlan::identity).findFirst().orElse(null);
    }
}
