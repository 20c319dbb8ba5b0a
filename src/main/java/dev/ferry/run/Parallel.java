package dev.ferry.run;

import dev.ferry.FerryException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one task per item on a few named threads and returns the results in the items' order. */
final class Parallel {

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
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(FerryException.Kind.INTERRUPTED, "The run was interrupted.",
                    "Run the same command again to start over.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new FerryException(FerryException.Kind.FAILED, "A worker failed: " + e.getCause(), null, e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
