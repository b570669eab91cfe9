//! newsboat's cache (`cache.db`, SQLite): every item not deleted is an
//! article, its feed's title the outlet, keyed by its guid like a feed's
//! items (`cache.db#<guid>`). The database is opened read-only and
//! `immutable` (no locks taken, no journal written), so a running
//! newsboat is never blocked or disturbed.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::article::{Article, Fields, Format};
use super::diagnostics::{Diagnostic, Kind};
use super::html_text::fragment_paragraphs;
use super::load::{FileResult, LoadOptions, name_articles};
use super::parse::{ParseError, Parsed};

/// The first bytes of every SQLite 3 database.
pub const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Is this path named like a database (so it is opened as one, not read
/// as text)?
pub fn named_like(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "cache.db")
        || path.extension().is_some_and(|e| {
            let e = e.to_string_lossy().to_ascii_lowercase();
            matches!(e.as_str(), "db" | "sqlite" | "sqlite3")
        })
}

/// Where newsboat keeps its cache: `~/.newsboat/cache.db`, else
/// `$XDG_DATA_HOME/newsboat/cache.db` (`~/.local/share` when unset). The
/// first that exists; `Err` lists the places looked at.
pub fn find_cache() -> Result<PathBuf, Vec<PathBuf>> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let xdg = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.as_ref().map(|h| h.join(".local/share")));
    let places: Vec<PathBuf> = [
        home.map(|h| h.join(".newsboat/cache.db")),
        xdg.map(|x| x.join("newsboat/cache.db")),
    ]
    .into_iter()
    .flatten()
    .collect();
    places.iter().find(|p| p.is_file()).cloned().ok_or(places)
}

/// Loads a newsboat cache.
pub fn load(path: &Path, options: LoadOptions) -> FileResult {
    let mut result = FileResult::default();
    match read(path, options.max_articles_per_file, options.max_text_bytes) {
        Ok(parsed) => name_articles(path, parsed, options, &mut result),
        Err(diagnostic) => result.diagnostics.push(diagnostic),
    }
    result
}

fn read(path: &Path, cap: usize, max_item_bytes: u64) -> Result<Parsed, Diagnostic> {
    let error = |kind: Kind, what: String| Diagnostic::error(path, what).kind(kind);
    check_magic(path).map_err(|(kind, why)| error(kind, why))?;
    let db =
        open(path).map_err(|e| error(Kind::Unreadable, format!("cannot open the SQLite database: {e}")))?;
    let malformed = |e: rusqlite::Error| {
        error(
            Kind::Malformed,
            format!("not a newsboat cache (no readable rss_item and rss_feed tables): {e}"),
        )
    };
    let total: i64 = db
        .query_row("SELECT count(*) FROM rss_item WHERE deleted = 0", [], |r| {
            r.get(0)
        })
        .map_err(malformed)?;
    let mut stmt = db
        .prepare(
            "SELECT i.guid, i.title, i.author, i.url, i.pubDate, i.content, f.title, i.feedurl \
             FROM rss_item i LEFT JOIN rss_feed f ON f.rssurl = i.feedurl \
             WHERE i.deleted = 0 ORDER BY i.feedurl, i.id",
        )
        .map_err(malformed)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Row {
                guid: text(r, 0),
                title: text(r, 1),
                author: text(r, 2),
                url: text(r, 3),
                pub_date: r.get::<_, Option<i64>>(4).ok().flatten(),
                content: text(r, 5),
                feed_title: text(r, 6),
                feed_url: text(r, 7),
            })
        })
        .map_err(malformed)?;
    let mut items = Vec::new();
    for row in rows.take(cap) {
        let row = row.map_err(malformed)?;
        let key = Some(row.guid.trim().to_owned())
            .filter(|g| !g.is_empty())
            .or_else(|| Some(row.url.trim().to_owned()).filter(|u| !u.is_empty()));
        items.push((key, article(row, max_item_bytes)));
    }
    let mut parsed = Parsed {
        dropped: usize::try_from(total).unwrap_or(0).saturating_sub(items.len()),
        ..Parsed::default()
    };
    super::feed::disambiguate(&mut items, &mut parsed.warnings);
    for (key, entry) in items {
        if let (Some(key), Err(_)) = (&key, &entry) {
            parsed.failure_keys.insert(parsed.len(), key.clone());
        }
        parsed.push(entry.map(|mut a| {
            a.id = key.unwrap_or_default();
            a
        }));
    }
    if parsed.is_empty() && parsed.dropped == 0 {
        return Err(error(Kind::NoBody, "the newsboat cache holds no items".into()));
    }
    Ok(parsed)
}

struct Row {
    guid: String,
    title: String,
    author: String,
    url: String,
    pub_date: Option<i64>,
    content: String,
    feed_title: String,
    feed_url: String,
}

/// A text column; NULL, blobs and numbers read as text or as empty.
fn text(row: &rusqlite::Row, i: usize) -> String {
    match row.get_ref(i) {
        Ok(rusqlite::types::ValueRef::Text(t)) => String::from_utf8_lossy(t).into_owned(),
        Ok(rusqlite::types::ValueRef::Integer(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn article(row: Row, max_bytes: u64) -> Result<Article, ParseError> {
    if row.content.len() as u64 > max_bytes {
        return Err(ParseError::Malformed(format!(
            "the item's content is {} bytes, over the {max_bytes} byte limit for one article",
            row.content.len()
        )));
    }
    let paragraphs = fragment_paragraphs(&row.content);
    if paragraphs.is_empty() {
        return Err(ParseError::NoBody);
    }
    let published = row
        .pub_date
        .filter(|&t| t > 0)
        .and_then(|t| jiff::Timestamp::from_second(t).ok())
        .map(|t| t.to_string());
    let meta = super::clean::meta_value;
    let fields = Fields {
        title: meta(&row.title),
        source: meta(&row.feed_title).or_else(|| meta(&row.feed_url)),
        published,
        authors: super::clean::split_authors(&row.author),
        url: meta(row.url.trim()),
        ..Fields::default()
    };
    Ok(fields.into_article(Format::Newsboat, paragraphs))
}

fn check_magic(path: &Path) -> Result<(), (Kind, String)> {
    use std::io::Read;
    let mut file = super::load::open_for_reading(path).map_err(|e| {
        (
            super::walk::io_kind(&e),
            format!("cannot open: {}", super::walk::io_reason(&e)),
        )
    })?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err((Kind::NotRegular, "not a regular file".into()));
    }
    let mut head = [0u8; 16];
    let n = file.read(&mut head).unwrap_or(0);
    if n < 16 || &head != SQLITE_MAGIC {
        return Err((
            Kind::Malformed,
            "named like a database but not an SQLite file".into(),
        ));
    }
    Ok(())
}

/// Opens read-only through a `file:` URI with `immutable=1`: SQLite takes
/// no lock and reads no journal, so newsboat (which may be writing) is
/// never kept waiting.
fn open(path: &Path) -> rusqlite::Result<Connection> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let uri = format!("file:{}?mode=ro&immutable=1", uri_path(&absolute));
    let flags =
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(uri, flags)
}

/// A path percent-encoded for a `file:` URI (`?`, `#`, `%` and the rest).
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
