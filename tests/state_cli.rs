//! `parallax notes` and `parallax state` on a corpus folder of original
//! articles, with notes written through the library as the TUI writes
//! them; XDG_DATA_HOME is a temporary folder. A note survives an edit
//! elsewhere in its article and becomes detached when its quote goes.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use parallax::state::{Anchor, Flag, Kind, Note, Store, Target, corpus_key, keys};

const ARTICLE: &str = "Title: Ferry to Osterby resumes after storm repairs
Source: The Fjord Courier
Published Time: 2026-04-02
Text:
The ferry link to Osterby island reopened on Wednesday after three weeks of repairs to the storm-damaged pier.
“The pier is safer now than the day it was built,” said harbour master Tove Lindqvist, who oversaw the works.
Islanders had relied on a water taxi since the storm. Fares will stay frozen until the end of the summer, the operator said.
";

const QUOTE: &str = "The pier is safer now than the day it was built,";

struct Setup {
    _dir: tempfile::TempDir,
    data: PathBuf,
    corpus: PathBuf,
    file: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let file = corpus.join("ferry.txt");
    fs::write(&file, ARTICLE).unwrap();
    fs::write(
        corpus.join("other.txt"),
        "Title: Weather\nText:\nRain all week on the coast.\n",
    )
    .unwrap();
    Setup {
        data: dir.path().join("data"),
        _dir: dir,
        corpus,
        file,
    }
}

fn parallax(s: &Setup) -> Command {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.env("XDG_DATA_HOME", &s.data)
        .env("XDG_CONFIG_HOME", s.data.join("config"))
        .env_remove("NO_COLOR");
    cmd
}

/// A note on the quote, anchored as the reader anchors it (the loaded
/// body's chars).
fn keep_note(s: &Setup) {
    let corpus = parallax::corpus::load(std::slice::from_ref(&s.corpus));
    let article = corpus
        .articles
        .iter()
        .find(|a| a.path.ends_with("ferry.txt"))
        .unwrap();
    let at = article.body.find(QUOTE).expect("the quote in the body");
    let start = article.body[..at].chars().count();
    let mut note = Note::new(
        &corpus_key(std::slice::from_ref(&s.corpus)),
        Kind::Quote,
        Target {
            article: keys::canonical(&s.file).display().to_string(),
            anchor: Some(Anchor::of(&article.body, start, start + QUOTE.chars().count())),
        },
    );
    note.flag = Some(Flag::Disputed);
    note.text = "ask the ministry for the inspection report".into();
    let mut store = Store::open(&s.data.join("parallax/state.db")).unwrap();
    store.save_note(&note).unwrap();
}

