//! newsboat's cache: a database built here with newsboat's schema loads
//! read-only, deleted items left out, even while another connection holds
//! it locked; `--newsboat` finds it under $HOME or $XDG_DATA_HOME.

use std::path::Path;

use assert_cmd::Command;
use parallax::corpus::{Format, Kind, LoadOptions, load, load_file};
use rusqlite::Connection;
use serde_json::Value;

/// The two tables newsboat keeps (as its cache.db declares them).
const SCHEMA: &str = r#"
CREATE TABLE rss_feed ( rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, url VARCHAR(1024) NOT NULL,
  title VARCHAR(1024) NOT NULL, lastmodified INTEGER(11) NOT NULL DEFAULT 0,
  is_rtl INTEGER(1) NOT NULL DEFAULT 0, etag VARCHAR(128) NOT NULL DEFAULT "" );
CREATE TABLE rss_item ( id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid VARCHAR(64) NOT NULL,
  title VARCHAR(1024) NOT NULL, author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL,
  feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL, content VARCHAR(65535) NOT NULL,
  unread INTEGER(1) NOT NULL, enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024),
  enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0,
  base VARCHAR(128) NOT NULL DEFAULT "", content_mime_type VARCHAR(255) NOT NULL DEFAULT "");
CREATE TABLE metadata ( db_schema_version_major INTEGER NOT NULL, db_schema_version_minor INTEGER NOT NULL );
"#;

fn build_cache(path: &Path) {
    let db = Connection::open(path).unwrap();
    db.execute_batch(SCHEMA).unwrap();
    db.execute_batch(
        r#"
INSERT INTO rss_feed (rssurl, url, title) VALUES
  ('https://fenwick-tribune.example/rss', 'https://fenwick-tribune.example/', 'Fenwick Tribune'),
  ('https://saltmarsh-radio.example/atom', 'https://saltmarsh-radio.example/', 'Saltmarsh Radio News');
INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, deleted) VALUES
  ('ft-101', 'Tide mill restored', 'Harriet Lume', 'https://fenwick-tribune.example/tide-mill',
   'https://fenwick-tribune.example/rss', 1772000000,
   '<p>The tide mill at Fenwick turned again on Sunday after a restoration that took six years.</p><p>Volunteers rebuilt the wheel from oak felled on the estate.</p>', 1, 0),
  ('ft-102', 'Old item the reader deleted', 'Harriet Lume', 'https://fenwick-tribune.example/old',
   'https://fenwick-tribune.example/rss', 1771000000, '<p>This item was deleted in newsboat.</p>', 0, 1),
  ('sr-7', 'Flood warning lifted', '', 'https://saltmarsh-radio.example/flood',
   'https://saltmarsh-radio.example/atom', 1772100000,
   'The flood warning for the lower marsh was lifted at noon. Roads reopened by evening.', 0, 0),
  ('sr-8', 'Empty item', '', 'https://saltmarsh-radio.example/empty',
   'https://saltmarsh-radio.example/atom', 1772200000, '', 1, 0);
INSERT INTO metadata VALUES (2, 11);
"#,
    )
    .unwrap();
}

#[test]
fn every_item_not_deleted_is_an_article_with_its_feed_as_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    build_cache(&path);
    let result = load_file(&path, LoadOptions::default());
    let ids: Vec<String> = result
        .articles
        .iter()
        .map(|a| a.id.rsplit_once("cache.db#").unwrap().1.to_owned())
        .collect();
    assert_eq!(ids, ["ft-101", "sr-7"], "the deleted item is left out");
    let mill = &result.articles[0];
    assert_eq!(mill.format, Some(Format::Newsboat));
    assert_eq!(mill.title.as_deref(), Some("Tide mill restored"));
    assert_eq!(mill.source.as_deref(), Some("Fenwick Tribune"));
    assert_eq!(mill.authors, ["Harriet Lume"]);
    assert_eq!(
        mill.url.as_deref(),
        Some("https://fenwick-tribune.example/tide-mill")
    );
    assert_eq!(mill.published_display(), Some("2026-02-25T06:13:20Z"));
    assert_eq!(
        mill.paragraphs().collect::<Vec<_>>(),
        [
            "The tide mill at Fenwick turned again on Sunday after a restoration that took six years.",
            "Volunteers rebuilt the wheel from oak felled on the estate."
        ]
    );
    assert_eq!(result.articles[1].source.as_deref(), Some("Saltmarsh Radio News"));
    assert!(result.articles[1].authors.is_empty());
    // The empty item is a diagnostic naming it; nothing else is.
    assert_eq!(result.diagnostics.len(), 1, "{:?}", result.diagnostics);
    assert_eq!(result.diagnostics[0].kind, Kind::NoBody);
    assert!(result.diagnostics[0].location.ends_with("cache.db#sr-8"));
}

