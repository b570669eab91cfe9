//! Evaluates related-article ranking on BASIL (one event told by three
//! outlets) and ECB+ (clusters of reports of one event; the other
//! sub-topic of a topic is the same kind of event, a hard negative).
//!
//! `cargo run --release --example eval_related -- ../shared/data/basil ../shared/data/ecbplus`
//!
//! Prints precision at k: the share of the k best-ranked articles that
//! report the same story, over every article of the data set.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use parallax::compare::{RelatedIndex, RelatedOptions as Options};
use parallax::corpus::{self, Article};
use serde_json::Value;

/// An article with its gold story and (ECB+) topic.
struct Gold {
    story: usize,
    topic: Option<u64>,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        bail!("usage: eval_related BASIL_DIR ECBPLUS_DIR");
    }
    evaluate("BASIL", Path::new(&args[0]), "articles", "event_id", &[1, 2])?;
    evaluate("ECB+", Path::new(&args[1]), "docs", "cluster_id", &[1, 2, 5])?;
    Ok(())
}

fn evaluate(name: &str, dir: &Path, members: &str, key: &str, ks: &[usize]) -> anyhow::Result<()> {
    let clusters = std::fs::read_to_string(dir.join("clusters.jsonl")).context("clusters.jsonl")?;
    // (file path, gold), sorted by path for lookups.
    let mut gold: Vec<(PathBuf, Gold)> = Vec::new();
    for (story, line) in clusters.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let cluster: Value = serde_json::from_str(line)?;
        let topic = cluster["topic"].as_u64();
        let docs = cluster[members].as_array().context("cluster members")?;
        for doc in docs {
            let file = doc["file"].as_str().context("member file")?;
            gold.push((dir.join(file), Gold { story, topic }));
        }
        cluster[key].as_str().context("cluster id")?;
    }
    gold.sort_by(|a, b| a.0.cmp(&b.0));

    let start = Instant::now();
    let loaded = corpus::load(&[dir.join("text")]);
    let load_time = start.elapsed();
    let (articles, labels) = label(loaded.articles, &gold);
    println!(
        "{name}: {} articles in {} stories (loaded in {:.0} ms, {} diagnostics)",
        articles.len(),
        clusters.lines().count(),
        load_time.as_secs_f64() * 1e3,
        loaded.diagnostics.len()
    );
    // The best any ranking can do: a story of n articles has n - 1 to find.
    let mut best = String::from("  best possible       ");
    for &k in ks {
        let sum: f64 = labels
            .iter()
            .map(|l| {
                let size = labels.iter().filter(|m| m.story == l.story).count();
                (size - 1).min(k) as f64 / k as f64
            })
            .sum();
        best += &format!("  P@{k} {:.3}", sum / labels.len().max(1) as f64);
    }
    println!("{best}");
    let configs = [
        (
            "shingles only",
            Options {
                shingle_weight: 1.0,
                ..Options::default()
            },
        ),
        (
            "terms only",
            Options {
                shingle_weight: 0.0,
                ..Options::default()
            },
        ),
        ("combined (default)", Options::default()),
    ];
    for (label_text, options) in configs {
        let start = Instant::now();
        let index = RelatedIndex::build_with(&articles, options);
        let build = start.elapsed();
        let start = Instant::now();
        let ranked: Vec<Vec<(usize, f32)>> = (0..articles.len())
            .map(|d| index.related(d, *ks.iter().max().unwrap()))
            .collect();
        let query = start.elapsed() / articles.len().max(1) as u32;
        let mut line = format!("  {label_text:<20}");
        for &k in ks {
            let (mut hits, mut hard) = (0, 0);
            for (d, list) in ranked.iter().enumerate() {
                for &(other, _) in list.iter().take(k) {
                    if labels[other].story == labels[d].story {
                        hits += 1;
                    } else if labels[other].topic.is_some() && labels[other].topic == labels[d].topic {
                        hard += 1;
                    }
                }
            }
            let total = (k * articles.len()) as f64;
            line += &format!("  P@{k} {:.3}", hits as f64 / total);
            if labels.iter().any(|l| l.topic.is_some()) {
                line += &format!(" (hard neg {:.3})", hard as f64 / total);
            }
        }
        line += &format!(
            "   build {:.1} ms, query {:.2} ms, index {:.1} KB/article",
            build.as_secs_f64() * 1e3,
            query.as_secs_f64() * 1e3,
            index.heap_bytes() as f64 / articles.len().max(1) as f64 / 1e3
        );
        println!("{line}");
    }
    Ok(())
}

/// Keeps the articles named in the gold clusters, with their labels.
fn label(articles: Vec<Article>, gold: &[(PathBuf, Gold)]) -> (Vec<Article>, Vec<&Gold>) {
    let mut kept = Vec::new();
    let mut labels = Vec::new();
    for a in articles {
        if let Ok(i) = gold.binary_search_by(|g| g.0.as_path().cmp(&a.path)) {
            kept.push(a);
            labels.push(&gold[i].1);
        }
    }
    (kept, labels)
}
