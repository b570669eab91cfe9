//! Related-article ranking on the public evaluation data in `../shared/data`
//! (read only; ignored by default, failing when absent under
//! `--include-ignored`). `examples/eval_related.rs` prints the
//! full figures; these tests hold the line.

use std::path::{Path, PathBuf};

use parallax::compare::RelatedIndex;
use parallax::corpus;
use serde_json::Value;

/// Precision at `k` of same-cluster articles, over every article that the
/// data set's `clusters.jsonl` names (`members`: the key of its file list).
fn precision_at(data: &str, members: &str, k: usize) -> f64 {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(data);
    assert!(
        dir.exists(),
        "needs {} (the shared data beside the checkout)",
        dir.display()
    );
    let mut gold: Vec<(PathBuf, usize)> = Vec::new();
    let clusters = std::fs::read_to_string(dir.join("clusters.jsonl")).unwrap();
    for (story, line) in clusters.lines().enumerate() {
        let cluster: Value = serde_json::from_str(line).unwrap();
        for doc in cluster[members].as_array().unwrap() {
            gold.push((dir.join(doc["file"].as_str().unwrap()), story));
        }
    }
    gold.sort();
    let loaded = corpus::load(&[dir.join("text")]);
    let (articles, stories): (Vec<_>, Vec<usize>) = loaded
        .articles
        .into_iter()
        .filter_map(|a| {
            let i = gold.binary_search_by(|g| g.0.as_path().cmp(&a.path)).ok()?;
            Some((a, gold[i].1))
        })
        .unzip();
    assert_eq!(articles.len(), gold.len(), "every clustered file loads");
    let index = RelatedIndex::build(&articles);
    let hits: usize = (0..articles.len())
        .map(|d| {
            let ranked = index.related(d, k);
            ranked.iter().filter(|r| stories[r.0] == stories[d]).count()
        })
        .sum();
    hits as f64 / (k * articles.len()) as f64
}

#[test]
#[ignore = "needs ../shared"]
fn basil_outlets_on_the_same_event_rank_first() {
    let p2 = precision_at("basil", "articles", 2);
    assert!(p2 >= 0.9, "BASIL P@2 {p2:.3}");
}

#[test]
#[ignore = "needs ../shared"]
fn ecbplus_reports_of_the_same_event_rank_first() {
    let p1 = precision_at("ecbplus", "docs", 1);
    assert!(p1 >= 0.9, "ECB+ P@1 {p1:.3}");
}
