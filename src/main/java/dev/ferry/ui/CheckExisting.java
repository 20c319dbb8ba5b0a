package dev.ferry.ui;

import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.run.Migration;
import java.util.List;
import java.util.Set;
import javafx.concurrent.Task;

/** Which of the tables and views the plan creates already exist in the chosen schema of the target. */
final class CheckExisting extends Task<List<String>> {

    private final TargetAddress address;
    private final Secret password;
    private final String schema;
    private final Set<String> names;

    CheckExisting(TargetAddress address, Secret password, String schema, Set<String> names) {
        this.address = address;
        this.password = password;
        this.schema = schema;
        this.names = names;
        updateTitle("check-existing");
    }

    @Override
    protected List<String> call() {
        return Migration.existing(address, password, schema, names);
    }
}
