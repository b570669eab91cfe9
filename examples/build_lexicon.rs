//! Builds `data/lexicon_dist.tsv`: pairs of content words (as the claim
//! matcher keys them) that stand in similar contexts in public news text,
//! a distributional lexicon learned here from unlabelled text:
//!
//! ```sh
//! cargo run --release --example build_lexicon -- ../shared/data/bbc ../shared/data/ecbplus/text \
//!     ../shared/data/polnear/train/text ../shared/data/polnear/dev/text ../shared/data/basil/text \
//!     > data/lexicon_dist.tsv
//! ```
//!
//! Each word seen at least [`MIN_COUNT`] times gets a context vector: the
//! terms (function words included) within [`WINDOW`] places of it in the
//! same paragraph, weighted by positive pointwise mutual information with
//! context-distribution smoothing (counts to the power 0.75), cut to its
//! [`KEEP`] strongest contexts. Two words are a pair when each is among
//! the other's [`MUTUAL`] nearest by cosine and the cosine is at least
//! [`MIN_COSINE`]. Only the derived pairs and their cosines are written,
//! never the text. No alignment labels are read.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use parallax::compare::words::{WEIGHT_NAME, WEIGHT_STOP, content_terms};
use parallax::corpus::load;

const WINDOW: usize = 2;
const MIN_COUNT: u32 = 20;
const KEEP: usize = 300;
const MUTUAL: usize = 10;
const MIN_COSINE: f32 = 0.10;
const CONTEXTS: usize = 20_000;

fn main() {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if inputs.is_empty() {
        eprintln!("usage: build_lexicon FOLDER... > data/lexicon_dist.tsv");
        std::process::exit(2);
    }
    let corpus = load(&inputs);
    // Paragraphs as term sequences; a target is an ordinary word.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut keys: Vec<String> = Vec::new();
    let mut count: Vec<u32> = Vec::new();
    let mut word: Vec<bool> = Vec::new();
    let mut paragraphs: Vec<Vec<u32>> = Vec::new();
    for article in &corpus.articles {
        for para in article.body.split("\n\n") {
            let seq: Vec<u32> = content_terms(para)
                .into_iter()
                .map(|t| {
                    let id = *ids.entry(t.key.clone()).or_insert_with(|| {
                        keys.push(t.key.clone());
                        count.push(0);
                        word.push(false);
                        keys.len() as u32 - 1
                    });
                    count[id as usize] += 1;
                    word[id as usize] |= t.weight > WEIGHT_STOP && t.weight < WEIGHT_NAME;
                    id
                })
                .collect();
            if seq.len() > 1 {
                paragraphs.push(seq);
            }
        }
    }
    let target = |id: u32| {
        let i = id as usize;
        word[i] && count[i] >= MIN_COUNT && keys[i].len() >= 3 && keys[i].is_ascii()
    };
    let mut by_count: Vec<u32> = (0..keys.len() as u32).collect();
    by_count.sort_by(|&a, &b| {
        count[b as usize]
            .cmp(&count[a as usize])
            .then(keys[a as usize].cmp(&keys[b as usize]))
    });
    let context: HashMap<u32, u32> = by_count
        .iter()
        .take(CONTEXTS)
        .enumerate()
        .map(|(k, &id)| (id, k as u32))
        .collect();
    let mut co: BTreeMap<u32, HashMap<u32, u32>> = BTreeMap::new();
    for seq in &paragraphs {
        for (i, &w) in seq.iter().enumerate() {
            if !target(w) {
                continue;
            }
            let row = co.entry(w).or_default();
            let lo = i.saturating_sub(WINDOW);
            for (j, near) in seq.iter().enumerate().take(i + WINDOW + 1).skip(lo) {
                if j != i
                    && let Some(&c) = context.get(near)
                {
                    *row.entry(c).or_default() += 1;
                }
            }
        }
    }
    let total: f64 = co.values().flat_map(|r| r.values()).map(|&n| f64::from(n)).sum();
    let mut cf = vec![0f64; CONTEXTS];
    for row in co.values() {
        for (&c, &n) in row {
            cf[c as usize] += f64::from(n);
        }
    }
    let smoothed: Vec<f64> = cf.iter().map(|n| n.powf(0.75)).collect();
    let z: f64 = smoothed.iter().sum();
    // PPMI vectors, cut and normalised.
    let targets: Vec<u32> = co.keys().copied().collect();
    let mut vectors: Vec<Vec<(u32, f32)>> = Vec::with_capacity(targets.len());
    for w in &targets {
        let row = &co[w];
        let tw: f64 = row.values().map(|&n| f64::from(n)).sum();
        let mut v: Vec<(u32, f32)> = row
            .iter()
            .filter_map(|(&c, &n)| {
                let pmi = ((f64::from(n) / total) / ((tw / total) * (smoothed[c as usize] / z))).ln();
                (pmi > 0.0).then_some((c, pmi as f32))
            })
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(KEEP);
        let norm = v
            .iter()
            .map(|(_, x)| x * x)
            .sum::<f32>()
            .sqrt()
            .max(f32::MIN_POSITIVE);
        v.iter_mut().for_each(|(_, x)| *x /= norm);
        vectors.push(v);
    }
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); CONTEXTS];
    for (t, v) in vectors.iter().enumerate() {
        for &(c, x) in v {
            postings[c as usize].push((t as u32, x));
        }
    }
    // Each target's nearest neighbours by cosine.
    let mut nearest: Vec<Vec<(u32, f32)>> = Vec::with_capacity(targets.len());
    let mut acc = vec![0f32; targets.len()];
    let mut touched = Vec::new();
    for (t, v) in vectors.iter().enumerate() {
        for &(c, x) in v {
            for &(u, y) in &postings[c as usize] {
                if acc[u as usize] == 0.0 {
                    touched.push(u);
                }
                acc[u as usize] += x * y;
            }
        }
        let mut near: Vec<(u32, f32)> = touched
            .drain(..)
            .filter(|&u| u as usize != t)
            .map(|u| (u, std::mem::take(&mut acc[u as usize])))
            .collect();
        acc[t] = 0.0;
        near.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        near.truncate(MUTUAL);
        nearest.push(near);
    }
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    println!("# built by examples/build_lexicon.rs from\t{}", names.join(" "));
    println!(
        "# window {WINDOW}, words seen {MIN_COUNT}+ times, {KEEP} contexts kept, mutual top {MUTUAL}, cosine >= {MIN_COSINE}"
    );
    for (t, near) in nearest.iter().enumerate() {
        for &(u, cos) in near {
            let (a, b) = (
                keys[targets[t] as usize].as_str(),
                keys[targets[u as usize] as usize].as_str(),
            );
            let mutual = nearest[u as usize].iter().any(|&(x, _)| x as usize == t);
            if a < b && mutual && cos >= MIN_COSINE {
                println!("{a}\t{b}\t{cos:.3}");
            }
        }
    }
}
