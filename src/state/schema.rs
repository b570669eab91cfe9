//! The state file's tables and the schema version table. Migrations only
//! add; a file from a newer parallax is left alone (and not used).

use rusqlite::Connection;

/// The schema this parallax writes.
pub const VERSION: i64 = 1;

/// The start of the error for a state written by a newer parallax.
pub const NEWER: &str = "written by a newer parallax";

const V1: &str = "
CREATE TABLE sessions (
    corpus     TEXT PRIMARY KEY,
    marks      TEXT NOT NULL,
    screen     TEXT NOT NULL,
    selected   TEXT,
    article    TEXT,
    other      TEXT,
    scroll     INTEGER NOT NULL,
    sort       TEXT NOT NULL,
    descending INTEGER NOT NULL,
    filter     TEXT NOT NULL,
    updated    INTEGER NOT NULL
);
CREATE TABLE notes (
    uid           TEXT PRIMARY KEY,
    corpus        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    article       TEXT NOT NULL,
    text          TEXT,
    start         INTEGER,
    end           INTEGER,
    other_article TEXT,
    other_text    TEXT,
    other_start   INTEGER,
    other_end     INTEGER,
    flag          TEXT,
    note          TEXT NOT NULL,
    speaker       TEXT,
    title         TEXT,
    outlet        TEXT,
    created       INTEGER NOT NULL,
    updated       INTEGER NOT NULL
);
CREATE INDEX notes_article ON notes (article);
CREATE INDEX notes_corpus ON notes (corpus);
";

/// Creates the tables, or brings an older file up to [`VERSION`]. The
/// version is read again inside the write transaction: two instances
/// starting on a new file at once create the tables once.
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")?;
    if version(conn)? == VERSION {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| {
        let found = version(conn)?;
        if found > VERSION {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
                Some(format!("{NEWER} (schema {found}, this one reads {VERSION})")),
            ));
        }
        if found < 1 {
            conn.execute_batch(V1)?;
            conn.execute("INSERT INTO schema_version (version) VALUES (1)", [])?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => conn.execute_batch("COMMIT"),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

fn version(conn: &Connection) -> rusqlite::Result<i64> {
    let found: Option<i64> = conn.query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))?;
    Ok(found.unwrap_or(0))
}
