//! Terminal injection: every command, fed file names, titles, sources,
//! authors, bodies and quotes full of ESC, OSC, BEL, C1 and bidirectional
//! controls, prints none of them raw on stdout or stderr.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

const OSC_NAME: &str = "\x1b]0;PWNED\x07osc.txt";

/// A corpus folder of hostile files; returns (folder, text file, JSON file).
fn hostile_corpus(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let corpus = dir.join("corpus");
    fs::create_dir(&corpus).unwrap();
    let text = corpus.join(OSC_NAME);
    fs::write(
        &text,
        "Council \x1b[2J votes \u{9b}31m on the \u{202e}harbour plan\n\n\
         \"We will build the plant \x1b]52;c;SGVsbG8=\x07 this year,\" said Mayor Ana \x1b[31mRuiz.\n\n\
         The council met on Monday \x07 and voted 7-2 to approve the \u{200b}plan.\n",
    )
    .unwrap();
    let json = corpus.join("bidi\u{202e}nosj.json");
    let body = "\\\"Water bills will not rise,\\\" said Councillor Tomas \\u001b[5mBrandt. \
                The council met on Monday and voted 7-2 to approve the plan. \
                \\u009b2J The plant opens in 2028.";
    fs::write(
        &json,
        format!(
            "[{{\"title\": \"Clipboard \\u001b]52;c;SGVsbG8=\\u0007 grab\\nerror: forged\", \
               \"source\": \"Harbour \\u009b2J Ledger\\u2066\", \
               \"author\": \"Signe \\u001b[8mHalvorsen\\tx\", \"text\": \"{body}\"}}, \
              {{\"title\": \"Second\\u0085 title\", \"text\": \"{body} More \\u007f text.\"}}]"
        ),
    )
    .unwrap();
    // A newline in a name must not forge a diagnostic line; C1 in a name
    // must not reach the terminal.
    fs::write(corpus.join("empty\nerror: forged.txt"), "").unwrap();
    fs::write(corpus.join("c1\u{9b}2J.txt"), "\0\0\0binary").unwrap();
    (corpus, text, json)
}

fn run(args: &[&str]) -> Output {
    Command::cargo_bin("parallax")
        .unwrap()
        .env("XDG_CONFIG_HOME", "/nonexistent-parallax-config")
        .args(args)
        .output()
        .unwrap()
}

/// Every character a terminal could act on, or that hides text.
fn raw_controls(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

fn assert_clean(args: &[&str], out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let found = raw_controls(bytes);
        assert!(
            found.is_empty(),
            "{args:?} wrote raw {found:?} to {stream}:\n{}",
            String::from_utf8_lossy(bytes)
        );
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.lines().any(|l| l.starts_with("error: forged")),
            "{args:?}: a file name forged a line on {stream}:\n{text}"
        );
    }
}

#[test]
fn no_command_prints_a_raw_control_character() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, text, json) = hostile_corpus(dir.path());
    let (corpus, text, json) = (
        corpus.to_str().unwrap(),
        text.to_str().unwrap(),
        json.to_str().unwrap(),
    );
    let first = format!("{json}#1");
    let commands: Vec<Vec<&str>> = vec![
        vec!["check", corpus],
        vec!["check", "--json", corpus],
        vec!["list", corpus],
        vec!["list", "--json", corpus],
        vec!["show", text],
        vec!["show", "--json", text],
        vec!["show", &first],
        vec!["show", "--json", &first],
        vec!["quotes", corpus],
        vec!["quotes", "--json", corpus],
        vec!["speakers", corpus],
        vec!["speakers", "--json", corpus],
        vec!["related", text, "--corpus", corpus],
        vec!["related", "--json", text, "--corpus", corpus],
        vec!["compare", "--markdown", text, &first],
        vec!["compare", "--json", text, &first],
        vec!["show", "/nonexistent/\x1b]0;PWNED\x07"],
    ];
    for args in &commands {
        let out = run(args);
        assert_clean(args, &out);
        assert!(
            !out.stdout.is_empty() || !out.stderr.is_empty(),
            "{args:?} printed nothing"
        );
    }
}

#[test]
fn the_osc_file_name_is_printed_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, text, _) = hostile_corpus(dir.path());
    let out = run(&["check", corpus.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("empty\\nerror: forged.txt"), "{stdout}");
    assert!(stdout.contains("c1\\x9b2J.txt"), "{stdout}");
    let out = run(&["show", text.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\\x1b]0;PWNED\\x07osc.txt"), "{stdout}");
    assert!(stdout.contains("Council \\x1b[2J votes \\x9b31m"), "{stdout}");
    assert!(stdout.contains("\\u{202e}harbour"), "{stdout}");
}

#[test]
fn json_escapes_c1_and_format_characters_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, _, _) = hostile_corpus(dir.path());
    let out = run(&["list", "--json", corpus.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Harbour \\u009b2J Ledger\\u2066"), "{stdout}");
    let rows: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let sources: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["source"].as_str())
        .collect();
    assert!(
        sources.contains(&"Harbour \u{9b}2J Ledger\u{2066}"),
        "{sources:?}"
    );
}
