//! Evaluates the stories (the corpus grouped by event) on BASIL dev (one
//! event told by three outlets) and ECB+ dev (each topic holds two events
//! of the same kind: hard negatives).
//!
//! `cargo run --release --example eval_stories -- ../shared/data/basil ../shared/data/ecbplus [--sweep]`
//!
//! Prints B-cubed precision, recall and F1 (an article in no story is a
//! cluster of its own) and the adjusted Rand index; for ECB+ also how
//! many topics were merged (the majority story of both its events is the
//! same story). `--sweep` scores a range of thresholds, with and without
//! the event cues.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use parallax::compare::RelatedIndex;
use parallax::corpus::{self, Article};
use parallax::index::stories::{StoryOptions, cluster};
use serde_json::Value;

/// An article's gold story and (ECB+) topic.
#[derive(Clone, Copy)]
struct Gold {
    story: usize,
    topic: Option<u64>,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sweep = args.iter().any(|a| a == "--sweep");
    let dirs: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if dirs.len() != 2 {
        bail!("usage: eval_stories BASIL_DIR ECBPLUS_DIR [--sweep]");
    }
    // BASIL from its article JSON (headline, outlet, date), ECB+ from its
    // text (no metadata: its dates are in the text when at all).
    for (name, dir, members, field) in [
        ("BASIL", dirs[0], "articles", "json"),
        ("ECB+", dirs[1], "docs", "file"),
    ] {
        let (articles, gold) = load(Path::new(dir), members, field)?;
        let stories = gold.iter().map(|g| g.story).max().map_or(0, |m| m + 1);
        println!("{name}: {} articles in {stories} stories", articles.len());
        let start = Instant::now();
        let related = RelatedIndex::build(&articles);
        let index_time = start.elapsed();
        let mut configs = vec![("default", StoryOptions::default())];
        if sweep {
            for (label, cues, ratio) in [("plain", false, 0.0), ("cues", true, 0.0)] {
                for t in [0.03, 0.04, 0.05, 0.06, 0.07, 0.08] {
                    configs.push((
                        label,
                        StoryOptions {
                            threshold: t,
                            ratio,
                            cues,
                        },
                    ));
                }
            }
        }
        for (label, options) in configs {
            let start = Instant::now();
            let clusters = cluster(&articles, &related, options);
            let time = start.elapsed() + index_time;
            let predicted = labels(articles.len(), &clusters);
            if std::env::var("EVAL_STORIES_SHOW").is_ok_and(|v| v == format!("{:.2}", options.threshold)) {
                show_mixed(&articles, &gold, &clusters);
            }
            let (p, r, f1) = bcubed(&predicted, &gold);
            let ari = ari(&predicted, &gold);
            let mut line = format!(
                "  {label:<8} threshold {:.2}: B-cubed P {p:.3} R {r:.3} F1 {f1:.3}  ARI {ari:.3}  {} stories",
                options.threshold,
                clusters.len()
            );
            if gold.iter().any(|g| g.topic.is_some()) {
                let (merged, topics) = merged_topics(&predicted, &gold);
                line += &format!("  merged topics {merged}/{topics}");
            }
            line += &format!("  ({:.0} ms with the index)", time.as_secs_f64() * 1e3);
            println!("{line}");
        }
    }
    Ok(())
}

/// Loads the articles named in `clusters.jsonl` with their gold labels.
fn load(dir: &Path, members: &str, field: &str) -> anyhow::Result<(Vec<Article>, Vec<Gold>)> {
    let clusters = std::fs::read_to_string(dir.join("clusters.jsonl")).context("clusters.jsonl")?;
    let mut gold: HashMap<PathBuf, Gold> = HashMap::new();
    for (story, line) in clusters.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let cluster: Value = serde_json::from_str(line)?;
        let topic = cluster["topic"].as_u64();
        for doc in cluster[members].as_array().context("cluster members")? {
            let file = doc[field].as_str().context("member file")?;
            gold.insert(dir.join(file), Gold { story, topic });
        }
    }
    let folder = if field == "json" { "articles_json" } else { "text" };
    let loaded = corpus::load(&[dir.join(folder)]);
    let mut articles = Vec::new();
    let mut labels = Vec::new();
    for a in loaded.articles {
        if let Some(g) = gold.get(&a.path) {
            labels.push(*g);
            articles.push(a);
        }
    }
    if articles.len() != gold.len() {
        bail!(
            "{}: {} of {} gold articles loaded",
            dir.display(),
            articles.len(),
            gold.len()
        );
    }
    Ok((articles, labels))
}

