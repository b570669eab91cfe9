//! `parallax related` through the real binary.

use assert_cmd::Command;
use serde_json::Value;

fn related(args: &[&str]) -> (Vec<Value>, String) {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .arg("related")
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

fn story(id: &str) -> &str {
    let name = id.rsplit('/').next().unwrap();
    name.split('-').next().unwrap()
}

#[test]
fn each_demo_article_is_most_related_to_the_other_outlets_on_its_story() {
    for (path, _) in parallax::corpus::DEMO_FILES {
        let (rows, _) = related(&[path, "--json", "--top", "2"]);
        assert_eq!(rows.len(), 2, "{path}: {rows:?}");
        for row in &rows {
            let id = row["id"].as_str().unwrap();
            assert_ne!(id, *path);
            assert_eq!(story(id), story(path), "{path}: {rows:?}");
            let score = row["score"].as_f64().unwrap();
            assert!(score > 0.1 && score <= 1.0, "{path}: {rows:?}");
        }
        assert_ne!(rows[0]["id"], rows[1]["id"]);
        assert!(rows[0]["score"].as_f64() >= rows[1]["score"].as_f64());
    }
}

#[test]
fn json_rows_have_exactly_the_contract_fields() {
    let (rows, _) = related(&["demo/desal-meridian-post.json", "--json", "--min-score", "0"]);
    assert_eq!(rows.len(), 8, "every other demo article shares some words");
    let mut keys: Vec<&str> = rows[0].as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["id", "score", "source", "title"]);
    assert_eq!(rows[0]["source"], "The Harbour Ledger");
    let scores: Vec<f64> = rows.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

/// `related` lists what the TUI's related list shows: articles scoring at
/// least the config's `related` threshold (0.1); `--min-score` changes it.
#[test]
fn the_threshold_is_the_tuis_and_min_score_changes_it() {
    let config = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| -> Vec<f64> {
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .env("XDG_CONFIG_HOME", config.path())
            .args(["related", "demo/rail-valley-wire.txt", "--json"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        rows.iter().map(|r| r["score"].as_f64().unwrap()).collect()
    };
    let all = run(&["--min-score", "0"]);
    assert_eq!(all.len(), 8, "{all:?}");
    let default = run(&[]);
    assert!(default.iter().all(|&s| s >= 0.1), "{default:?}");
    assert!(default.len() < all.len(), "weak neighbours are left out: {all:?}");
    assert_eq!(default[..], all[..default.len()]);
    let strict = run(&["--min-score", "0.5"]);
    assert!(
        strict.iter().all(|&s| s >= 0.5) && strict.len() < default.len(),
        "{strict:?}"
    );
    // The config's threshold is the default.
    let dir = config.path().join("parallax");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[thresholds]\nrelated = 0.5\n").unwrap();
    assert_eq!(run(&[]), strict);
    assert_eq!(run(&["--min-score", "0"]), all);
}

#[test]
fn a_file_outside_the_corpus_is_loaded_and_added() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (path, bytes) in parallax::corpus::DEMO_FILES
        .iter()
        .filter(|(p, _)| !p.contains("rail-valley"))
    {
        std::fs::write(corpus.join(path.trim_start_matches("demo/")), bytes).unwrap();
    }
    let outside = dir.path().join("rail-valley-wire.txt");
    let (_, bytes) = parallax::corpus::DEMO_FILES
        .iter()
        .find(|(p, _)| p.contains("rail-valley"))
        .unwrap();
    std::fs::write(&outside, bytes).unwrap();

    let (rows, _) = related(&[
        outside.to_str().unwrap(),
        "--corpus",
        corpus.to_str().unwrap(),
        "--json",
        "--top",
        "2",
    ]);
    let ids: Vec<&str> = rows.iter().map(|r| story(r["id"].as_str().unwrap())).collect();
    assert_eq!(ids, ["rail", "rail"], "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| !r["id"].as_str().unwrap().ends_with("rail-valley-wire.txt"))
    );
}

#[test]
fn the_demo_file_on_disk_is_the_demo_article_not_a_copy() {
    let (rows, _) = related(&["corpus/demo/rail-valley-wire.txt", "--json", "--top", "1"]);
    assert_eq!(rows.len(), 1);
    assert!((rows[0]["score"].as_f64().unwrap()) < 0.99, "{rows:?}");
    assert_eq!(story(rows[0]["id"].as_str().unwrap()), "rail");
}

#[test]
fn a_missing_article_is_a_problem_named_on_stderr() {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["related", "no-such-article.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-article.txt"));
}

#[test]
fn the_table_names_the_article_and_its_neighbours() {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["related", "demo/drought-valley-wire.md", "--top", "2"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with("Related to: ") && lines[0].contains("demo/drought-valley-wire.md"));
    assert_eq!(lines[1], "Corpus: the demo corpus (9 articles)");
    assert!(lines[3..].iter().all(|l| l.contains("demo/drought-")), "{text}");
}

/// Without `--corpus`, a file is ranked against its own folder (and the
/// output says so), not against the demo corpus; a copy of it there is
/// not its best match at 100%; an empty list says why.
#[test]
fn without_corpus_the_files_own_folder_is_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let demo = |name: &str| {
        parallax::corpus::DEMO_FILES
            .iter()
            .find(|(p, _)| p.contains(name))
            .unwrap()
            .1
    };
    for name in [
        "rail-valley-wire.txt",
        "rail-northgate-daily.txt",
        "desal-harbour-ledger.txt",
    ] {
        std::fs::write(dir.path().join(name), demo(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("copy-of-valley.txt"),
        demo("rail-valley-wire.txt"),
    )
    .unwrap();
    let file = dir.path().join("rail-valley-wire.txt");
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["related", file.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[1],
        format!("Corpus: {} (4 articles)", dir.path().display()),
        "{text}"
    );
    assert!(lines[3].contains("rail-northgate-daily.txt"), "{text}");
    assert!(!text.contains("copy-of-valley"), "a copy is not related: {text}");
    assert!(!text.contains("demo/"), "{text}");
    // JSON says the corpus on stderr and keeps its fields.
    let (rows, stderr) = related(&[file.to_str().unwrap(), "--json"]);
    assert!(
        stderr.contains(&format!("related articles from {}", dir.path().display())),
        "{stderr}"
    );
    assert_eq!(
        rows[0]["id"].as_str().unwrap(),
        dir.path().join("rail-northgate-daily.txt").to_str().unwrap()
    );
    // Above every score: the list is empty and names the best.
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["related", file.to_str().unwrap(), "--min-score", "0.99"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("No article in the corpus reaches the threshold 0.990; the best, "),
        "{text}"
    );
    assert!(text.contains("rail-northgate-daily.txt"), "{text}");
}
