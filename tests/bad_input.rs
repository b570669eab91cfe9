//! Bad input through the real binary: every bad file gets one diagnostic
//! naming it, the good files still load, nothing panics.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const GOOD: &str = "Harbour fees rise\n\nThe port raised its fees on Monday, the authority said.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join(name), bytes).unwrap();
}

fn bad_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "good-1.txt", GOOD.as_bytes());
    write(
        root,
        "good-2.json",
        br#"{"title": "T", "text": "A second good article."}"#,
    );
    write(
        root,
        "binary.txt",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00",
    );
    write(root, "empty.txt", b"");
    write(
        root,
        "invalid-utf8.txt",
        b"Caf\xe9 owners protest\n\nThe caf\xe9 owners marched.\n",
    );
    write(
        root,
        "truncated.json",
        br#"{"title": "Cut off", "text": "The file ends he"#,
    );
    // A 50 MB file on a single line.
    let huge = vec![b'a'; 50 * 1024 * 1024];
    write(root, "huge-line.txt", &huge);
    fs::create_dir(root.join("nested")).unwrap();
    write(
        &root.join("nested"),
        "good-3.md",
        b"---\ntitle: Nested\n---\nA nested good article.\n",
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, root.join("nested").join("loop")).unwrap();
    dir
}

fn diagnostics_for<'a>(lines: &'a [&'a str], name: &str) -> Vec<&'a str> {
    lines.iter().copied().filter(|l| l.contains(name)).collect()
}

#[test]
fn check_reports_each_bad_file_once_and_loads_the_rest() {
    let dir = bad_corpus();
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stdout.contains("panicked"));
    assert_eq!(
        out.status.code(),
        Some(1),
        "some files did not load: exit 1\n{stdout}"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    let cases = [
        ("binary.txt", "error:", "binary"),
        ("empty.txt", "error:", "empty"),
        ("invalid-utf8.txt", "warning:", "not valid UTF-8"),
        ("truncated.json", "error:", "malformed JSON"),
        ("huge-line.txt", "error:", "too large"),
    ];
    for (name, level, reason) in cases {
        let found = diagnostics_for(&lines, name);
        assert_eq!(found.len(), 1, "{name}: {found:?}\n{stdout}");
        assert!(
            found[0].starts_with(level) && found[0].contains(reason),
            "{name}: {}",
            found[0]
        );
    }
    #[cfg(unix)]
    {
        let found = diagnostics_for(&lines, "loop");
        assert_eq!(found.len(), 1, "{stdout}");
        assert!(found[0].contains("symlink loop"), "{}", found[0]);
    }
    let summary = lines.last().unwrap();
    assert!(summary.starts_with("4 article(s) loaded"), "{summary}");
    assert!(summary.contains("4 error(s)"), "{summary}");
}

#[test]
fn list_still_lists_the_good_articles() {
    let dir = bad_corpus();
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["list", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut titles: Vec<&str> = rows.iter().filter_map(|r| r["title"].as_str()).collect();
    titles.sort();
    assert_eq!(
        titles,
        ["Café owners protest", "Harbour fees rise", "Nested", "T"]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().count(),
        4,
        "one line per file that did not load: {stderr}"
    );
    assert!(stderr.contains("truncated.json: malformed JSON"), "{stderr}");
}

#[test]
fn the_corpus_is_never_written() {
    let dir = bad_corpus();
    // Name, size, modification time and contents of every entry, nested
    // folders included (symlinks are not followed).
    type Entry = (String, u64, std::time::SystemTime, Vec<u8>);
    fn snapshot(p: &Path, out: &mut Vec<Entry>) {
        for e in fs::read_dir(p).unwrap() {
            let path = e.unwrap().path();
            let m = fs::symlink_metadata(&path).unwrap();
            let contents = if m.is_file() {
                fs::read(&path).unwrap()
            } else {
                Vec::new()
            };
            out.push((
                path.display().to_string(),
                m.len(),
                m.modified().unwrap(),
                contents,
            ));
            if m.is_dir() {
                snapshot(&path, out);
            }
        }
        out.sort();
    }
    let mut before = Vec::new();
    snapshot(dir.path(), &mut before);
    for command in [&["check"][..], &["list", "--json"], &["quotes"], &["speakers"]] {
        Command::cargo_bin("parallax")
            .unwrap()
            .args(command)
            .arg(dir.path())
            .output()
            .unwrap();
        let mut after = Vec::new();
        snapshot(dir.path(), &mut after);
        assert!(before == after, "`parallax {}` changed the corpus", command[0]);
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_skipped_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    let fifo = dir.path().join("pipe.txt");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .arg("check")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("pipe.txt: skipped: not a regular file (a FIFO)"),
        "{stdout}"
    );
    assert!(stdout.contains("1 article(s) loaded"), "{stdout}");
}
