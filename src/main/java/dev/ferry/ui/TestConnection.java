package dev.ferry.ui;

import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.run.ConnectionTest;
import dev.ferry.run.Migration;
import java.util.List;
import javafx.concurrent.Task;

/**
 * The engine's connection test in the background: the server version, whether the connection is
 * encrypted, whether this user may create tables, and which of the tables Ferry would create are
 * already there.
 */
final class TestConnection extends Task<ConnectionTest> {

    private final TargetAddress address;
    private final Secret password;
    private final List<String> sourceTables;

    TestConnection(TargetAddress address, Secret password, List<String> sourceTables) {
        this.address = address;
        this.password = password;
        this.sourceTables = sourceTables;
        updateTitle("test-connection");
    }

    @Override
    protected ConnectionTest call() {
        updateMessage(Text.get("target.testing", address));
        return Migration.testConnection(address, password, sourceTables);
    }
}
