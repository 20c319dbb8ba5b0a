package sqlite3

// vendored: never read
const probe = "SELECT sqlite_version()"
