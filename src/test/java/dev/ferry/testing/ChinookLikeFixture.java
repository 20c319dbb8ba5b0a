package dev.ferry.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Chinook-like music store database: the shape most people know from SQLite tutorials, so migration
 * tests run against something realistic (AUTOINCREMENT, composite keys, nullable and SET NULL foreign
 * keys, NUMERIC money stored as REAL, DATETIME text, BLOBs, unicode) without a binary file in the repo.
 *
 * <p>The rows are generated once from a fixed seed, so {@link #EXPECTED_ROWS} is known before any file
 * is written and every written file is identical.
 */
public final class ChinookLikeFixture {

    public static final String FILE_NAME = "chinook-like.sqlite";
    /** Artists written; the highest {@link #DELETED_ARTISTS} have no albums and are deleted afterwards. */
    public static final int ARTISTS = 57;
    public static final int DELETED_ARTISTS = 5;

    private static final String[] SCHEMA = {
        "CREATE TABLE Artist (ArtistId INTEGER PRIMARY KEY AUTOINCREMENT, Name NVARCHAR(120))",
        "CREATE TABLE Album (AlbumId INTEGER PRIMARY KEY AUTOINCREMENT, Title NVARCHAR(160) NOT NULL,"
            + " ArtistId INTEGER NOT NULL REFERENCES Artist(ArtistId))",
        "CREATE TABLE Track (TrackId INTEGER PRIMARY KEY AUTOINCREMENT, Name NVARCHAR(200) NOT NULL,"
            + " AlbumId INTEGER REFERENCES Album(AlbumId) ON DELETE SET NULL, Milliseconds INTEGER NOT NULL,"
            + " Bytes INTEGER, UnitPrice NUMERIC(10,2) NOT NULL)",
        "CREATE TABLE Invoice (InvoiceId INTEGER PRIMARY KEY AUTOINCREMENT, InvoiceDate DATETIME NOT NULL,"
            + " Total NUMERIC(10,2) NOT NULL)",
        "CREATE TABLE InvoiceLine (InvoiceLineId INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " InvoiceId INTEGER NOT NULL REFERENCES Invoice(InvoiceId),"
            + " TrackId INTEGER NOT NULL REFERENCES Track(TrackId), UnitPrice NUMERIC(10,2) NOT NULL,"
            + " Quantity INTEGER NOT NULL)",
        "CREATE TABLE Playlist (PlaylistId INTEGER PRIMARY KEY AUTOINCREMENT, Name NVARCHAR(120))",
        "CREATE TABLE PlaylistTrack (PlaylistId INTEGER NOT NULL REFERENCES Playlist(PlaylistId),"
            + " TrackId INTEGER NOT NULL REFERENCES Track(TrackId), PRIMARY KEY (PlaylistId, TrackId))",
        "CREATE TABLE Cover (AlbumId INTEGER PRIMARY KEY REFERENCES Album(AlbumId), Image BLOB)",
        "CREATE INDEX IFK_AlbumArtistId ON Album (ArtistId)",
        "CREATE INDEX IFK_TrackAlbumId ON Track (AlbumId)",
        "CREATE UNIQUE INDEX IX_PlaylistName ON Playlist (Name)",
    };
    private static final String[] UNICODE_ARTISTS = {"Beyoncé", "Mötley Crüe", "Björk", "坂本龍一", "Sigur Rós",
        "Hüsker Dü", "The 🎸 Heroes", "Café Tacvba"};
    private static final String[] PLAYLISTS = {"Music", "Movies", "TV Shows", "Audiobooks", "90’s Music", "Grunge",
        "Classical", "Brazilian Music", "日本のポップ", "Chill 🎧"};

    private static final Map<String, List<Object[]>> ROWS = generate(new Random(1_701L));
    public static final Map<String, Long> EXPECTED_ROWS = expected();

    private ChinookLikeFixture() {
    }

    /** Writes (or rewrites) {@code dir/chinook-like.sqlite} and returns its path. */
    public static Path write(Path dir) throws IOException, SQLException {
        Path file = dir.resolve(FILE_NAME);
        Files.deleteIfExists(file);
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql(SCHEMA);
            for (Map.Entry<String, List<Object[]>> table : ROWS.entrySet()) {
                db.insert(table.getKey(), table.getValue().toArray(new Object[0][]));
            }
            // Leaves sqlite_sequence above max(ArtistId): a migrated identity must restart after the
            // high-water mark, not after the highest surviving row.
            db.sql("DELETE FROM Artist WHERE ArtistId IN (SELECT ArtistId FROM Artist WHERE ArtistId NOT IN"
                + " (SELECT ArtistId FROM Album) ORDER BY ArtistId DESC LIMIT " + DELETED_ARTISTS + ")");
        }
        return file;
    }

    /** Row count per table (in creation order) of a file made by {@link #write}. */
    public static Map<String, Long> expectedRows() {
        return EXPECTED_ROWS;
    }

    private static Map<String, Long> expected() {
        Map<String, Long> counts = new LinkedHashMap<>();
        ROWS.forEach((table, rows) -> counts.put(table, (long) rows.size()));
        counts.put("Artist", counts.get("Artist") - DELETED_ARTISTS);
        return Collections.unmodifiableMap(counts);
    }

    private static Map<String, List<Object[]>> generate(Random rnd) {
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        List<Object[]> artists = add(rows, "Artist");
        for (long id = 1; id <= ARTISTS; id++) {
            artists.add(new Object[] {id, id <= UNICODE_ARTISTS.length ? UNICODE_ARTISTS[(int) id - 1] : "Artist " + id});
        }
        int albumCount = 120;
        List<Object[]> albums = add(rows, "Album");
        for (long id = 1; id <= albumCount; id++) {
            // Only artists 1..50 get albums, so the highest ones are albumless and safe to delete.
            String title = id % 15 == 0 ? "日本 Tour " + id : id % 11 == 0 ? "Über Alles Vol. " + id : "Album " + id;
            albums.add(new Object[] {id, title, 1L + rnd.nextInt(50)});
        }
        int trackCount = 1500;
        double[] price = new double[trackCount + 1];
        List<Object[]> tracks = add(rows, "Track");
        for (int id = 1; id <= trackCount; id++) {
            long ms = 60_000 + rnd.nextInt(540_000);
            price[id] = rnd.nextInt(5) == 0 ? 1.99 : 0.99;
            tracks.add(new Object[] {(long) id, id % 97 == 0 ? "Café del Mar " + id : "Track " + id,
                rnd.nextInt(30) == 0 ? null : 1L + rnd.nextInt(albumCount), ms,
                rnd.nextInt(10) == 0 ? null : ms * 32 + rnd.nextInt(1000), price[id]});
        }
        List<Object[]> invoices = add(rows, "Invoice");
        List<Object[]> lines = add(rows, "InvoiceLine");
        for (long id = 1; id <= 400; id++) {
            long cents = 0;
            for (int n = 1 + rnd.nextInt(9); n > 0; n--) {
                int track = 1 + rnd.nextInt(trackCount);
                long quantity = rnd.nextInt(10) == 0 ? 2 : 1;
                cents += Math.round(price[track] * 100) * quantity;
                lines.add(new Object[] {lines.size() + 1L, id, (long) track, price[track], quantity});
            }
            String date = LocalDate.of(2021, 1, 1).plusDays(rnd.nextInt(1095)) + " 00:00:00";
            invoices.add(new Object[] {id, date, cents / 100.0});
        }
        List<Object[]> playlists = add(rows, "Playlist");
        List<Object[]> playlistTracks = add(rows, "PlaylistTrack");
        List<Integer> trackIds = IntStream.rangeClosed(1, trackCount).boxed().collect(Collectors.toList());
        for (long id = 1; id <= PLAYLISTS.length; id++) {
            playlists.add(new Object[] {id, PLAYLISTS[(int) id - 1]});
            Collections.shuffle(trackIds, rnd);
            for (int track : trackIds.subList(0, 300)) {
                playlistTracks.add(new Object[] {id, (long) track});
            }
        }
        List<Integer> albumIds = IntStream.rangeClosed(1, albumCount).boxed().collect(Collectors.toList());
        Collections.shuffle(albumIds, rnd);
        List<Object[]> covers = add(rows, "Cover");
        for (int album : albumIds.subList(0, 30).stream().sorted().collect(Collectors.toList())) {
            byte[] image = new byte[1024 + rnd.nextInt(63 * 1024 + 1)];
            rnd.nextBytes(image);
            covers.add(new Object[] {(long) album, image});
        }
        return rows;
    }

    private static List<Object[]> add(Map<String, List<Object[]>> rows, String table) {
        List<Object[]> list = new ArrayList<>();
        rows.put(table, list);
        return list;
    }
}
