//! Issue 13's CLI defects through the real binary: `list` shows ids,
//! `quotes` keeps whole quotes when piped, a mistyped command is a usage
//! error with a suggestion, a missing path an input problem.

use assert_cmd::Command;

fn run(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("parallax")
        .unwrap()
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn list_shows_the_ids_show_and_compare_take() {
    let out = run(&["list"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ID "), "{text}");
    assert_eq!(lines.len(), 10, "{text}");
    for (path, _) in parallax::corpus::DEMO_FILES {
        let row = lines
            .iter()
            .find(|l| l.starts_with(&format!("{path} ")))
            .unwrap_or_else(|| panic!("{path}: {text}"));
        // The id as listed is what `show` takes.
        let id = row.split_whitespace().next().unwrap();
        assert!(run(&["show", id]).status.success(), "{id}");
    }
}

#[test]
fn quotes_are_whole_when_piped() {
    let out = run(&["quotes"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(
        longest > 150,
        "some demo quote is longer than the terminal cut: {longest}"
    );
    // Every quote of the JSON is in the table whole.
    let json = run(&["quotes", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    for row in rows {
        let words = row["text"]
            .as_str()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&words), "{words}");
    }
}

#[test]
fn a_mistyped_command_is_a_usage_error_with_a_suggestion() {
    for (typo, command) in [
        ("lsit", "list"),
        ("quotse", "quotes"),
        ("chek", "check"),
        ("compaer", "compare"),
    ] {
        let out = run(&[typo]);
        assert_eq!(out.status.code(), Some(2), "{typo}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("did you mean `{command}`?")),
            "{typo}: {stderr}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_missing_path_is_an_input_problem_never_an_empty_reader() {
    for path in ["no-such-corpus-folder", "./lsit", "missing/file.txt"] {
        let out = run(&[path]);
        assert_eq!(out.status.code(), Some(1), "{path}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("{path}: no such file or folder")),
            "{path}: {stderr}"
        );
        assert!(!stderr.contains("needs a terminal"), "{stderr}");
    }
}

/// `list --json` sees one outlet where the files spell it two ways, the
/// config's `[outlets]` aliases name more, and titles are decoded.
#[test]
fn json_sees_one_outlet_and_decoded_titles() {
    let dir = tempfile::tempdir().unwrap();
    let article = |title: &str, source: &str| {
        format!("Title: {title}\nSource: {source}\nText:\nThe council met on Monday about {title}.\n")
    };
    std::fs::write(dir.path().join("a.txt"), article("Gap of &#163;1.8m", "NYT")).unwrap();
    std::fs::write(dir.path().join("b.txt"), article("Rates &amp; rents", "nyt")).unwrap();
    std::fs::write(dir.path().join("c.txt"), article("Harbour", "nytimes.com")).unwrap();
    let config = tempfile::tempdir().unwrap();
    let list = |config_text: Option<&str>| -> Vec<serde_json::Value> {
        if let Some(text) = config_text {
            std::fs::create_dir_all(config.path().join("parallax")).unwrap();
            std::fs::write(config.path().join("parallax/config.toml"), text).unwrap();
        }
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .env("XDG_CONFIG_HOME", config.path())
            .args(["list", "--json", dir.path().to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let rows = list(None);
    let field = |rows: &[serde_json::Value], f: &str| -> Vec<String> {
        rows.iter().map(|r| r[f].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(
        field(&rows, "title"),
        ["Gap of £1.8m", "Rates & rents", "Harbour"]
    );
    assert_eq!(field(&rows, "source"), ["NYT", "NYT", "nytimes.com"]);
    let rows = list(Some(
        "[outlets]\n\"nytimes.com\" = \"New York Times\"\n\"NYT\" = \"New York Times\"\n",
    ));
    assert_eq!(field(&rows, "source"), ["New York Times"; 3]);
}
