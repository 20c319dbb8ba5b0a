package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.TablePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Work per table started as soon as that table's own copy ends (its check, its ANALYZE): a small
 * table is done while the big ones are still being copied, instead of every table waiting for the
 * last row of the last one and then crowding the end. The first task to fail ends the rest, as in
 * {@link Parallel}: the ones not started never start, the running ones are waited for.
 */
final class TableWork<R> {

    private final ExecutorService pool;
    private final Function<TablePlan, R> task;
    // by target name: a table planned again during the copy is asked for with a new TablePlan of the same name
    private final Map<String, Future<R>> started = new java.util.HashMap<>();
    private final AtomicBoolean failed;
    private final AtomicReference<RuntimeException> first = new AtomicReference<>();

    /** {@code failed} is set when a task fails, for whoever else should stop then; {@code thread}: the threads' name. */
    TableWork(String thread, int jobs, Function<TablePlan, R> task, AtomicBoolean failed) {
        this.task = task;
        this.failed = failed;
        this.pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the task of {@code t} unless it started already (its copy's parts may end at the same moment). */
    synchronized void start(TablePlan t) {
        if (pool.isShutdown()) {
            return; // the run stopped
        }
        started.computeIfAbsent(t.target(), name -> pool.submit(() -> {
            if (failed.get()) {
                throw new CancellationException("not started: another table's task failed");
            }
            try {
                return task.apply(t);
            } catch (RuntimeException e) {
                first.compareAndSet(null, e);
                failed.set(true);
                throw e;
            } catch (Error e) {
                failed.set(true);
                throw e;
            }
        }));
    }

    /** Starts the tasks of {@code tables} not started yet, in that order, and returns each one's result in that order. */
    List<R> all(List<TablePlan> tables) {
        tables.forEach(this::start);
        List<R> out = new ArrayList<>();
        try {
            for (TablePlan t : tables) {
                Future<R> f;
                synchronized (this) {
                    f = started.get(t.target());
                }
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(FerryException.Kind.INTERRUPTED, "The run was interrupted.",
                    "Run the same command again to start over.", e);
        } catch (ExecutionException | CancellationException e) {
            // the task that failed first is what the run reports, not one that never started because of it
            Throwable cause = first.get() != null ? first.get() : e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re
                    : new FerryException(FerryException.Kind.FAILED, "A worker failed: " + cause, null, cause);
        } finally {
            stop();
        }
    }

    /** Drops the tasks not started and waits for the running ones, so nothing of a stopped run still reads. */
    void stop() {
        synchronized (this) {
            started.values().forEach(f -> f.cancel(false));
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(Parallel.STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
