package dev.ferry.ui;

import dev.ferry.postgres.Secret;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.run.ConnectionTest;
import dev.ferry.run.SourceSummary;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 3: where the data goes. The fields are the view's to edit; the test result, the failure
 * and the reason Next waits are the model's to tell. Starts from libpq's PG* variables when set.
 */
final class TargetModel implements StepModel {

    enum Field { HOST, PORT, DATABASE, USER }

    static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private static final Map<String, String> ENV = System.getenv();
    private final Settings settings;
    private final SourceModel source;
    private final StringProperty host = new SimpleStringProperty();
    private final StringProperty port = new SimpleStringProperty();
    private final StringProperty database = new SimpleStringProperty();
    private final StringProperty user = new SimpleStringProperty();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty sslMode = new SimpleStringProperty(ENV.getOrDefault("PGSSLMODE", "prefer"));
    private final StringProperty rootCert = new SimpleStringProperty(ENV.getOrDefault("PGSSLROOTCERT", ""));
    private final BooleanProperty rehearse = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<ConnectionTest> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper();
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> profilesView = FXCollections.unmodifiableObservableList(profiles);
    private TestConnection test;

    TargetModel(Settings settings, SourceModel source) {
        this.settings = settings;
        this.source = source;
        profiles.setAll(settings.profiles().keySet());
        // libpq's PG* variables first, then the last connection that passed its test here (never its password)
        host.set(ENV.getOrDefault("PGHOST", settings.get("target.host", "localhost")));
        port.set(ENV.getOrDefault("PGPORT", settings.get("target.port", "5432")));
        database.set(ENV.getOrDefault("PGDATABASE", settings.get("target.database", "")));
        user.set(ENV.getOrDefault("PGUSER", settings.get("target.user", "")));
        // hosts hand out addresses: one pasted into Host fills the fields, and its password leaves Host at once
        host.addListener((obs, old, now) -> {
            // a paste arrives at once; an address typed a key at a time is read when the connection is tested
            boolean pastedNow = old == null || Math.abs(now == null ? 0 : now.length() - old.length()) > 1;
            if (pastedNow && ConnectionString.looksLikeOne(now)) {
                javafx.application.Platform.runLater(() -> fillFrom(now));
            }
        });
        // a test result speaks for the settings it was made with, and no others
        for (StringProperty p : List.of(host, port, database, user, password, sslMode, rootCert)) {
            p.addListener((obs, old, now) -> forgetTest());
        }
        blocker.bind(Bindings.createStringBinding(this::why, host, port, database, user, rehearse, report, failure, testing));
    }

    private String why() {
        if (rehearse.get()) {
            return "";
        }
        for (Field f : Field.values()) {
            String problem = problem(f, value(f));
            if (problem != null) {
                return problem;
            }
        }
        return testing.get() ? Text.get("target.blocker.testing") : failure.get() != null ? Text.get("target.blocker.failed")
                : report.get() == null ? Text.get("target.blocker.untested") : "";
    }

    /** What is wrong with one field's text, or null; the view decorates the field with the same words. */
    static String problem(Field f, String text) {
        String v = text == null ? "" : text.trim();
        if (f == Field.PORT) {
            return v.matches("\\d{1,5}") && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 65535 ? null
                    : Text.get("target.problem.port");
        }
        return v.isEmpty() ? Text.get("target.problem." + f.name().toLowerCase(java.util.Locale.ROOT)) : null;
    }

    private String value(Field f) {
        return switch (f) {
            case HOST -> host.get();
            case PORT -> port.get();
            case DATABASE -> database.get();
            case USER -> user.get();
        };
    }

    TargetAddress address() {
        Map<String, String> params = new java.util.HashMap<>(Map.of("sslmode", sslMode.get()));
        if (verifies() && !rootCert.get().isBlank()) {
            params.put("sslrootcert", rootCert.get().trim());
        }
        return new TargetAddress(host.get().trim(), Integer.parseInt(port.get().trim()), database.get().trim(),
                user.get().trim(), Map.copyOf(params), Secret.NONE);
    }

    /** verify-ca and verify-full check the server's certificate against a root certificate. */
    boolean verifies() {
        return sslMode.get() != null && sslMode.get().startsWith("verify-");
    }

    /** This computer: an unencrypted connection never leaves it. */
    boolean local() {
        String h = host.get() == null ? "" : host.get().trim().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.startsWith("/");
    }

    /** Fills the form from the remembered unfinished run; the password is asked, never remembered. */
    void apply(LastRun r, String typedPassword) {
        rehearse.set(false);
        host.set(r.host());
        port.set(r.port());
        database.set(r.database());
        user.set(r.user());
        sslMode.set(r.sslMode().isEmpty() ? "prefer" : r.sslMode());
        rootCert.set(r.rootCert());
        password.set(typedPassword == null ? "" : typedPassword);
    }

