package dev.ferry.sqlite;

import dev.ferry.SqlResources;
import dev.ferry.schema.Catalog;
import dev.ferry.schema.Column;
import dev.ferry.schema.ForeignKey;
import dev.ferry.schema.Index;
import dev.ferry.schema.Table;
import dev.ferry.schema.Trigger;
import dev.ferry.schema.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schema of a SQLite file through sqlite_master and the table-valued pragma functions
 * (bound parameters, so no name can break a query); the queries are in catalog.sql.
 */
public final class CatalogReader {

    private static final SqlResources SQL = SqlResources.named(CatalogReader.class, "catalog.sql");

    private static final Pattern AUTOINCREMENT = Pattern.compile("\\bAUTOINCREMENT\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIRTUAL_USING = Pattern.compile("\\bUSING\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private final Connection c;

    public CatalogReader(Connection c) {
        this.c = c;
    }

    public Catalog read() throws SQLException {
        Map<String, String[]> tableList = tableList();
        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        List<Trigger> triggers = new ArrayList<>();
        List<Catalog.Skipped> skipped = new ArrayList<>();
        Set<String> vec0 = vec0Tables();
        try (PreparedStatement ps = c.prepareStatement(SQL.get("objects"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String type = rs.getString(1), name = rs.getString(2), sql = rs.getString(4);
                switch (type) {
                    case "table" -> {
                        String kind = tableList.getOrDefault(name, new String[] {"table", "0", "0"})[0];
                        if (name.startsWith("sqlite_")) {
                            skipped.add(new Catalog.Skipped(name, "SQLite's own bookkeeping table"));
                        } else if (kind.equals("shadow") || vecStorage(name, vec0)) {
                            skipped.add(new Catalog.Skipped(name, "storage of a virtual table; its content comes with that table"));
                        } else {
                            String[] info = tableList.getOrDefault(name, new String[] {"table", "0", "0"});
                            tables.add(table(name, sql, info[1].equals("1"), info[2].equals("1")));
                        }
                    }
                    case "view" -> views.add(new View(name, sql));
                    case "trigger" -> triggers.add(new Trigger(name, rs.getString(3), sql));
                    default -> { } // indexes are read per table
                }
            }
        }
        return new Catalog(List.copyOf(tables), List.copyOf(views), List.copyOf(triggers), sequences(),
                List.copyOf(skipped));
    }

    /**
     * sqlite-vec's vec0 tables. SQLite marks a module's storage tables as shadow tables only when it
     * has the module; without it, a vec0 table's storage would look like tables of the app's own.
     */
    private Set<String> vec0Tables() throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(SQL.get("objects")); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String sql = rs.getString(4);
                if ("table".equals(rs.getString(1)) && sql != null && VEC0.matcher(sql).find()) {
                    out.add(rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The storage tables sqlite-vec documents for a vec0 table: name_chunks, _rowids, _info, _auxiliary, _vector_chunksNN, _metadatachunksNN, _metadatatextNN. */
    private static boolean vecStorage(String name, Set<String> vec0) {
        for (String v : vec0) {
            if (name.length() > v.length() + 1 && name.startsWith(v + "_")
                    && VEC0_STORAGE.matcher(name.substring(v.length() + 1)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern VEC0 = Pattern.compile("^\\s*CREATE\\s+VIRTUAL\\s+TABLE\\b.*\\bUSING\\s+vec0\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern VEC0_STORAGE = Pattern.compile("chunks|rowids|info|auxiliary|vector_chunks\\d+|"
            + "metadatachunks\\d+|metadatatext\\d+");

    /** name -> {type, without rowid, strict} from PRAGMA table_list (SQLite 3.37+). */
    private Map<String, String[]> tableList() throws SQLException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SQL.get("table-list"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return out;
    }

    private Table table(String name, String sql, boolean withoutRowid, boolean strict) throws SQLException {
        String module = null;
        if (sql != null && sql.trim().toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL")) {
            Matcher m = VIRTUAL_USING.matcher(sql);
            module = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "unknown";
        }
        TableSql extras = TableSql.parse(module == null ? sql : null);
        List<Column> columns;
        try {
            columns = columns(name, extras);
        } catch (SQLException e) {
            if (module == null || !String.valueOf(e.getMessage()).contains("no such module")) {
                throw e;
            }
            // an extension's table (sqlite-vec's vec0, spellfix1) that this SQLite cannot open: it is
            // still a table of the file, to be reported; its columns are the module's to know
            columns = List.of();
        }
        List<String> pk = columns.stream().filter(col -> col.pkOrdinal() > 0)
                .sorted(java.util.Comparator.comparingInt(Column::pkOrdinal)).map(Column::name).toList();
        String rowidAlias = null;
        if (!withoutRowid && module == null && pk.size() == 1) {
            Column only = columns.stream().filter(col -> col.pkOrdinal() == 1).findFirst().orElseThrow();
            if (only.declaredType().trim().equalsIgnoreCase("INTEGER") && !descendingPrimaryKey(sql)) {
                rowidAlias = only.name();
            }
        }
        boolean autoincrement = sql != null && AUTOINCREMENT.matcher(sql).find();
        List<Index> indexes = module == null ? indexes(name) : List.of();
        return new Table(name, sql, columns, pk, rowidAlias, autoincrement, withoutRowid, strict, module,
                indexes, module == null ? foreignKeys(name) : List.of(), extras.checks());
    }

    /** "INTEGER PRIMARY KEY DESC" is SQLite's one documented exception to the rowid alias rule. */
    private static boolean descendingPrimaryKey(String sql) {
        return sql != null && Pattern.compile("INTEGER\\s+PRIMARY\\s+KEY\\s+DESC", Pattern.CASE_INSENSITIVE)
                .matcher(sql).find();
    }

    private List<Column> columns(String table, TableSql extras) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SQL.get("columns"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                int position = 0;
                while (rs.next()) {
                    int hidden = rs.getInt(7);
                    if (hidden == 1) {
                        continue; // hidden columns of virtual tables are not data
                    }
                    Column.Generated g = hidden == 2 ? Column.Generated.VIRTUAL
                            : hidden == 3 ? Column.Generated.STORED : Column.Generated.NONE;
                    TableSql.ColumnExtras x = extras.column(rs.getString(2));
                    out.add(new Column(rs.getString(2), position++, nullToEmpty(rs.getString(3)), rs.getInt(4) == 1,
                            rs.getString(5), rs.getInt(6), g, x.collation(), g == Column.Generated.NONE ? null : x.expression()));
                }
            }
        }
        return List.copyOf(out);
    }

    private List<Index> indexes(String table) throws SQLException {
        List<Index> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SQL.get("indexes"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    Index.Origin origin = switch (rs.getString(3)) {
                        case "pk" -> Index.Origin.PRIMARY_KEY;
                        case "u" -> Index.Origin.UNIQUE_CONSTRAINT;
                        default -> Index.Origin.CREATE_INDEX;
                    };
                    List<String> cols = new ArrayList<>();
                    List<Boolean> desc = new ArrayList<>();
                    indexColumns(name, table, cols, desc);
                    out.add(new Index(name, table, java.util.Collections.unmodifiableList(cols), List.copyOf(desc),
                            rs.getInt(2) == 1, origin, rs.getInt(4) == 1, rs.getString(5)));
                }
            }
        }
        return List.copyOf(out);
    }

    private void indexColumns(String index, String table, List<String> cols, List<Boolean> desc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL.get("index-columns"))) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int cid = rs.getInt(1);
                    cols.add(cid == -2 ? null : cid == -1 ? "rowid" : rs.getString(2));
                    desc.add(rs.getInt(3) == 1);
                }
            }
        }
    }

    private List<ForeignKey> foreignKeys(String table) throws SQLException {
        Map<Integer, FkParts> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SQL.get("foreign-keys"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    FkParts fk = byId.get(rs.getInt(1));
                    if (fk == null) {
                        fk = new FkParts(rs.getString(2), rs.getString(5), rs.getString(6));
                        byId.put(rs.getInt(1), fk);
                    }
                    fk.from.add(rs.getString(3));
                    if (rs.getString(4) != null) {
                        fk.to.add(rs.getString(4));
                    }
                }
            }
        }
        List<ForeignKey> out = new ArrayList<>();
        byId.forEach((id, fk) -> out.add(new ForeignKey(id, table, List.copyOf(fk.from), fk.toTable,
                List.copyOf(fk.to), fk.onUpdate, fk.onDelete)));
        return List.copyOf(out);
    }

    /** The rows of one foreign key while PRAGMA foreign_key_list is read (one row per column). */
    private static final class FkParts {
        final String toTable, onUpdate, onDelete;
        final List<String> from = new ArrayList<>(), to = new ArrayList<>();

        FkParts(String toTable, String onUpdate, String onDelete) {
            this.toTable = toTable;
            this.onUpdate = onUpdate;
            this.onDelete = onDelete;
        }
    }

    private Map<String, Long> sequences() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SQL.get("has-sequences"));
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getInt(1) == 0) {
                return out;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(SQL.get("sequences"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
