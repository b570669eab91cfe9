//! End to end, kept state: the real binary in a tmux pane with
//! XDG_DATA_HOME in a temporary folder. Marks, a flag and a note survive
//! quitting and reopening, and `parallax notes` lists the note with its
//! quote, speaker and article; `--no-state` and `state = false` write no
//! file; a corrupt state file is set aside with one warning and the app
//! runs; so does a read-only data folder. Ignored by default (`needs
//! tmux`): CI runs them, and they fail without tmux.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_parallax");

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, require_tmux};

/// Runs `command` in a 120x40 session with `home`'s `data` and `config`
/// as the XDG folders.
fn start(name: &str, home: &Path, command: &str) -> Tmux {
    let env = [
        format!("XDG_DATA_HOME={}", home.join("data").display()),
        format!("XDG_CONFIG_HOME={}", home.join("config").display()),
    ];
    Tmux::start(&format!("state-{name}"), (120, 40), &env, command)
}

/// The library's rows, text only (after the heading), trimmed.
fn library_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip_while(|l| !l.contains("TITLE"))
        .skip(2)
        .take_while(|l| !l.trim().is_empty() && !l.contains("LIBRARY"))
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// Waits until the analysis filled the QUOTES column (no "…" left).
fn wait_analysed(tmux: &Tmux) -> String {
    let start = Instant::now();
    loop {
        let screen = tmux.wait_for(" LIBRARY ");
        let rows = library_rows(&screen);
        if !rows.is_empty() && rows.iter().all(|r| !r.ends_with('…')) {
            return screen;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "{screen}");
        sleep(Duration::from_millis(100));
    }
}

