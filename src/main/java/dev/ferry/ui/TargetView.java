package dev.ferry.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Step 3: the PostgreSQL connection form, its test, saved profiles, and the rehearsal switch. */
final class TargetView implements StepView {

    private final TargetModel model;
    private final CheckBox rehearse = new CheckBox(Text.get("target.rehearse"));
    private final TextField host = new TextField(), port = new TextField(), database = new TextField(), user = new TextField();
    private final PasswordField password = new PasswordField();
    private final ComboBox<String> ssl = new ComboBox<>();
    private final TextField rootCert = new TextField();
    private final Button chooseCert = new Button(Text.get("target.rootcert.choose"));
    private final Button test = new Button(Text.get("target.test"));
    private final ProgressIndicator testing = new ProgressIndicator();
    private final javafx.scene.control.Button create = new javafx.scene.control.Button(Text.get("target.create"));
    private final ValidationSupport validation = new ValidationSupport();
    private VBox root;

    TargetView(TargetModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        rehearse.setId("rehearse");
        rehearse.setMnemonicParsing(true);
        Ui.help(rehearse, "target.rehearse.tip");
        VBox rehearseBox = new VBox(4, rehearse, Ui.muted(Text.get("target.rehearse.note")));


        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ssl.getItems().setAll(TargetModel.SSL_MODES);
        ListInWindow.keep(ssl);
        row(grid, 0, "target.host", host, "host");
        row(grid, 1, "target.port", port, "port");
        row(grid, 2, "target.database", database, "database");
        row(grid, 3, "target.user", user, "user");
        row(grid, 4, "target.password", password, "password");
        row(grid, 5, "target.ssl", ssl, "ssl");
        chooseCert.setId("choose-rootcert");
        chooseCert.setMnemonicParsing(true);
        Ui.help(chooseCert, "target.rootcert.choose.tip");
        rootCert.setId("sslrootcert");
        Ui.help(rootCert, "target.rootcert.tip");
        HBox certRow = new HBox(8, rootCert, chooseCert);
        HBox.setHgrow(rootCert, Priority.ALWAYS);
        javafx.scene.control.Label certLabel = Ui.label("target.rootcert", rootCert);
        grid.addRow(6, certLabel, certRow);
        // only verify-ca and verify-full check the server against a root certificate
        javafx.beans.binding.BooleanBinding verifies = javafx.beans.binding.Bindings.createBooleanBinding(model::verifies,
                model.sslMode());
        for (Node n : new Node[] {certLabel, certRow}) {
            n.visibleProperty().bind(verifies);
            n.managedProperty().bind(verifies);
        }
        port.setMaxWidth(100);
        host.setPrefColumnCount(24);

        test.setId("test-connection");
        test.getStyleClass().add(Styles.ACCENT);
        Ui.help(test, "target.test.tip");
        testing.setMaxSize(20, 20);
        create.setId("create-database");
        create.setMnemonicParsing(true);
        Ui.help(create, "target.create.tip");
        Ui.keepWidth(create);
        HBox testRow = new HBox(10, test, create, testing);
        testRow.setAlignment(Pos.CENTER_LEFT);
        ConnectionCard result = new ConnectionCard(model);
        result.setPrefWidth(420);
        HBox.setHgrow(result, Priority.ALWAYS);
        VBox form = new VBox(14, grid, testRow);
        HBox server = new HBox(28, form, result);
        server.setFillHeight(false);
        VBox serverBox = new VBox(16, new ProfileBar(model), server);
        serverBox.disableProperty().bind(model.rehearse());
        root = Ui.page("target", new VBox(20, rehearseBox, new Separator(), serverBox));
        test.setMnemonicParsing(true);
        decorate();
    }

    private void row(GridPane grid, int r, String key, Control field, String id) {
        field.setId(id);
        Ui.help(field, key + ".tip");
        grid.addRow(r, Ui.label(key, field), field);
    }

    /** ControlsFX marks a field in the same words the model uses for Next's reason. */
    private void decorate() {
        validation.setValidationDecorator(new DangerDecoration());
        validation.registerValidator(host, true, (Control c, String s) -> result(c, TargetModel.Field.HOST, s));
        validation.registerValidator(port, true, (Control c, String s) -> result(c, TargetModel.Field.PORT, s));
        validation.registerValidator(database, true, (Control c, String s) -> result(c, TargetModel.Field.DATABASE, s));
        validation.registerValidator(user, true, (Control c, String s) -> result(c, TargetModel.Field.USER, s));
        for (TextField f : new TextField[] {host, port, database, user}) {
            f.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    touch(f);
                }
            });
        }
    }

    private void touch(Control... fields) {
        for (Control f : fields) {
            DangerDecoration.touch(f);
            validation.revalidate(f);
        }
    }

    private static ValidationResult result(Control c, TargetModel.Field f, String text) {
        String problem = TargetModel.problem(f, text);
        return ValidationResult.fromErrorIf(c, problem, problem != null);
    }

    private void initListeners() {
        rehearse.selectedProperty().bindBidirectional(model.rehearse());
        host.textProperty().bindBidirectional(model.host());
        port.textProperty().bindBidirectional(model.port());
        database.textProperty().bindBidirectional(model.database());
        user.textProperty().bindBidirectional(model.user());
        password.textProperty().bindBidirectional(model.password());
        ssl.valueProperty().bindBidirectional(model.sslMode());
        rootCert.textProperty().bindBidirectional(model.rootCert());
        chooseCert.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(Text.get("target.rootcert.title"));
            java.io.File f = chooser.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                model.rootCert().set(f.getAbsolutePath());
            }
        });
        test.setOnAction(e -> {
            touch(host, port, database, user);
            model.test();
        });
        // Enter after typing the password tests the connection: the one thing a person wants to know next
        password.setOnAction(e -> test.fire());
        testing.visibleProperty().bind(model.testing());
        create.setOnAction(e -> model.createDatabase());
        // offered only when the last test found no such database: the wizard's way, not --create-database
        create.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(model::databaseMissing, model.failure()));
        create.managedProperty().bind(create.visibleProperty());
        create.disableProperty().bind(model.testing());
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstFocus() {
        return model.rehearse().get() ? null : host; // never a check box: Enter would toggle it
    }
}
