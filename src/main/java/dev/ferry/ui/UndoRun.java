package dev.ferry.ui;

import dev.ferry.FerryException;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.run.Migration;
import dev.ferry.run.Undo;
import java.util.UUID;
import javafx.concurrent.Task;

/**
 * Undo in two steps, like the command line: {@code apply == false} only looks (what the run
 * created, whether rows were added since) so the page can ask first; {@code apply == true} drops.
 * When rows were added since and {@code force} is off, nothing is dropped and the outcome says so.
 */
final class UndoRun extends Task<UndoRun.Outcome> {

    /** What undo found, and whether it dropped it. */
    record Outcome(Undo undo, boolean applied) {
    }

    private final TargetAddress address;
    private final Secret password;
    private final String schema;
    private final UUID runId;
    private final boolean apply, force;

    UndoRun(TargetAddress address, Secret password, String schema, UUID runId, boolean apply, boolean force) {
        this.address = address;
        this.password = password;
        this.schema = schema;
        this.runId = runId;
        this.apply = apply;
        this.force = force;
        updateTitle(apply ? "undo" : "undo-look");
    }

    @Override
    protected Outcome call() {
        Undo undo = Migration.undoPreview(address, password, schema, runId);
        if (!apply || (!force && !undo.grown().isEmpty())) {
            return new Outcome(undo, false);
        }
        try {
            Migration.undo(address, password, undo, force);
        } catch (FerryException e) {
            if (!force && !undo.grown().isEmpty()) { // rows arrived between the look and the lock
                return new Outcome(undo, false);
            }
            throw e;
        }
        return new Outcome(undo, true);
    }
}
