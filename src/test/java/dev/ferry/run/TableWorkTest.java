package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.plan.TablePlan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the run relies on when it starts a table's check or ANALYZE as that table's copy ends. */
class TableWorkTest {

    private static TablePlan table(String name, long rows) {
        return new TablePlan(null, name, List.of(), rows);
    }

    @Test
    void eachTableIsWorkedOnceAndTheResultsComeInTheOrderAskedFor() {
        TablePlan a = table("a", 10), b = table("b", 20), c = table("c", 30);
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        TableWork<String> work = new TableWork<>("test-work", 2, t -> {
            runs.computeIfAbsent(t.target(), k -> new AtomicInteger()).incrementAndGet();
            return t.target().toUpperCase();
        }, new AtomicBoolean());
        work.start(b); // its copy's two parts ended at the same moment: told twice
        work.start(b);
        assertEquals(List.of("C", "A", "B"), work.all(List.of(c, a, b)));
        assertEquals(Map.of("a", 1, "b", 1, "c", 1), Map.of("a", runs.get("a").get(), "b", runs.get("b").get(),
                "c", runs.get("c").get()));
    }

    @Test
    void theFirstFailureIsWhatTheRunReportsAndTheTablesNotStartedNeverStart() throws Exception {
        TablePlan bad = table("bad", 10), waiting = table("waiting", 20);
        FerryException lost = new FerryException(FerryException.Kind.TARGET, "the server went away", null);
        AtomicBoolean failed = new AtomicBoolean(), waitingRan = new AtomicBoolean();
        CountDownLatch badStarted = new CountDownLatch(1);
        TableWork<String> work = new TableWork<>("test-work", 1, t -> {
            if (t == bad) {
                badStarted.countDown();
                throw lost;
            }
            waitingRan.set(true);
            return "ran";
        }, failed);
        work.start(bad);
        assertTrue(badStarted.await(10, TimeUnit.SECONDS));
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> work.all(List.of(waiting, bad)));
        assertSame(lost, thrown, "the failure itself, not the table that never started because of it");
        assertTrue(failed.get(), "the others are told to stop");
        assertFalse(waitingRan.get(), "a table queued behind the failure started anyway");
    }
}
