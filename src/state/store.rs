//! The state file: one SQLite database, `$XDG_DATA_HOME/parallax/state.db`
//! (WAL mode, a busy timeout, every write a transaction, a schema version
//! table). A state that cannot be used (locked, corrupt, read-only, from a
//! newer parallax) gives one [`StateWarning`] and the app runs without
//! state; the file is never lost: a corrupt one is renamed aside with a
//! timestamp suffix, never overwritten.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::schema;

/// The file name under the data folder.
pub const FILE_NAME: &str = "state.db";

/// How long a write waits for another instance's transaction.
pub const BUSY_TIMEOUT: Duration = Duration::from_millis(2000);

/// `$XDG_DATA_HOME/parallax/state.db` (else `~/.local/share/...`).
pub fn default_path() -> Option<PathBuf> {
    crate::dirs::data_dir().map(|d| d.join(FILE_NAME))
}

/// Why the state is not used; shown once, and the app goes on without.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StateWarning(pub String);

impl StateWarning {
    /// "running without kept state: state.db WHAT (in FOLDER)": what
    /// happened first, so a status line cut short still says it.
    fn new(path: &Path, what: impl std::fmt::Display) -> StateWarning {
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let folder = path.parent().map_or(String::new(), |p| p.display().to_string());
        StateWarning(
            crate::escape::line(&format!(
                "running without kept state: {name} {what} (in {folder})"
            ))
            .into_owned(),
        )
    }
}

/// An open state database.
#[derive(Debug)]
pub struct Store {
    pub(super) conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating when missing) the state at `path`.
    pub fn open(path: &Path) -> Result<Store, StateWarning> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StateWarning::new(
                    path,
                    format!("cannot be made: its folder cannot be created ({e})"),
                )
            })?;
        }
        // Two instances creating the file at once: switching a new file to
        // WAL (and creating the schema) can answer "busy" at once, without
        // waiting in SQLite's busy handler, so the open is retried for as
        // long as a busy write would wait.
        let started = std::time::Instant::now();
        loop {
            match Store::try_open(path) {
                Ok(store) => return Ok(store),
                Err(e) if is_busy(&e) && started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(15));
                }
                Err(e) => return Err(classify(path, &e)),
            }
        }
    }

    fn try_open(path: &Path) -> rusqlite::Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // A file SQLite could only open read-only (a read-only file or
        // folder) is no state to write to.
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
                Some("read-only".into()),
            ));
        }
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::debug!(mode, "state: WAL not available");
        }
        // A deleted note is overwritten in the file, not left in a free page.
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;")?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(check),
            ));
        }
        schema::migrate(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens an existing state to read (never creating or changing it);
    /// `None` when there is no file yet.
    pub fn read(path: &Path) -> Result<Option<Store>, StateWarning> {
        if !path.exists() {
            return Ok(None);
        }
        // On a read-only folder SQLite cannot make the WAL index: the file
        // is then read as immutable (nobody can be writing it).
        let connect = || -> rusqlite::Result<Connection> {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(path, flags)?;
            match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
                Ok(_) => Ok(conn),
                Err(_) => {
                    Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)
                }
            }
        };
        let open = || -> rusqlite::Result<Store> {
            let conn = connect()?;
            conn.busy_timeout(BUSY_TIMEOUT)?;
            let found: Option<i64> =
                conn.query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))?;
            if found.unwrap_or(0) > schema::VERSION {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
                    Some(schema::NEWER.into()),
                ));
            }
            Ok(Store {
                conn,
                path: path.to_path_buf(),
            })
        };
        open().map(Some).map_err(|e| {
            let path = crate::escape::line(&path.display().to_string()).into_owned();
            StateWarning(format!("state {path}: cannot be read ({e})"))
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A write that failed, as the warning to show.
    pub fn warning(&self, e: &rusqlite::Error) -> StateWarning {
        let what = match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                "is locked by another program".to_string()
            }
            Some(ErrorCode::ReadOnly) => "is read-only".to_string(),
            _ => format!("cannot write ({e})"),
        };
        StateWarning::new(&self.path, what)
    }
}

/// Turns an open error into the warning, setting a corrupt file aside.
/// SQLite's "busy" or "locked": another connection holds the lock.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn classify(path: &Path, e: &rusqlite::Error) -> StateWarning {
    if let rusqlite::Error::SqliteFailure(_, Some(msg)) = e
        && msg.starts_with(schema::NEWER)
    {
        return StateWarning::new(path, msg);
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => match set_aside(path) {
            Ok(aside) => StateWarning::new(
                path,
                format!(
                    "is not a usable database ({e}); set aside as {} (the next start begins a new one)",
                    aside.file_name().unwrap_or_default().to_string_lossy()
                ),
            ),
            Err(io) => StateWarning::new(
                path,
                format!("is not a usable database ({e}), and it could not be set aside ({io})"),
            ),
        },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            StateWarning::new(path, "is locked by another program")
        }
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            StateWarning::new(path, format!("cannot be written ({e})"))
        }
        _ => StateWarning::new(path, format!("cannot be used ({e})")),
    }
}

/// Renames a corrupt state (and its WAL files) to `state.db.corrupt-<time>`.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S%.fZ").to_string();
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".corrupt-{stamp}"));
    let aside = path.with_file_name(&name);
    std::fs::rename(path, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let mut from = path.as_os_str().to_os_string();
        from.push(suffix);
        let mut to = aside.as_os_str().to_os_string();
        to.push(suffix);
        if Path::new(&from).exists() {
            let _ = std::fs::rename(&from, &to);
        }
    }
    Ok(aside)
}

/// `file:PATH?immutable=1`, the path escaped for a URI.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'%' | b'?' | b'#' | 0x80.. => uri.push_str(&format!("%{b:02X}")),
            b => uri.push(b as char),
        }
    }
    uri.push_str("?immutable=1");
    uri
}