fn notes_json(home: &Path) -> serde_json::Value {
    let out = Command::new(BIN)
        .args(["notes", "--json"])
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
#[ignore = "needs tmux"]
fn marks_a_flag_and_a_note_come_back_after_reopening() {
    require_tmux();
    let home = tempfile::tempdir().unwrap();
    let tmux = start("keep", home.path(), BIN);
    let screen = wait_analysed(&tmux);
    let before = library_rows(&screen);
    // Mark the first two articles; read the second; flag its first quote
    // and write a note on it; quit from the reader.
    tmux.keys_paced(&["Space", "j", "Space", "Enter"]);
    tmux.wait_for(" READER ");
    tmux.keys_paced(&["n", "f"]);
    tmux.wait_for("flagged ✓ verified");
    tmux.keys_paced(&["A"]);
    tmux.wait_for("note: ");
    tmux.literal("call the press office");
    tmux.keys_paced(&["Enter"]);
    tmux.wait_for("note saved");
    let reader = tmux.wait_for("✓ verified ✎ note");
    tmux.keys_paced(&["Q"]);
    tmux.wait_for("PARALLAX-EXITED-0");
    let state = home.path().join("data/parallax/state.db");
    assert!(state.exists(), "the state file was written");
    drop(tmux);

    // Reopen: the reader comes back on the same article, the quote flagged.
    let tmux = start("keep2", home.path(), BIN);
    let again = tmux.wait_for(" READER ");
    let title = |s: &str| s.lines().nth(2).unwrap_or_default().trim().to_string();
    assert_eq!(
        title(&again),
        title(&reader),
        "the same article:\n{again}\n---\n{reader}"
    );
    // The quotes are found once the analysis is done.
    tmux.wait_for(" speakers   n next quote");
    tmux.keys_paced(&["n"]);
    tmux.wait_for("✓ verified ✎ note");
    // The library under it has both marks.
    tmux.keys_paced(&["q"]);
    let screen = wait_analysed(&tmux);
    let rows = library_rows(&screen);
    assert_eq!(rows.len(), before.len());
    assert!(
        rows[0].contains(" 1•") || rows[0].starts_with(" 1"),
        "mark 1 on the first row:\n{screen}"
    );
    assert!(rows[1].contains("2"), "{screen}");
    assert_eq!(rows[0].chars().nth(1), Some('1'), "{screen}");
    assert_eq!(rows[1].chars().nth(1), Some('2'), "{screen}");
    assert_eq!(
        rows[1].chars().nth(2),
        Some('•'),
        "the article with a flagged quote:\n{screen}"
    );
    // The notes screen lists the note.
    tmux.keys_paced(&["W"]);
    let notes = tmux.wait_for(" NOTES ");
    assert!(
        notes.contains("✓ verified") && notes.contains("call the press office"),
        "{notes}"
    );
    tmux.keys_paced(&["Q"]);
    tmux.wait_for("PARALLAX-EXITED-0");

    // The export: the note with its quote, speaker and article.
    let sheet = notes_json(home.path());
    let items = sheet["notes"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{sheet}");
    let item = &items[0];
    assert_eq!(item["note"], "call the press office");
    assert_eq!(item["flag"], "verified");
    assert_eq!(item["kind"], "quote");
    let quote = item["article"]["text"].as_str().unwrap();
    assert!(quote.len() > 10, "{sheet}");
    assert!(item["speaker"].as_str().is_some_and(|s| !s.is_empty()), "{sheet}");
    let id = item["article"]["id"].as_str().unwrap();
    let article = parallax::corpus::demo_corpus()
        .articles
        .into_iter()
        .find(|a| a.id == id)
        .unwrap();
    assert!(article.body.contains(quote), "the quote is the article's text");
    assert_eq!(item["article"]["title"].as_str(), article.title.as_deref());
    assert_eq!(item["article"]["outlet"].as_str(), article.source.as_deref());
    assert!(
        title(&reader).contains(&article.title.clone().unwrap()[..20]),
        "{reader}"
    );
}

/// Marks and flags an article, then quits.
fn mark_flag_quit(tmux: &Tmux) {
    wait_analysed(tmux);
    tmux.keys_paced(&["Space", "f"]);
    tmux.wait_for("flagged");
    tmux.keys_paced(&["q"]);
    tmux.wait_for("PARALLAX-EXITED-0");
}

#[test]
#[ignore = "needs tmux"]
fn no_state_and_state_false_write_no_file() {
    require_tmux();
    let home = tempfile::tempdir().unwrap();
    let tmux = start("nostate", home.path(), &format!("{BIN} --no-state"));
    let screen = tmux.wait_for(" LIBRARY ");
    assert!(!screen.contains("state"), "no warning: {screen}");
    mark_flag_quit(&tmux);
    assert!(!home.path().join("data").exists(), "nothing under XDG_DATA_HOME");
    drop(tmux);
    fs::create_dir_all(home.path().join("config/parallax")).unwrap();
    fs::write(home.path().join("config/parallax/config.toml"), "state = false\n").unwrap();
    let tmux = start("statefalse", home.path(), BIN);
    mark_flag_quit(&tmux);
    assert!(!home.path().join("data").exists(), "nothing under XDG_DATA_HOME");
}

#[test]
#[ignore = "needs tmux"]
fn a_corrupt_state_file_is_set_aside_with_one_warning_and_the_app_runs() {
    require_tmux();
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("data/parallax");
    fs::create_dir_all(&folder).unwrap();
    let junk = "not a database: the notes of a careful person ".repeat(100);
    fs::write(folder.join("state.db"), &junk).unwrap();
    let tmux = start("corrupt", home.path(), BIN);
    let screen = tmux.wait_for("not a usable database");
    assert!(screen.contains("running without kept state"), "{screen}");
    // The app runs: marks and flags work for this session.
    mark_flag_quit(&tmux);
    let aside: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("state.db.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), junk, "set aside whole");
    assert!(!folder.join("state.db").exists(), "nothing written this session");
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
#[ignore = "needs tmux"]
fn a_read_only_data_folder_gives_a_warning_and_the_app_runs() {
    require_tmux();
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("data/parallax");
    fs::create_dir_all(&folder).unwrap();
    // Root writes through file modes: a read-only bind mount in a private
    // mount namespace instead.
    let command = if is_root() {
        format!(
            "unshare -m sh -c 'mount --bind {d} {d} && mount -o remount,bind,ro {d} && exec {BIN}'",
            d = folder.display()
        )
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
        BIN.to_string()
    };
    let tmux = start("readonly", home.path(), &command);
    let screen = tmux.wait_for("running without kept state");
    assert!(screen.contains("state.db"), "{screen}");
    mark_flag_quit(&tmux);
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 0, "nothing written");
}