    Secret secret() {
        return rehearse.get() || password.get().isEmpty() ? Secret.NONE : new Secret(password.get());
    }

    void test() {
        fillFrom(host.get());
        if (testing.get() || !testable()) {
            return;
        }
        forgetTest();
        SourceSummary s = source.summary().get();
        TestConnection task = new TestConnection(address(), secret(),
                s == null ? List.of() : s.tables().stream().map(SourceSummary.TableRows::name).toList());
        test = task;
        testing.set(true);
        task.setOnSucceeded(e -> finished(task, task.getValue(), null));
        task.setOnFailed(e -> finished(task, null, Failure.of(task.getException())));
        Jobs.start(task);
    }

    /** "Create it" after a test found no such database: Ferry creates it, then tests the connection again. */
    void createDatabase() {
        if (testing.get() || !testable()) {
            return;
        }
        TargetAddress a = address();
        Secret s = secret();
        javafx.concurrent.Task<Boolean> task = new javafx.concurrent.Task<>() {
            {
                updateTitle("create-database");
            }

            @Override
            protected Boolean call() {
                return dev.ferry.run.Migration.createDatabase(a, s);
            }
        };
        testing.set(true);
        task.setOnSucceeded(e -> {
            testing.set(false);
            test();
        });
        task.setOnFailed(e -> {
            testing.set(false);
            failure.set(Failure.of(task.getException()));
        });
        Jobs.start(task);
    }

    /** The last test found no database of that name, which "Create it" can make. */
    boolean databaseMissing() {
        return failure.get() != null && "missing-database".equals(failure.get().tag());
    }

    boolean testable() {
        return java.util.Arrays.stream(Field.values()).allMatch(f -> problem(f, value(f)) == null);
    }

    private void finished(TestConnection task, ConnectionTest r, Failure f) {
        if (test == task) {
            testing.set(false);
            report.set(r);
            failure.set(f);
            if (r != null) {
                remember();
            }
        }
    }

    /** The fields of a connection that worked, for the next launch; the password is never written. */
    private void remember() {
        settings.putAll(Map.of("target.host", host.get().trim(), "target.port", port.get().trim(),
                "target.database", database.get().trim(), "target.user", user.get().trim()));
    }

    /**
     * Fills the fields from a pasted postgresql:// or JDBC address: host, port, database, user, the
     * encryption settings, and the password into the password field. An address that cannot be
     * read leaves Host empty, with the reason, rather than holding a password in clear.
     */
    void fillFrom(String pasted) {
        if (!ConnectionString.looksLikeOne(pasted)) {
            return;
        }
        try {
            ConnectionString.Fields f = ConnectionString.read(pasted);
            host.set(f.host());
            port.set(f.port());
            database.set(f.database());
            user.set(f.user());
            if (f.sslMode() != null) {
                sslMode.set(f.sslMode());
            }
            if (f.rootCert() != null) {
                rootCert.set(f.rootCert());
            }
            if (f.password() != null) {
                password.set(f.password());
            }
        } catch (IllegalArgumentException e) {
            host.set("");
            failure.set(new Failure(Text.get("target.pasted.bad"), e.getMessage(), ""));
        }
    }

    private void forgetTest() {
        test = null;
        testing.set(false);
        report.set(null);
        failure.set(null);
    }

    void saveProfile(String name) {
        settings.saveProfile(new Settings.Profile(name.trim(), host.get().trim(), port.get().trim(), database.get().trim(),
                user.get().trim(), sslMode.get()));
        profiles.setAll(settings.profiles().keySet());
    }

    void loadProfile(String name) {
        Settings.Profile p = settings.profiles().get(name);
        if (p != null) {
            host.set(p.host());
            port.set(p.port());
            database.set(p.database());
            user.set(p.user());
            sslMode.set(p.sslMode());
            password.set("");
        }
    }

    void deleteProfile(String name) {
        settings.deleteProfile(name);
        profiles.setAll(settings.profiles().keySet());
    }

    StringProperty host() { return host; }
    StringProperty port() { return port; }
    StringProperty database() { return database; }
    StringProperty user() { return user; }
    StringProperty password() { return password; }
    StringProperty sslMode() { return sslMode; }
    StringProperty rootCert() { return rootCert; }
    BooleanProperty rehearse() { return rehearse; }
    ObservableList<String> profiles() { return profilesView; }
    ReadOnlyObjectProperty<ConnectionTest> report() { return report.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Failure> failure() { return failure.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty testing() { return testing.getReadOnlyProperty(); }

    @Override
    public ReadOnlyStringProperty blocker() {
        return blocker.getReadOnlyProperty();
    }
}
