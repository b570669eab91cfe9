//! The state file under two processes and on a read-only data folder,
//! through the library (as the TUI's writer uses it) and the binary. Each
//! case runs children: this test binary again (its child branch), or
//! `parallax` itself; XDG_DATA_HOME is always a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use parallax::state::{Anchor, Flag, Kind, Note, Store, Target};

const BIN: &str = env!("CARGO_BIN_EXE_parallax");
const NOTES_EACH: usize = 40;

/// This test binary again, running only `test` with `env`.
fn child(test: &str, env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", test, "--nocapture", "--test-threads=1"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

fn note(who: &str, n: usize) -> Note {
    let body = format!("{who} said “number {n}” today.");
    let mut note = Note::new(
        "corpus-key",
        Kind::Quote,
        Target {
            article: format!("/articles/{who}.txt"),
            anchor: Some(Anchor::of(&body, 10, 18)),
        },
    );
    note.flag = Some(Flag::Verified);
    note.text = format!("{who} {n}");
    note
}

#[test]
fn two_processes_writing_notes_at_once_keep_both() {
    if let Ok(path) = std::env::var("STATE_WRITER_PATH") {
        // A child: wait for the go file, then write a note per transaction.
        let who = std::env::var("STATE_WRITER_WHO").unwrap();
        let go = PathBuf::from(std::env::var("STATE_WRITER_GO").unwrap());
        let start = Instant::now();
        while !go.exists() {
            assert!(start.elapsed() < Duration::from_secs(20), "no go");
            std::thread::sleep(Duration::from_millis(2));
        }
        let mut store = Store::open(Path::new(&path)).unwrap();
        for n in 0..NOTES_EACH {
            store.save_note(&note(&who, n)).unwrap();
        }
        println!("WROTE {who}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parallax/state.db");
    let go = dir.path().join("go");
    let spawn = |who: &str| {
        child(
            "two_processes_writing_notes_at_once_keep_both",
            &[
                ("STATE_WRITER_PATH", path.to_str().unwrap()),
                ("STATE_WRITER_WHO", who),
                ("STATE_WRITER_GO", go.to_str().unwrap()),
            ],
        )
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap()
    };
    // Both start on a state file that does not exist yet.
    let (a, b) = (spawn("ana"), spawn("ben"));
    fs::write(&go, "").unwrap();
    for (who, child) in [("ana", a), ("ben", b)] {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains(&format!("WROTE {who}")),
            "{who}: {out:?}"
        );
    }
    let notes = Store::open(&path).unwrap().notes().unwrap();
    for who in ["ana", "ben"] {
        let mine: Vec<_> = notes.iter().filter(|n| n.text.starts_with(who)).collect();
        assert_eq!(mine.len(), NOTES_EACH, "{who}'s notes");
    }
    assert_eq!(notes.len(), 2 * NOTES_EACH);
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// Runs `program args` with `dir` read-only: as root (who writes through
/// file modes) on a read-only bind mount in a private mount namespace,
/// else with the modes taken away.
fn run_read_only(dir: &Path, program: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = if is_root() {
        let mut cmd = Command::new("unshare");
        cmd.args([
            "-m",
            "sh",
            "-c",
            r#"mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@""#,
            "sh",
        ])
        .arg(dir)
        .arg(program);
        cmd
    } else {
        use std::os::unix::fs::PermissionsExt;
        for entry in fs::read_dir(dir).unwrap() {
            fs::set_permissions(entry.unwrap().path(), fs::Permissions::from_mode(0o444)).unwrap();
        }
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
        Command::new(program)
    };
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run read-only");
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
    out
}

/// A state with one note in `data/parallax/`, checkpointed (no WAL files).
fn state_with_a_note(data: &Path) -> PathBuf {
    let path = data.join("parallax/state.db");
    let mut store = Store::open(&path).unwrap();
    store.save_note(&note("ana", 1)).unwrap();
    drop(store);
    path
}

#[test]
fn a_read_only_data_folder_gives_one_warning_and_loses_nothing() {
    if let Ok(path) = std::env::var("STATE_RO_PATH") {
        match Store::open(Path::new(&path)) {
            Ok(_) => println!("OPENED"),
            Err(w) => println!("WARNING {w}"),
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = state_with_a_note(dir.path());
    let folder = path.parent().unwrap();
    let before = fs::read(&path).unwrap();
    let exe = std::env::current_exe().unwrap();
    let out = run_read_only(
        folder,
        &exe,
        &[
            "--exact",
            "a_read_only_data_folder_gives_one_warning_and_loses_nothing",
            "--nocapture",
        ],
        &[("STATE_RO_PATH", path.to_str().unwrap())],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout.contains("WARNING running without kept state: state.db"),
        "{stdout}"
    );
    assert!(stdout.contains("running without kept state"), "{stdout}");
    assert_eq!(stdout.matches("WARNING").count(), 1, "{stdout}");
    // The binary: clearing fails with the warning; the notes still read.
    let data = dir.path().to_str().unwrap();
    let out = run_read_only(
        folder,
        Path::new(BIN),
        &["state", "--clear"],
        &[("XDG_DATA_HOME", data)],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(stderr.contains("running without kept state"), "{stderr}");
    let out = run_read_only(
        folder,
        Path::new(BIN),
        &["notes", "--json"],
        &[("XDG_DATA_HOME", data)],
    );
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\"ana 1\""),
        "{out:?}"
    );
    assert_eq!(fs::read(&path).unwrap(), before, "the state file is untouched");
    assert_eq!(Store::open(&path).unwrap().notes().unwrap().len(), 1);
}
