package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.run.SyncResult;
import dev.ferry.verify.TableCheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sync's summary names, per way of checking, the tables checked that way, so "verified" says what it is. */
class SyncHowVerifiedTest {

    private static SyncResult.Table table(String name, long changed, SyncResult.Proof proof) {
        return new SyncResult.Table(name, name, changed, 0, 0, false, new TableCheck(name, name, 10, 10, 7, 7, 0, 0), proof);
    }

    @Test
    void eachWayOfCheckingIsSaidWithItsTables() {
        SyncResult r = new SyncResult(List.of(table("child", 5, SyncResult.Proof.WRITTEN_ROWS),
                table("tag", 1, SyncResult.Proof.READ_AGAIN), table("parent", 0, SyncResult.Proof.COMPARED),
                table("log", 0, SyncResult.Proof.COMPARED)), Duration.ofSeconds(1));

        assertEquals("  Checked again after writing (PostgreSQL read every row once more): tag.\n"
                + "  Checked after writing from the rows written (PostgreSQL read them back; the other rows had just matched "
                + "row by row): child.\n"
                + "  Unchanged, so not read again (the comparison had just matched them row by row): parent, log.\n",
                SyncCommand.howVerified(r));
    }
}
