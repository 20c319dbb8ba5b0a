package dev.ferry.run;

import dev.ferry.FerryException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one task per item on a few named threads and returns the results in the items' order.
 * The first task to fail (in the order they end, not the items') ends the map: the items not yet
 * started never start, and the ones running are waited for before the failure is thrown, so that
 * when a run says it stopped, nothing of it still writes. Tasks that watch a stop flag (the copy's
 * parts, at their next chunk) end within moments; the wait is bounded for those that cannot.
 */
final class Parallel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Parallel.class);

    /** How long running tasks are waited for after a failure, before they are interrupted (and waited for a little more). */
    static final long STOP_WAIT_SECONDS = 60;

    private Parallel() {
    }

    static <T, R> List<R> map(List<T> items, int threads, Function<T, R> task) {
        if (items.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
            Thread t = new Thread(r, "ferry-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<R>> futures = new ArrayList<>();
        AtomicBoolean failed = new AtomicBoolean(); // set by the failing worker itself, so its thread starts no other item
        try {
            CompletionService<R> ended = new ExecutorCompletionService<>(pool);
            for (T item : items) {
                futures.add(ended.submit(() -> {
                    if (failed.get()) {
                        throw new CancellationException("not started: another item failed");
                    }
                    try {
                        return task.apply(item);
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            for (int n = 0; n < items.size(); n++) {
                ended.take().get(); // the first failure, as soon as it happens
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            stop(pool, futures, true);
            Thread.currentThread().interrupt();
            throw new FerryException(FerryException.Kind.INTERRUPTED, "The run was interrupted.",
                    "Run the same command again to start over.", e);
        } catch (ExecutionException e) {
            stop(pool, futures, false);
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new FerryException(FerryException.Kind.FAILED, "A worker failed: " + e.getCause(), null, e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The items not started are dropped; the running ones are waited for, interrupted first when
     * {@code interrupt} (the caller was), else only once {@link #STOP_WAIT_SECONDS} have passed.
     */
    private static void stop(ExecutorService pool, List<? extends Future<?>> futures, boolean interrupt) {
        futures.forEach(f -> f.cancel(false)); // a running task goes on to its own end; a queued one never starts
        boolean interrupted = Thread.interrupted();
        if (interrupt) {
            pool.shutdownNow();
        } else {
            pool.shutdown();
        }
        try {
            if (!pool.awaitTermination(interrupt ? 10 : STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("workers still running {} s after the first failure; interrupting them", STOP_WAIT_SECONDS);
                pool.shutdownNow(); // wakes one waiting out a back-off
                if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("workers still running after being interrupted; going on without them");
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            pool.shutdownNow();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
