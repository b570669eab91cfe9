//! The store: round trips, the failure modes (corrupt, read-only, newer),
//! and notes re-attached after an edit.

use std::fs;

use super::*;
use crate::corpus::{Article, Corpus};

fn target(article: &str, body: &str, text: &str) -> Target {
    let b = body.find(text).unwrap();
    let start = body[..b].chars().count();
    Target {
        article: article.into(),
        anchor: Some(Anchor::of(body, start, start + text.chars().count())),
    }
}

#[test]
fn notes_and_sessions_round_trip_and_clear() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/state.db");
    let mut store = Store::open(&path).unwrap();
    let mut note = Note::new("c1", Kind::Quote, target("a", "He said “yes” twice.", "yes"));
    note.flag = Some(Flag::Disputed);
    note.text = "check with the ministry".into();
    store.save_note(&note).unwrap();
    let session = Session {
        marks: vec!["a".into(), "b".into()],
        screen: "reader".into(),
        article: Some("a".into()),
        other: Some("b".into()),
        scroll: 7,
        sort: "title".into(),
        filter: "rail".into(),
        ..Session::default()
    };
    store.save_session("c1", &session).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.notes().unwrap(), [note.clone()]);
    assert_eq!(store.session("c1").unwrap(), Some(session));
    assert_eq!(store.session("c2").unwrap(), None);
    assert_eq!(store.corpora().unwrap(), ["c1"]);
    // Emptied, a note is deleted.
    note.flag = None;
    note.text.clear();
    store.save_note(&note).unwrap();
    assert!(store.notes().unwrap().is_empty());
    assert_eq!(store.clear(Some("c1")).unwrap(), (1, 0));
    assert!(store.corpora().unwrap().is_empty());
    let journal: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
}

#[test]
fn a_corrupt_file_is_set_aside_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.db");
    let junk = b"this is not a database, but somebody's file".repeat(200);
    fs::write(&path, &junk).unwrap();
    let warning = Store::open(&path).unwrap_err();
    assert!(warning.0.contains("not a usable database"), "{warning}");
    assert!(warning.0.contains("running without kept state"), "{warning}");
    assert!(!path.exists(), "the corrupt file is moved, not left in place");
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("state.db.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(fs::read(&aside[0]).unwrap(), junk);
    assert!(
        warning
            .0
            .contains(&*aside[0].file_name().unwrap().to_string_lossy())
    );
    // The next start begins a new state beside it.
    Store::open(&path).unwrap();
}

#[test]
fn a_state_from_a_newer_parallax_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("INSERT INTO schema_version (version) VALUES (99)", [])
        .unwrap();
    drop(conn);
    let warning = Store::open(&path).unwrap_err();
    assert!(warning.0.contains(schema::NEWER), "{warning}");
    assert!(path.exists());
}

#[test]
fn a_folder_that_cannot_be_made_gives_a_warning() {
    // (A read-only folder is tested in tests/state_store.rs, in a child
    // process: as root, on a read-only bind mount.)
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("file");
    fs::write(&blocked, "x").unwrap();
    let warning = Store::open(&blocked.join("parallax/state.db")).unwrap_err();
    assert!(warning.0.contains("its folder cannot be created"), "{warning}");
    assert!(warning.0.contains("running without kept state"), "{warning}");
    assert_eq!(fs::read_to_string(&blocked).unwrap(), "x");
}

fn article(id: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        title: Some(format!("Title of {id}")),
        source: Some("The Valley Wire".into()),
        body: body.into(),
        ..Article::default()
    }
}

#[test]
fn notes_follow_their_text_through_edits_and_detach_when_it_goes() {
    let body = "First paragraph.\n\nMayor Ilse Brandt said “the bridge opens in May” on Friday. \
                Workers said “the steel is late” too.";
    let mut kept = Note::new(
        "demo",
        Kind::Quote,
        target("demo/a.txt", body, "the bridge opens in May"),
    );
    kept.text = "confirm with the council minutes".into();
    let mut lost = Note::new(
        "demo",
        Kind::Quote,
        target("demo/a.txt", body, "the steel is late"),
    );
    lost.flag = Some(Flag::Disputed);
    lost.title = Some("Title of demo/a.txt".into());
    let notes = [kept.clone(), lost.clone()];
    let corpus = |body: &str| Corpus {
        articles: vec![article("demo/b.txt", "other"), article("demo/a.txt", body)],
        ..Corpus::default()
    };
    let sheet = worksheet::resolve(&notes, &corpus(body), keys::DEMO, None);
    assert_eq!(sheet.notes.len(), 2);
    assert!(
        sheet
            .notes
            .iter()
            .all(|i| i.status == worksheet::Status::Attached)
    );
    // Edited elsewhere: a paragraph added before, and the other quote removed.
    let edited = format!(
        "A correction was added at the top.\n\n{}",
        body.replace(" Workers said “the steel is late” too.", "")
    );
    let sheet = worksheet::resolve(&notes, &corpus(&edited), keys::DEMO, None);
    assert_eq!(sheet.notes.len(), 1);
    let item = &sheet.notes[0];
    assert_eq!(item.uid, kept.uid);
    assert_eq!(item.status, worksheet::Status::Moved);
    assert_eq!(item.article.text.as_deref(), Some("the bridge opens in May"));
    assert_eq!(item.article.id.as_deref(), Some("demo/a.txt"));
    let (s, e) = item.article.span.unwrap();
    assert_eq!(
        edited.chars().skip(s).take(e - s).collect::<String>(),
        "the bridge opens in May"
    );
    assert_eq!(sheet.detached.len(), 1);
    let gone = &sheet.detached[0];
    assert_eq!(gone.uid, lost.uid);
    assert_eq!(gone.article.text.as_deref(), Some("the steel is late"));
    assert_eq!(gone.flag, Some(Flag::Disputed));
    // The article itself removed: both detached, neither dropped.
    let sheet = worksheet::resolve(&notes, &Corpus::default(), keys::DEMO, None);
    assert_eq!((sheet.notes.len(), sheet.detached.len()), (0, 2));
    assert_eq!(
        sheet.detached[1].article.title.as_deref(),
        Some("Title of demo/a.txt")
    );
}

/// Another program holding the write lock past the busy timeout: the
/// writer gives one warning (and keeps the file as it was).
#[test]
fn a_locked_state_gives_one_warning_from_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.db");
    let store = Store::open(&path).unwrap();
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let worker = worker::Worker::start(store);
    let note = Note::new(
        "c",
        Kind::Article,
        Target {
            article: "a".into(),
            anchor: None,
        },
    );
    let mut flagged = note.clone();
    flagged.flag = Some(Flag::Verified);
    worker.send(worker::Write::Note(flagged.clone()));
    worker.send(worker::Write::Note(flagged));
    let warning = worker.finish().expect("a warning");
    assert!(warning.0.contains("is locked by another program"), "{warning}");
    other.execute_batch("ROLLBACK").unwrap();
    assert!(Store::open(&path).unwrap().notes().unwrap().is_empty());
}
