package dev.ferry.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Resolutions;
import dev.ferry.postgres.Naming;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The migrate's choices as its plan record keeps them: written and read back whole; a record made
 * before they were kept gives its suggestions only (the other choices stay the user's, and nothing
 * is said about them); a choice the user gave is the user's, listed when it is not the migrate's.
 */
class MigrateChoicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Options migrated() {
        return Options.of(Path.of("app.db"), null, null).withNaming(Naming.Style.SNAKE)
                .withOverrides(Map.of("orders.total", PgType.parse("numeric(10,2)")))
                .withResolutions(Resolutions.parse(List.of("does-not-fit:orders.qty=reject", "unsafe-text=repair")))
                .withSuggestions(Set.of("date:orders.placed_on")).withExcluded(Set.of("Scratch"));
    }

    @Test
    void theChoicesComeBackAsTheMigrateMadeThem() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        MigrateChoices.write(root, migrated());
        MigrateChoices back = MigrateChoices.read(JSON.readTree(root.toString()), Set.of("date:orders.placed_on"));

        MigrateChoices.Taken t = back.take(Options.of(Path.of("app.db"), null, null), Set.of());

        assertEquals(MigrateChoices.of(migrated()), MigrateChoices.of(t.options()));
        assertEquals(List.of("--names snake", "--type orders.total=numeric(10,2)", "--on-problem does-not-fit:orders.qty=reject",
                "--on-problem unsafe-text=repair", "--suggest date:orders.placed_on", "--exclude scratch"), t.taken());
        assertEquals(List.of(), t.otherwise());
    }

    @Test
    void aChoiceGivenIsTheUsersAndSaidWhenItIsNotTheMigrates() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        MigrateChoices.write(root, migrated());
        MigrateChoices back = MigrateChoices.read(root, Set.of("date:orders.placed_on"));
        Options user = Options.of(Path.of("app.db"), null, null).withSuggestions(Set.of("fk-index:orders.customer_id"));

        MigrateChoices.Taken t = back.take(user, EnumSet.of(MigrateChoices.Choice.NAMES, MigrateChoices.Choice.SUGGEST));

        assertEquals(Naming.Style.LOWER, t.options().naming(), "--names lower, typed, is the user's");
        assertEquals(Set.of("fk-index:orders.customer_id"), t.options().suggestions());
        assertEquals(Map.of("orders.total", PgType.parse("numeric(10,2)")), t.options().overrides(), "not given: taken");
        assertEquals(List.of("--names lower (the migration: --names snake)",
                "--suggest fk-index:orders.customer_id (the migration: --suggest date:orders.placed_on)"), t.otherwise());
    }

    @Test
    void anOlderRecordGivesItsSuggestionsOnly() throws Exception {
        MigrateChoices old = MigrateChoices.read(JSON.readTree("{\"version\":1,\"suggestions\":[\"enum:posts.status\"]}"),
                Set.of("enum:posts.status"));
        Options user = Options.of(Path.of("app.db"), null, null).withNaming(Naming.Style.EXACT);

        MigrateChoices.Taken t = old.take(user, EnumSet.of(MigrateChoices.Choice.NAMES));

        assertEquals(Naming.Style.EXACT, t.options().naming());
        assertEquals(Set.of("enum:posts.status"), t.options().suggestions());
        assertEquals(List.of("--suggest enum:posts.status"), t.taken());
        assertEquals(List.of(), t.otherwise(), "the migrate's --names is not known, so not said to differ");
    }
}
