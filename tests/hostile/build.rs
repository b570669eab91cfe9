//! The hostile corpora, one builder per case.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

use super::at;

/// Articles in the 50 MB JSON Lines file.
pub const BIG_JSONL_ARTICLES: usize = 100_000;
/// Tiny files in the debug-mode many-files case.
pub const MANY_FILES_DEBUG: usize = 20_000;

const GOOD: &str = "Harbour fees rise\n\nThe port raised its fees on Monday, the authority said.\n";

fn write(path: impl AsRef<Path>, bytes: impl AsRef<[u8]>) {
    fs::write(path, bytes).expect("write fixture");
}

pub fn build(name: &str, dir: &Path) {
    match name {
        "big-text" => big_text(dir),
        "big-jsonl" => big_jsonl(dir),
        "many-files" => many_files(dir, MANY_FILES_DEBUG),
        "many-files-100k" => many_files(dir, 100_000),
        "million-quotes" => million_quotes(dir),
        "deep-nesting" => deep_nesting(dir),
        "unreadable" => unreadable(dir),
        "non-utf8-names" => non_utf8_names(dir),
        "fifo" => fifo(dir),
        "growing" => write(at(dir, "good.txt"), GOOD),
        "symlink-loops" => symlink_loops(dir),
        other => panic!("unknown case {other}"),
    }
}

/// A 50 MB text file (refused by size) next to a good one.
fn big_text(dir: &Path) {
    write(at(dir, "good.txt"), GOOD);
    let line = "The council met again on Tuesday and the vote was close.\n";
    let mut f = fs::File::create(at(dir, "big.txt")).expect("create");
    let chunk = line.repeat(1 << 14);
    while f.metadata().expect("meta").len() < 50 << 20 {
        f.write_all(chunk.as_bytes()).expect("write");
    }
}

/// 50 MB of JSON Lines: 100,000 articles of about 550 bytes.
fn big_jsonl(dir: &Path) {
    let mut out = String::with_capacity(52 << 20);
    for i in 0..BIG_JSONL_ARTICLES {
        out.push_str(&format!(
            "{{\"title\": \"Report {i}\", \"source\": \"Daily {}\", \"text\": \"Article {i}: {}\"}}\n",
            i % 50,
            "The harbour board raised the fees again, the authority said on Monday. ".repeat(7)
        ));
    }
    assert!(out.len() >= 50 << 20, "{}", out.len());
    write(at(dir, "big.jsonl"), out);
}

fn many_files(dir: &Path, n: usize) {
    for i in 0..n {
        write(at(dir, &format!("a{i:06}.txt")), format!("Item {i} sold.\n"));
    }
}

/// A million straight quote marks, and a million curly ones in pairs.
fn million_quotes(dir: &Path) {
    write(at(dir, "straight.txt"), "\"".repeat(1_000_000));
    write(at(dir, "curly.txt"), "\u{201C}a\u{201D} ".repeat(500_000));
}

/// 500 nested folders with one article at the bottom.
fn deep_nesting(dir: &Path) {
    let mut path = dir.to_path_buf();
    for _ in 0..500 {
        path.push("d");
    }
    fs::create_dir_all(&path).expect("nest");
    write(path.join("deep.txt"), GOOD);
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// A file and a folder without read permission, next to a good file.
fn unreadable(dir: &Path) {
    write(at(dir, "good.txt"), GOOD);
    write(at(dir, "secret.txt"), GOOD.replace("Harbour", "Secret"));
    fs::create_dir(at(dir, "locked")).expect("mkdir");
    write(at(dir, "locked/inner.txt"), GOOD.replace("Harbour", "Inner"));
    #[cfg(unix)]
    {
        set_mode(&at(dir, "secret.txt"), 0o000);
        set_mode(&at(dir, "locked"), 0o000);
    }
}

/// File and folder names with bytes that are not UTF-8.
fn non_utf8_names(dir: &Path) {
    #[cfg(unix)]
    {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        write(dir.join(OsStr::from_bytes(b"caf\xe9.txt")), GOOD);
        let sub = dir.join(OsStr::from_bytes(b"r\xe9p\xff"));
        fs::create_dir(&sub).expect("mkdir");
        write(sub.join(OsStr::from_bytes(b"\xfe\xfd.md")), "# Odd\n\nA body.\n");
    }
    #[cfg(not(unix))]
    {
        write(at(dir, "a.txt"), GOOD);
        write(at(dir, "b.txt"), GOOD);
    }
}

fn fifo(dir: &Path) {
    write(at(dir, "good.txt"), GOOD);
    let _ = std::process::Command::new("mkfifo")
        .arg(at(dir, "pipe.txt"))
        .status();
}

fn symlink_loops(dir: &Path) {
    write(at(dir, "good.txt"), GOOD);
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink("self.txt", at(dir, "self.txt")).expect("link");
        symlink("b.txt", at(dir, "a.txt")).expect("link");
        symlink("a.txt", at(dir, "b.txt")).expect("link");
        fs::create_dir(at(dir, "sub")).expect("mkdir");
        symlink("..", at(dir, "sub/up")).expect("link");
    }
}

/// Appends to `grow.txt` from a thread until `stop`, or until it is past
/// the 8 MB limit for a text file.
pub fn grow_while_read(dir: &Path, stop: Arc<AtomicBool>) -> JoinHandle<()> {
    let path = at(dir, "grow.txt");
    let mut f = fs::File::create(&path).expect("create");
    f.write_all(b"Growing story\n\n").expect("write");
    let chunk = "More words arrive while the file is read.\n".repeat(1 << 10);
    std::thread::spawn(move || {
        let mut written = 0;
        while !stop.load(Ordering::Relaxed) && written < 12 << 20 {
            f.write_all(chunk.as_bytes()).expect("append");
            written += chunk.len();
        }
    })
}

/// Notes on how the environment shaped a case.
pub fn notes(name: &str, dir: &Path) -> Vec<String> {
    let mut notes = Vec::new();
    if name == "unreadable" && fs::read(at(dir, "secret.txt")).is_ok() {
        notes.push("permissions do not apply (running as root)".into());
    }
    if name == "fifo" && !at(dir, "pipe.txt").exists() {
        notes.push("no mkfifo".into());
    }
    notes
}

/// Restores permissions so the temporary folder can be removed.
pub fn cleanup(dir: &Path) {
    #[cfg(unix)]
    for p in ["secret.txt", "locked"] {
        if fs::symlink_metadata(at(dir, p)).is_ok() {
            set_mode(&at(dir, p), 0o755);
        }
    }
}
