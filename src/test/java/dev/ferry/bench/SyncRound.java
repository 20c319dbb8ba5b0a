package dev.ferry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's final sync (--sync): the benchmark's file migrated, then changed as a bot would
 * go on changing it (1 % of rows updated, 0.5 % deleted, 1 % inserted, a few parents renamed with
 * their children following), then `ferry sync`, each in a child JVM like the migrate. Prints the
 * sync's time as a fraction of the migrate's, measured in this one run (goal: at most 0.3). Works on
 * a copy of the file, so the benchmark's own file stays as generated.
 */
final class SyncRound {

    static final int RENAMED_PARENTS = 5;
    private static final long RENAME_BY = 10_000_000L;

    private SyncRound() {
    }

    /** Exit code: 0 when the sync ran and verified every table, 1 otherwise. */
    static int run(Path jar, Path generated, Path dir, String host, int port, String user, String password,
                   Runnable freshDatabase, Runnable checkpoint) throws Exception {
        Path file = dir.resolve("bench-sync.sqlite");
        Files.copy(generated, file, StandardCopyOption.REPLACE_EXISTING);
        String url = "postgresql://" + user + "@" + host + ":" + port + "/bench_sync";
        freshDatabase.run();
        checkpoint.run();
        System.out.println("[bench] sync 1/4: migrate (timed, child JVM " + FerryRun.XMX + ")");
        FerryRun migrate = FerryRun.launch(jar, password, "migrate", file.toString(), "--to", url, "--yes");
        System.out.printf("[bench]   migrate exited %d after %.2f s%n", migrate.exit(), CopyLimit.secs(migrate.nanos()));
        if (migrate.exit() != 0) {
            return 1;
        }
        System.out.println("[bench] sync 2/4: the app goes on writing (untimed)");
        change(file);
        checkpoint.run();
        System.out.println("[bench] sync 3/4: sync (timed, child JVM " + FerryRun.XMX + ")");
        FerryRun sync = FerryRun.launch(jar, password, "sync", file.toString(), "--to", url, "--yes");
        System.out.printf("[bench]   sync exited %d after %.2f s%n", sync.exit(), CopyLimit.secs(sync.nanos()));

        System.out.println("[bench] sync 4/4 summary");
        System.out.println("==================== Ferry final sync ====================");
        System.out.printf("migrate             %8.2f s (child JVM, start-up included)%n", CopyLimit.secs(migrate.nanos()));
        System.out.printf("sync                %8.2f s (child JVM, start-up included; %s)%n", CopyLimit.secs(sync.nanos()),
                sync.exit() == 0 ? "exit code 0: every table verified equal" : "exit code " + sync.exit() + ": FAILED");
        double ratio = (double) sync.nanos() / migrate.nanos();
        System.out.printf("ratio sync/migrate  %8.2f  (goal <= 0.30: %s)%n", ratio, ratio <= 0.3 ? "met" : "NOT met");
        if (sync.stoppedSecs() != null) {
            double own = Double.parseDouble(sync.stoppedSecs());
            System.out.printf("sync's own time     %8.2f s, %.2f of the migrate (what the summary says the app was stopped for)%n",
                    own, own / CopyLimit.secs(migrate.nanos()));
        }
        System.out.printf("peak heap           migrate %s MB, sync %s MB%n", migrate.peakMb(), sync.peakMb());
        System.out.println("==========================================================");
        return sync.exit() == 0 ? 0 : 1;
    }

    /** What a bot does meanwhile: exact shares of the child rows, spread over the whole table. */
    static void change(Path file) throws SQLException {
        try (Connection c = BenchData.open(file); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long rows = count(s, "child");
            int updated = s.executeUpdate("UPDATE child SET qty = qty + 1, label = 'changed ' || id WHERE id % 100 = 7");
            int deleted = s.executeUpdate("DELETE FROM child WHERE id % 200 = 13");
            int inserted = s.executeUpdate("INSERT INTO child (parent_id, qty, label, payload, score, created_at, active, token) "
                    + "SELECT parent_id, qty, label, payload, score, created_at, active, token FROM child WHERE id % 100 = 42");
            int renamed = s.executeUpdate("UPDATE parent SET id = id + " + RENAME_BY + " WHERE id <= " + RENAMED_PARENTS);
            int followed = s.executeUpdate("UPDATE child SET parent_id = parent_id + " + RENAME_BY + " WHERE parent_id <= "
                    + RENAMED_PARENTS);
            c.commit();
            System.out.printf("[bench]   child: %,d rows updated, %,d deleted, %,d inserted (of %,d); %d parents renamed, "
                    + "%,d children follow them%n", updated, deleted, inserted, rows, renamed, followed);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