#[test]
fn a_locked_cache_still_loads_and_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    build_cache(&path);
    let before = std::fs::read(&path).unwrap();
    // newsboat in the middle of a write: an exclusive lock held.
    let writer = Connection::open(&path).unwrap();
    writer
        .execute_batch("BEGIN EXCLUSIVE; UPDATE rss_item SET unread = 0;")
        .unwrap();
    let result = load_file(&path, LoadOptions::default());
    assert_eq!(result.articles.len(), 2, "{:?}", result.diagnostics);
    // Our read took no lock: the writer can still commit.
    writer.execute_batch("COMMIT;").unwrap();
    drop(writer);
    let entries: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries, ["cache.db"], "no journal or WAL left behind");
    assert_eq!(std::fs::read(&path).unwrap().len(), before.len());
}

#[test]
fn a_cache_is_found_in_a_folder_and_other_databases_are_diagnosed() {
    let dir = tempfile::tempdir().unwrap();
    build_cache(&dir.path().join("cache.db"));
    let corpus = load(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.articles.len(), 2);

    let other = dir.path().join("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
        .unwrap();
    let result = load_file(&other, LoadOptions::default());
    assert!(result.articles.is_empty());
    assert_eq!(result.diagnostics[0].kind, Kind::Malformed);
    assert!(result.diagnostics[0].message.contains("not a newsboat cache"));

    let fake = dir.path().join("fake.db");
    std::fs::write(&fake, "not a database at all").unwrap();
    let result = load_file(&fake, LoadOptions::default());
    assert_eq!(result.diagnostics[0].kind, Kind::Malformed);
}

fn list_with_env(vars: &[(&str, &Path)]) -> (bool, Vec<Value>, String) {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.env_remove("XDG_DATA_HOME")
        .args(["list", "--json", "--newsboat"]);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let rows = serde_json::from_slice(&out.stdout).unwrap_or_default();
    (
        out.status.success(),
        rows,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_newsboat_flag_finds_the_cache_in_home_or_xdg_data_home() {
    let home = tempfile::tempdir().unwrap();
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("newsboat")).unwrap();
    build_cache(&xdg.path().join("newsboat/cache.db"));
    let (_, rows, err) = list_with_env(&[("HOME", home.path()), ("XDG_DATA_HOME", xdg.path())]);
    // The empty item is reported by its guid.
    assert!(err.contains("newsboat/cache.db#sr-8: no article text"), "{err}");
    let formats: Vec<&str> = rows.iter().map(|r| r["format"].as_str().unwrap()).collect();
    assert_eq!(formats, ["newsboat", "newsboat"]);

    std::fs::create_dir_all(home.path().join(".newsboat")).unwrap();
    std::fs::copy(
        xdg.path().join("newsboat/cache.db"),
        home.path().join(".newsboat/cache.db"),
    )
    .unwrap();
    let (_, rows, err) = list_with_env(&[("HOME", home.path())]);
    assert_eq!(rows.len(), 2, "{err}");
    assert!(
        rows[0]["id"]
            .as_str()
            .unwrap()
            .contains(".newsboat/cache.db#ft-101")
    );

    let empty = tempfile::tempdir().unwrap();
    let (ok, _, err) = list_with_env(&[("HOME", empty.path())]);
    assert!(!ok);
    assert!(err.contains("no newsboat cache"), "{err}");
}
