package dev.ferry.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * Runs the wizard's long work off the JavaFX thread, each task on a thread named after it so the
 * log and a thread dump say what is running. Daemon threads: closing the window ends the app.
 */
final class Jobs {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ferry-ui-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Jobs() {
    }

    static <T extends Task<?>> T start(T task) {
        POOL.execute(() -> {
            Thread.currentThread().setName("ferry-ui-" + task.getTitle());
            task.run();
        });
        return task;
    }

    /** A short call that may block (the desktop opening a folder), kept off the JavaFX thread. */
    static void run(String name, Runnable work) {
        POOL.execute(() -> {
            Thread.currentThread().setName("ferry-ui-" + name);
            work.run();
        });
    }
}
