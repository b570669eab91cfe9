//! Honest exit codes and diagnostics: `check --json`, `quotes` and
//! `speakers` on bad input, `list` on a FIFO, the size limit chosen after
//! format detection, the cap on articles per file, UTF-16 without a BOM.

use std::fs;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

const GOOD: &str =
    "Harbour fees rise\n\nThe port raised its fees on Monday, \"We had no choice,\" said Mayor Ana Ruiz.\n";

fn run(args: &[&str]) -> Output {
    Command::cargo_bin("parallax")
        .unwrap()
        .env("XDG_CONFIG_HOME", "/nonexistent-parallax-config")
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn check_json(path: &Path, extra: &[&str]) -> (Vec<Value>, Output) {
    let mut args = vec!["check", "--json"];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    let out = run(&args);
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    (rows.as_array().unwrap().clone(), out)
}

#[test]
fn check_json_lists_every_diagnostic_with_a_fixed_kind() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("bin.txt"), b"%PDF-1.7 x").unwrap();
    fs::write(dir.path().join("cut.json"), br#"{"title": "T", "text": "x"#).unwrap();
    fs::write(
        dir.path().join("nobody.json"),
        br#"[{"title": "T"}, {"text": "y"}]"#,
    )
    .unwrap();
    fs::write(dir.path().join("latin.txt"), b"Caf\xe9 owners\n\nThe caf\xe9.\n").unwrap();
    fs::write(dir.path().join("again.txt"), GOOD).unwrap();
    let (rows, out) = check_json(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let kinds: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| {
            let o = r.as_object().unwrap();
            let mut keys: Vec<&str> = o.keys().map(String::as_str).collect();
            keys.sort();
            assert_eq!(keys, ["kind", "message", "path", "severity"]);
            let name = Path::new(r["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (
                name,
                r["severity"].as_str().unwrap().to_owned(),
                r["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for expected in [
        ("empty.txt", "error", "empty"),
        ("bin.txt", "error", "binary"),
        ("cut.json", "error", "malformed"),
        ("nobody.json#1", "error", "no_body"),
        ("latin.txt", "warning", "encoding"),
    ] {
        let expected = (
            expected.0.to_owned(),
            expected.1.to_owned(),
            expected.2.to_owned(),
        );
        assert!(kinds.contains(&expected), "{expected:?} in {kinds:?}");
    }
    assert!(
        kinds.iter().any(|(_, s, k)| s == "warning" && k == "duplicate"),
        "{kinds:?}"
    );
    let (rows, out) = check_json(&dir.path().join("good.txt"), &[]);
    assert!(rows.is_empty() && out.status.success(), "{rows:?}");
}

#[test]
fn quotes_and_speakers_report_bad_input_and_exit_1() {
    let out = run(&["quotes", "/nonexistent/parallax-corpus"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/parallax-corpus: no such file"),
        "{}",
        stderr(&out)
    );
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    fs::write(dir.path().join("bad.json"), "{\"title\": ").unwrap();
    for command in ["speakers", "quotes"] {
        let out = run(&[command, dir.path().to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert!(
            stderr(&out).contains("bad.json: malformed JSON"),
            "{command}: {}",
            stderr(&out)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("Ruiz"), "{command}");
    }
    fs::remove_file(dir.path().join("bad.json")).unwrap();
    let out = run(&["speakers", dir.path().to_str().unwrap()]);
    assert!(out.status.success() && out.stderr.is_empty(), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn list_on_a_fifo_warns_as_check_does() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let fifo = dir.path().join("pipe.txt");
    if !std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        panic!("mkfifo failed");
    }
    for target in [dir.path(), fifo.as_path()] {
        let out = run(&["list", target.to_str().unwrap()]);
        assert!(
            stderr(&out).contains("pipe.txt: skipped: not a regular file (a FIFO)"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn the_size_limit_follows_the_content_not_the_name() {
    let dir = tempfile::tempdir().unwrap();
    // 13 MB of plain text named .json: over the 8 MiB text limit.
    let text = "The council met again on Monday and argued late. ".repeat(13 * 1024 * 1024 / 50);
    let fake = dir.path().join("fake.json");
    fs::write(&fake, format!("Headline\n\n{text}\n")).unwrap();
    let (rows, out) = check_json(&fake, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["kind"], "too_large");
    let message = rows[0]["message"].as_str().unwrap();
    assert!(
        message.contains("MiB is over the 8 MiB limit for a text article file"),
        "{message}"
    );
    // 13 MB of real JSON with a .txt name loads: JSON's limit is 256 MiB.
    let item = format!("{{\"title\": \"T\", \"text\": \"{}\"}}", &text[..1000]);
    let items = vec![item.as_str(); 13 * 1024];
    let real = dir.path().join("real.txt");
    fs::write(&real, format!("[{}]", items.join(",\n"))).unwrap();
    assert!(fs::metadata(&real).unwrap().len() > 9 << 20);
    let out = run(&["check", real.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("13312 article(s) loaded"), "{stdout}");
}

#[test]
fn articles_past_the_cap_are_left_out_with_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let items: Vec<String> = (0..5)
        .map(|i| format!("{{\"title\": \"T{i}\", \"text\": \"Body number {i}.\"}}"))
        .collect();
    let array = dir.path().join("many.json");
    fs::write(&array, format!("[{}]", items.join(","))).unwrap();
    let lines = dir.path().join("many.jsonl");
    fs::write(&lines, items.join("\n")).unwrap();
    for file in [&array, &lines] {
        let (rows, out) = check_json(file, &["--max-articles", "3"]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0]["kind"], "too_many_articles");
        let message = rows[0]["message"].as_str().unwrap();
        assert!(
            message.contains("the first 3 loaded, 2 more left out"),
            "{message}"
        );
        let out = run(&["list", "--json", "--max-articles", "3", file.to_str().unwrap()]);
        let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
        let titles: Vec<&str> = listed
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["title"].as_str().unwrap())
            .collect();
        assert_eq!(titles, ["T0", "T1", "T2"]);
        assert!(stderr(&out).contains("too many articles"), "{}", stderr(&out));
    }
    let (rows, out) = check_json(&array, &[]);
    assert!(rows.is_empty() && out.status.success(), "{rows:?}");
}

#[test]
fn utf16_without_a_bom_loads_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("utf16.txt");
    let bytes: Vec<u8> = GOOD.encode_utf16().flat_map(u16::to_le_bytes).collect();
    fs::write(&file, bytes).unwrap();
    let (rows, out) = check_json(&file, &[]);
    assert!(out.status.success(), "{rows:?}");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["kind"], "encoding");
    assert!(
        rows[0]["message"].as_str().unwrap().contains("UTF-16LE"),
        "{rows:?}"
    );
    let out = run(&["show", file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Harbour fees rise"));
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    for args in [&["quotes", "--json"][..], &["list"], &["speakers", "--json"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .env("XDG_CONFIG_HOME", "/nonexistent-parallax-config")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the command writes its (buffered)
        // output: the write fails with a broken pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn whitespace_between_quote_marks_is_no_quote() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("marks.txt");
    // Lines of a lone `"` (no blank line: each line is a paragraph).
    let mut text = "\"\n".repeat(20_000);
    text.push_str("\" \" and “ ” and \"\t\" but \"We will build it,\" said Mayor Ana Ruiz.\n");
    fs::write(&file, text).unwrap();
    let out = run(&["quotes", "--json", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["We will build it"]);
}