fn worksheet(s: &Setup) -> serde_json::Value {
    let out = parallax(s)
        .arg("notes")
        .arg(&s.corpus)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_worksheet_lists_the_note_with_its_quote_speaker_and_article() {
    let s = setup();
    keep_note(&s);
    let sheet = worksheet(&s);
    let item = &sheet["notes"][0];
    assert_eq!(sheet["notes"].as_array().unwrap().len(), 1, "{sheet}");
    assert_eq!(item["flag"], "disputed");
    assert_eq!(item["kind"], "quote");
    assert_eq!(item["status"], "attached");
    assert_eq!(item["note"], "ask the ministry for the inspection report");
    assert_eq!(item["article"]["text"], QUOTE);
    assert_eq!(
        item["article"]["title"],
        "Ferry to Osterby resumes after storm repairs"
    );
    assert_eq!(item["article"]["outlet"], "The Fjord Courier");
    assert!(item["article"]["id"].as_str().unwrap().ends_with("ferry.txt"));
    let speaker = item["speaker"].as_str().expect("a speaker");
    assert!(speaker.contains("Lindqvist"), "{speaker}");
    assert!(sheet["detached"].as_array().unwrap().is_empty());
    // Markdown and text say the same.
    let md = parallax(&s)
        .arg("notes")
        .arg(&s.corpus)
        .arg("--markdown")
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    for want in [
        QUOTE,
        "Lindqvist",
        "[disputed] quote",
        "The Fjord Courier",
        "inspection report",
    ] {
        assert!(md.contains(want), "{want} in\n{md}");
    }
    // With no path: every corpus with notes (loaded again from its paths).
    let all = parallax(&s).arg("notes").output().unwrap();
    let all = String::from_utf8(all.stdout).unwrap();
    assert!(
        all.contains("1 note, 0 detached") && all.contains("Lindqvist"),
        "{all}"
    );
}

#[test]
fn a_note_survives_an_edit_elsewhere_and_detaches_when_its_quote_goes() {
    let s = setup();
    keep_note(&s);
    let edited = ARTICLE.replace(
        "The ferry link",
        "Correction: an earlier version gave the wrong date. The ferry link",
    );
    fs::write(&s.file, &edited).unwrap();
    let sheet = worksheet(&s);
    let item = &sheet["notes"][0];
    assert_eq!(item["status"], "moved", "{sheet}");
    assert_eq!(item["article"]["text"], QUOTE);
    assert!(item["speaker"].as_str().unwrap().contains("Lindqvist"));
    let removed = edited.replace(&format!("“{QUOTE}” said"), "Said");
    fs::write(&s.file, removed).unwrap();
    let sheet = worksheet(&s);
    assert!(sheet["notes"].as_array().unwrap().is_empty(), "{sheet}");
    let gone = &sheet["detached"][0];
    assert_eq!(gone["status"], "detached");
    assert_eq!(gone["note"], "ask the ministry for the inspection report");
    assert_eq!(gone["article"]["text"], QUOTE, "the kept text is shown");
    let text = parallax(&s).arg("notes").arg(&s.corpus).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("Detached") && text.contains("inspection report"),
        "{text}"
    );
}

#[test]
fn state_path_and_clear() {
    let s = setup();
    let out = parallax(&s).args(["state", "--path"]).output().unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(Path::new(printed.trim()), s.data.join("parallax/state.db"));
    assert!(!s.data.exists(), "--path creates nothing");
    let out = parallax(&s).args(["state", "--clear"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("nothing kept"),
        "{out:?}"
    );
    keep_note(&s);
    // Another corpus is not cleared by this one.
    let out = parallax(&s)
        .args(["state", "--clear"])
        .arg(&s.file)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("0 note(s)"),
        "{out:?}"
    );
    assert_eq!(worksheet(&s)["notes"].as_array().unwrap().len(), 1);
    let out = parallax(&s)
        .args(["state", "--clear"])
        .arg(&s.corpus)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 note(s)"),
        "{out:?}"
    );
    assert!(worksheet(&s)["notes"].as_array().unwrap().is_empty());
    keep_note(&s);
    let out = parallax(&s).args(["state", "--clear"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("every corpus"),
        "{out:?}"
    );
    assert!(worksheet(&s)["notes"].as_array().unwrap().is_empty());
}

#[test]
fn notes_without_a_state_file_say_so_and_create_nothing() {
    let s = setup();
    let out = parallax(&s).arg("notes").arg(&s.corpus).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("no notes kept"),
        "{out:?}"
    );
    assert!(!s.data.exists());
}

/// A note or article text holding terminal escapes (written by another
/// program into the state file, or from a hostile file) prints escaped.
#[test]
fn the_worksheet_escapes_what_it_prints() {
    let s = setup();
    let hostile = "\u{1b}]0;PWNED\u{7}\u{202e}evil\u{9b}";
    let mut note = Note::new(
        "gone-corpus",
        Kind::Article,
        Target {
            article: format!("/nowhere/{hostile}.txt"),
            anchor: Some(Anchor {
                text: format!("said {hostile}"),
                start: 0,
                end: 5,
            }),
        },
    );
    note.text = hostile.into();
    note.title = Some(hostile.into());
    note.outlet = Some(hostile.into());
    note.speaker = Some(hostile.into());
    Store::open(&s.data.join("parallax/state.db"))
        .unwrap()
        .save_note(&note)
        .unwrap();
    for args in [&["notes"][..], &["notes", "--markdown"], &["notes", "--json"]] {
        let out = parallax(&s).args(args).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains("PWNED"), "{args:?}: {stdout}");
        assert!(
            !stdout
                .chars()
                .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}' || c == '\u{9b}'),
            "{args:?} printed a raw control: {stdout:?}"
        );
    }
}
