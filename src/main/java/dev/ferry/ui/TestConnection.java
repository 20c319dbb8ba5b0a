package dev.ferry.ui;

import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.concurrent.Task;

/**
 * Connects once to the target and reports what the user needs to know before a run: the server
 * version, whether the connection is encrypted, whether this user may create tables, and which of
 * the tables Ferry would create are already there.
 */
final class TestConnection extends Task<TestConnection.Report> {

    record Report(String serverVersion, boolean encrypted, boolean canCreate, List<String> existing) {
    }

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
    protected Report call() throws Exception {
        updateMessage(Text.get("target.testing", address));
        try (PgTarget target = PgTarget.connect(address, password, 1)) {
            // The names the default identifier style gives; the Options step checks again with the final plan.
            Set<String> names = new LinkedHashSet<>(new Naming(Naming.Style.LOWER).assign(sourceTables, Set.of()).values());
            List<String> existing = List.copyOf(target.existingTables("public", names));
            return new Report(target.serverVersion(), target.encrypted(), canCreate(target), existing);
        }
    }

    private static boolean canCreate(PgTarget target) throws Exception {
        String sql;
        try (var in = TestConnection.class.getResourceAsStream("can-create.sql")) {
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (Connection c = target.connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
