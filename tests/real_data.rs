//! Checks on the public evaluation data and the seed articles in
//! `../shared` (read only). Ignored by default (`cargo test` on a fresh
//! clone runs everything else); `cargo test -- --include-ignored` (as
//! `.ci/run` does) runs them, and they fail when the data is missing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use parallax::corpus;
use serde_json::Value;

fn shared(sub: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(sub);
    assert!(
        path.exists(),
        "needs {} (the shared data beside the checkout)",
        path.display()
    );
    path
}

/// The value of a `Key:` line of a header-format file, read plainly.
fn header_value<'a>(text: &'a str, key: &str) -> &'a str {
    text.lines()
        .find_map(|l| l.strip_prefix(key))
        .map(str::trim)
        .unwrap_or("")
}

#[test]
#[ignore = "needs ../shared"]
fn seeds_list_with_their_metadata() {
    // Expected values are read from the seed files themselves (their text is
    // never copied into the repository).
    let seeds = shared("seeds");
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["list", "--json"])
        .arg(&seeds)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 2);
    let (plain, header) = (&rows[0], &rows[1]);

    let raw = std::fs::read_to_string(seeds.join("000_5f338e3a0b1bf30c.txt")).unwrap();
    let trailer: Vec<&str> = raw
        .lines()
        .skip_while(|l| l.trim() != "Reference(s):")
        .skip(1)
        .collect();
    assert_eq!(plain["format"], "reference");
    assert_eq!(plain["title"], trailer[0].trim());
    assert_eq!(plain["source"], trailer[1].trim());

    let raw = std::fs::read_to_string(seeds.join("001_d0bc3537d782e20b.txt")).unwrap();
    assert_eq!(header["format"], "header");
    assert_eq!(header["title"], header_value(&raw, "Title:"));
    assert_eq!(header["published"], header_value(&raw, "Published Time:"));
    assert!(header["published"].as_str().unwrap().len() == 10, "an ISO date");
    assert_eq!(
        header["authors"],
        serde_json::json!([header_value(&raw, "Author:")])
    );
    let categories: Vec<&str> = header_value(&raw, "Category 1:")
        .split(';')
        .map(|part| part.split_once(':').map_or(part, |(_, v)| v).trim())
        .collect();
    assert_eq!(categories.len(), 2);
    assert_eq!(header["categories"], serde_json::json!(categories));

    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["show", "--json"])
        .arg(seeds.join("001_d0bc3537d782e20b.txt"))
        .output()
        .unwrap();
    let detail: Value = serde_json::from_slice(&out.stdout).unwrap();
    let extra = detail["extra"].as_object().unwrap();
    // The author title and description are placeholders: absent.
    assert!(header_value(&raw, "Author title:").ends_with("not found"));
    assert!(!extra.keys().any(|k| k.starts_with("Author")), "{extra:?}");
}

#[test]
#[ignore = "needs ../shared"]
fn bbc_loads_every_file_with_one_encoding_warning_and_the_known_duplicates() {
    let bbc = shared("data/bbc");
    let loaded = corpus::load(std::slice::from_ref(&bbc));
    assert_eq!(loaded.articles.len(), 2225);
    assert!(loaded.is_clean());
    let encoding: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("UTF-8"))
        .collect();
    assert_eq!(encoding.len(), 1);
    assert!(encoding[0].location.ends_with("sport/199.txt"));
    let sport_199 = loaded
        .articles
        .iter()
        .find(|a| a.id.ends_with("sport/199.txt"))
        .unwrap();
    assert!(sport_199.body.contains('£'));

    let relative = |i: usize| {
        let path = &loaded.articles[i].path;
        path.strip_prefix(&bbc)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/")
    };
    let ours: BTreeSet<(String, String)> = loaded
        .duplicates
        .iter()
        .filter(|d| d.same_title)
        .map(|d| (relative(d.original), relative(d.duplicate)))
        .collect();
    let listed = std::fs::read_to_string(bbc.join("duplicate_groups.tsv")).unwrap();
    let gold: BTreeSet<(String, String)> = listed
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
    assert_eq!(gold.len(), 100);
    assert_eq!(ours, gold);
}

#[test]
#[ignore = "needs ../shared"]
fn polnear_train_loads_with_headlines_as_titles() {
    let train = shared("data/polnear/train/text");
    let loaded = corpus::load(&[train]);
    assert_eq!(loaded.articles.len(), 840);
    assert!(loaded.is_clean());
    let untitled: Vec<&str> = loaded
        .articles
        .iter()
        .filter(|a| a.title.is_none())
        .map(|a| a.id.as_str())
        .collect();
    assert!(untitled.is_empty(), "{untitled:?}");
    for a in &loaded.articles {
        let raw = std::fs::read_to_string(&a.path).unwrap();
        let first_line = raw.lines().next().unwrap().trim();
        assert_eq!(a.title.as_deref(), Some(first_line), "{}", a.id);
    }
}
