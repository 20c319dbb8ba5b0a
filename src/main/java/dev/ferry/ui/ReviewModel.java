package dev.ferry.ui;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.Resolutions;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Naming;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 4: the engine's plan, and the user's say in it: the identifier style, a PostgreSQL type
 * per column and a resolution per problem that offers a choice. Every change plans again, so what the page shows is exactly what will run.
 */
final class ReviewModel implements StepModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewModel.class);

    private final SourceModel source;
    private final ObjectProperty<Naming.Style> naming = new SimpleObjectProperty<>(Naming.Style.LOWER);
    private final Map<String, PgType> overrides = new HashMap<>();
    private Resolutions resolutions = Resolutions.DEFAULTS;
    private final javafx.collections.ObservableSet<String> excluded = javafx.collections.FXCollections.observableSet();
    private final java.util.Set<String> suggestions = new java.util.TreeSet<>(); // ticked, as --suggest names them
    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper ddl = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper typeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changedTypes = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper();
    private Preflight running;
    private List<Object> planned;

    ReviewModel(SourceModel source) {
        this.source = source;
        naming.addListener((obs, old, now) -> replan());
        blocker.bind(Bindings.createStringBinding(() -> planning.get() ? Text.get("review.blocker.busy")
                : failure.get() != null ? Text.get("review.blocker.failed")
                : plan.get() == null ? Text.get("review.blocker.busy")
                : plan.get().tables().stream().noneMatch(this::included) ? Text.get("review.blocker.none") : "",
                planning, failure, plan, excluded));
    }

    @Override
    public void entered(boolean forward) {
        if (!inputs().equals(planned)) {
            replan();
        }
    }

    private List<Object> inputs() {
        return List.of(Objects.requireNonNull(source.file().get()), naming.get(), Map.copyOf(overrides), resolutions,
                java.util.Set.copyOf(suggestions));
    }

    private void replan() {
        if (source.file().get() == null) {
            return;
        }
        planned = inputs();
        failure.set(null);
        planning.set(true);
        changedTypes.set(!overrides.isEmpty());
        Preflight task = new Preflight(source.file().get(), naming.get(), Map.copyOf(overrides), resolutions,
                java.util.Set.copyOf(suggestions));
        running = task;
        message.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            if (running == task) {
                Plan p = task.getValue().plan();
                excluded.removeIf(n -> p.table(n).isEmpty());
                suggestions.removeIf(id -> p.taken().stream().noneMatch(s -> s.named(id))); // one made moot is unticked
                plan.set(p);
                ddl.set(excluded.isEmpty() ? task.getValue().ddl() : new dev.ferry.postgres.Ddl(p.schema()).script(p.excluding(excluded)));
                planning.set(false);
            }
        });
        task.setOnFailed(e -> {
            if (running == task) {
                LOG.warn("Preflight failed", task.getException());
                plan.set(null);
                failure.set(Failure.of(task.getException()));
                planning.set(false);
            }
        });
        Jobs.start(task);
    }

    /** The user typed or picked a type: checked as PostgreSQL text, then planned again with it. */
    void setType(TablePlan table, ColumnPlan column, String text) {
        typeError.set("");
        PgType type;
        try {
            type = PgType.parse(text);
        } catch (IllegalArgumentException e) {
            typeError.set(e.getMessage());
            return;
        }
        if (type.sql().equals(column.type().sql())) {
            return;
        }
        overrides.put((table.source().name() + "." + column.source().name()).toLowerCase(Locale.ROOT), type);
        replan();
    }

    /** Another file is coming: its types, problems and tables are its own, so the last file's choices go. */
    void forgetChoices() {
        if (running != null) {
            running.cancel();
            running = null;
        }
        overrides.clear();
        resolutions = Resolutions.DEFAULTS;
        excluded.clear();
        suggestions.clear();
        typeError.set("");
        planned = null;
        plan.set(null);
        ddl.set("");
        failure.set(null);
        planning.set(false);
    }

    void resetTypes() {
        overrides.clear();
        typeError.set("");
        replan();
    }

    /** The choices a problem offers: its kind's resolutions, the loss-free default first; else what Ferry does. */
    List<String> resolutions(Problem p) {
        return p.choosable() ? p.kind().resolutions() : List.of(p.resolution());
    }

    /** The user chose how one column's problem is resolved: planned again with it. */
    void setResolution(Problem p, String resolution) {
        if (resolution == null || resolution.equals(p.resolution()) || !p.choosable()) {
            return;
        }
        resolutions = resolutions.with(p.kind(), p.table(), p.column(), resolution);
        replan();
    }

    Resolutions resolutions() {
        return resolutions;
    }

    /** The user ticked or unticked a table: no new preflight, the DDL preview follows at once. */
    void setIncluded(TablePlan table, boolean included) {
        String name = table.source().name().toLowerCase(Locale.ROOT);
        if (included ? excluded.remove(name) : excluded.add(name)) {
            Plan p = plan.get();
            if (p != null) {
                ddl.set(new dev.ferry.postgres.Ddl(p.schema()).script(p.excluding(excluded)));
            }
        }
    }

    boolean included(TablePlan table) {
        return !excluded.contains(table.source().name().toLowerCase(Locale.ROOT));
    }

    /** SQLite tables left out, by name in lower case. */
    java.util.Set<String> excluded() {
        return java.util.Set.copyOf(excluded);
    }

    /** The user ticked or unticked one of "Ferry could also…": planned again with it. */
    void setTaken(dev.ferry.plan.Suggestion s, boolean taken) {
        if (taken ? suggestions.add(s.id()) : suggestions.remove(s.id())) {
            replan();
        }
    }

    /** The suggestions ticked, as --suggest names them. */
    java.util.Set<String> suggestions() {
        return java.util.Set.copyOf(suggestions);
    }

    Map<String, PgType> overrides() {
        return Map.copyOf(overrides);
    }

    ObjectProperty<Naming.Style> naming() { return naming; }
    ReadOnlyObjectProperty<Plan> plan() { return plan.getReadOnlyProperty(); }
    ReadOnlyStringProperty ddl() { return ddl.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Failure> failure() { return failure.getReadOnlyProperty(); }
    ReadOnlyStringProperty typeError() { return typeError.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty planning() { return planning.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty changedTypes() { return changedTypes.getReadOnlyProperty(); }
    ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }

    @Override
    public ReadOnlyStringProperty blocker() {
        return blocker.getReadOnlyProperty();
    }
}
