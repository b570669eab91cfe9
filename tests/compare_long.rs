//! A long article is compared in full: a 6,000-sentence article compared
//! with itself pairs every sentence (overlap 1.0), and with a copy in which
//! every twentieth sentence is reworded keeps an overlap of at least 0.95.
//! (`cargo run --release --example gen_big -- long DIR 6000` writes the
//! same two files.)

use assert_cmd::Command;
use serde_json::Value;

const PLACES: &[&str] = &["Carrow Bay", "Eastvale", "the harbour", "Norden", "the valley"];
const THINGS: &[&str] = &[
    "water rates",
    "rail fares",
    "school budgets",
    "bridge tolls",
    "grain prices",
];

fn sentence(i: usize, reviewed: &str, filed: &str) -> String {
    format!(
        "Officials in {} {reviewed} {} for district {i} on day {} and {filed} report {}.",
        PLACES[i % PLACES.len()],
        THINGS[(i / 5) % THINGS.len()],
        i % 365,
        i * 7 + 3
    )
}

fn article(n: usize, reword_every: usize) -> String {
    let sentences: Vec<String> = (0..n)
        .map(|i| {
            if reword_every > 0 && i % reword_every == reword_every - 1 {
                sentence(i, "examined", "submitted")
            } else {
                sentence(i, "reviewed", "filed")
            }
        })
        .collect();
    sentences
        .chunks(10)
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn compare(left: &std::path::Path, right: &std::path::Path) -> Value {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .env("XDG_CONFIG_HOME", "/nonexistent-parallax-config")
        .args(["compare", "--json"])
        .arg(left)
        .arg(right)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_6000_sentence_article_is_compared_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let (same, reworded) = (dir.path().join("long.txt"), dir.path().join("long-reworded.txt"));
    std::fs::write(&same, article(6_000, 0)).unwrap();
    std::fs::write(&reworded, article(6_000, 20)).unwrap();

    let c = compare(&same, &same);
    assert_eq!(c["overlap"].as_f64(), Some(1.0));
    assert_eq!(c["claims"].as_array().unwrap().len(), 6_000);
    assert!(c["unique_left"].as_array().unwrap().is_empty());
    assert!(
        c.get("truncated").is_none_or(|t| t == false),
        "{}",
        c["truncated"]
    );

    let c = compare(&same, &reworded);
    let overlap = c["overlap"].as_f64().unwrap();
    assert!(overlap >= 0.95, "overlap {overlap}");
    eprintln!(
        "6,000 sentences, every 20th reworded: overlap {overlap:.4}, {} claim pairs",
        c["claims"].as_array().unwrap().len()
    );
}
