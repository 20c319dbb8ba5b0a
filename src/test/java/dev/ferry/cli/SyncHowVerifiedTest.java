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

    @Test
    void aTableFoundByItsStoredRecordsSaysSoInsteadOfRowByRow() {
        TableCheck check = new TableCheck("child", "child", 10, 10, 7, 7, 0, 0);
        SyncResult r = new SyncResult(List.of(
                new SyncResult.Table("child", "child", 2, 1, 0, false, check, SyncResult.Proof.WRITTEN_ROWS, true, 3, null),
                new SyncResult.Table("parent", "parent", 0, 0, 0, false, check, SyncResult.Proof.COMPARED, true, 0, null)),
                Duration.ofSeconds(1));

        String said = SyncCommand.howVerified(r);

        assertEquals("  Checked after writing from the rows written (PostgreSQL read them back; every other row's stored "
                + "record was unchanged in the file, and PostgreSQL still held just what Ferry had written): child.\n"
                + "  Unchanged, so not read again (no row's stored record had changed in the file, and PostgreSQL still "
                + "held just what Ferry had written): parent.\n"
                + "  Changes found from the rows' stored records in the file (rows whose stored records are unchanged were "
                + "not read again): child (3 rows read), parent (0 rows read).\n", said);
    }
}