/// A cluster number per article: its story's, or one of its own.
fn labels(n: usize, clusters: &[Vec<usize>]) -> Vec<usize> {
    let mut out: Vec<usize> = (0..n).map(|i| clusters.len() + i).collect();
    for (c, members) in clusters.iter().enumerate() {
        for &m in members {
            out[m] = c;
        }
    }
    out
}

fn bcubed(predicted: &[usize], gold: &[Gold]) -> (f64, f64, f64) {
    let n = predicted.len();
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let same_pred = (0..n).filter(|&j| predicted[j] == predicted[i]).count();
        let same_gold = (0..n).filter(|&j| gold[j].story == gold[i].story).count();
        let both = (0..n)
            .filter(|&j| predicted[j] == predicted[i] && gold[j].story == gold[i].story)
            .count();
        p += both as f64 / same_pred as f64;
        r += both as f64 / same_gold as f64;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    (p, r, 2.0 * p * r / (p + r))
}

/// The adjusted Rand index of the two partitions.
fn ari(predicted: &[usize], gold: &[Gold]) -> f64 {
    let pairs = |x: usize| (x * x.saturating_sub(1) / 2) as f64;
    let mut table: HashMap<(usize, usize), usize> = HashMap::new();
    let mut rows: HashMap<usize, usize> = HashMap::new();
    let mut cols: HashMap<usize, usize> = HashMap::new();
    for (p, g) in predicted.iter().zip(gold) {
        *table.entry((*p, g.story)).or_default() += 1;
        *rows.entry(*p).or_default() += 1;
        *cols.entry(g.story).or_default() += 1;
    }
    let index: f64 = table.values().map(|&c| pairs(c)).sum();
    let a: f64 = rows.values().map(|&c| pairs(c)).sum();
    let b: f64 = cols.values().map(|&c| pairs(c)).sum();
    let expected = a * b / pairs(predicted.len());
    let max = (a + b) / 2.0;
    if max == expected {
        1.0
    } else {
        (index - expected) / (max - expected)
    }
}

/// Topics whose two events have the same majority story, of all topics.
fn merged_topics(predicted: &[usize], gold: &[Gold]) -> (usize, usize) {
    let mut by_story: HashMap<usize, (u64, HashMap<usize, usize>)> = HashMap::new();
    for (p, g) in predicted.iter().zip(gold) {
        let entry = by_story
            .entry(g.story)
            .or_insert((g.topic.unwrap_or(0), HashMap::new()));
        *entry.1.entry(*p).or_default() += 1;
    }
    let mut majority: HashMap<u64, Vec<usize>> = HashMap::new();
    for (story, (topic, counts)) in &by_story {
        let best = counts
            .iter()
            .max_by_key(|&(c, n)| (*n, std::cmp::Reverse(*c)))
            .map(|(c, _)| *c)
            .unwrap_or(usize::MAX - story);
        majority.entry(*topic).or_default().push(best);
    }
    let merged = majority.values().filter(|m| m.len() == 2 && m[0] == m[1]).count();
    (merged, majority.len())
}

/// Prints the predicted stories that mix gold stories (for tuning).
fn show_mixed(articles: &[Article], gold: &[Gold], clusters: &[Vec<usize>]) {
    for c in clusters {
        if c.iter().any(|&m| gold[m].story != gold[c[0]].story) {
            println!("    mixed:");
            for &m in c {
                let a = &articles[m];
                println!(
                    "      {:>3} {:<12} {}  {}",
                    gold[m].story,
                    a.published_display().unwrap_or("-"),
                    a.id,
                    a.title.as_deref().unwrap_or("")
                );
            }
        }
    }
}
