package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's advice that names the command line's ways (copied here as the engine writes it)
 * becomes the wizard's words for the same choice; advice that suits every face stays as it is.
 */
class AdviceTest {

    @Test
    void commandLineAdviceBecomesTheWizardsWays() {
        List<String> engine = List.of(
                "Continue where it stopped with the same command plus --resume (or Resume in the wizard), or remove what was copied with ferry undo.",
                "Nothing was changed. Use --if-exists append to add the rows to them, truncate to empty them first, replace to drop and recreate them, or --schema NAME to migrate into another schema.",
                "Use --if-exists replace to recreate the table, --type TABLE.COLUMN=TYPE to copy a type that fits, or --schema NAME to migrate into another.",
                "Choose --type for that column as bytea to keep the bytes exactly, or fix the text in SQLite.",
                "Choose another resolution (--on-problem does-not-fit=null).",
                "Remove what the run left with ferry undo, then migrate again.",
                "Ask an administrator to run: GRANT CREATE ON SCHEMA \"s\" TO \"u\"; or choose a schema you own (--schema), or another user.",
                "Free some disk space or choose another file with --rejects, then resume.");
        for (String advice : engine) {
            String shown = Advice.inWizardWords(advice);
            assertFalse(Advice.COMMAND_LINE.matcher(shown).find(), shown);
        }
        assertTrue(Advice.inWizardWords(engine.get(0)).contains("Resume"));
        assertTrue(Advice.inWizardWords(engine.get(1)).contains("Options page"));
        assertTrue(Advice.inWizardWords(engine.get(3)).contains("Review"));
    }

    /** Issue #16: UUIDs kept as text end with the option that makes them uuid; Review has a type list for it. */
    @Test
    void uuidsKeptAsTextSayWhereToChooseUuid() {
        String engine = "users.token stays text: 3 of 4 values are UUIDs written in upper case; as uuid they would come "
                + "back in lower case with hyphens (8-4-4-4-12). To make it uuid anyway: --type users.token=uuid";
        assertEquals("users.token stays text: 3 of 4 values are UUIDs written in upper case; as uuid they would come "
                + "back in lower case with hyphens (8-4-4-4-12). To make it uuid anyway, choose uuid for users.token on "
                + "the \u201cTables and columns\u201d tab.", Advice.sentence(engine));
    }

    @Test
    void adviceForEveryFaceStays() {
        String plain = "Check the host and port (PostgreSQL usually listens on 5432), that the server is running.";
        assertEquals(plain, Advice.inWizardWords(plain));
        assertEquals(plain, Advice.of(new FerryException(FerryException.Kind.TARGET, "x", plain)));
    }

    @Test
    void aTaggedCaseHasTheWizardsSentence() {
        FerryException e = new FerryException(FerryException.Kind.TARGET, "PostgreSQL rejected the password for user 'u'.",
                "Check the password (from PGPASSWORD, ~/.pgpass, --password-stdin or the prompt) and the user name.").tagged("wrong-password");
        assertEquals("Check the password and the user name.", Advice.of(e));
    }

    @Test
    void theRunsNoteNamesUndo() {
        String note = Advice.sentence("Run 1234-ab (ferry undo --run 1234-ab removes what it creates)");
        assertFalse(Advice.COMMAND_LINE.matcher(note).find(), note);
        assertTrue(note.contains("Undo"), note);
    }
}
