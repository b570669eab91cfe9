//! Fits the claim matcher's logistic model on the BASIL development
//! alignments and chooses the two tier thresholds:
//!
//! ```sh
//! cargo run --release --example train_claims -- ../shared/data/basil
//! ```
//!
//! Every candidate sentence pair of the 24 article pairs (sharing a
//! content term) is a training example, labelled by whether the data
//! set's sentences it maps to are an acceptable pair. It prints the 4 + 4
//! event cross-validation (weights and thresholds fitted on four events,
//! scored on the other four, both ways), then the model fitted on all
//! eight, as Rust to paste into `src/compare/claims/features.rs`.

#[path = "eval_support/alignment.rs"]
#[allow(dead_code)] // shared with eval_alignment, which uses the rest
mod alignment;

use std::path::PathBuf;

use alignment::{
    Event, Score, candidates_by_pair, halves, labelled, load_events, offline_score, score_at, tune,
};
use parallax::compare::claims::features::{FEATURE_NAMES, FEATURES, Model};

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: train_claims <basil dir, e.g. ../shared/data/basil>");
        std::process::exit(2);
    };
    let events = load_events(&PathBuf::from(root)).unwrap_or_else(|e| {
        eprintln!("train_claims: {e}");
        std::process::exit(1);
    });
    let (a, b) = halves(&events);
    if std::env::args().any(|a| a == "--trees") {
        compare_learners(&events, &a, &b);
        return;
    }
    let mut pooled = Score::default();
    for (train, test, name) in [(&a, &b, "A→B"), (&b, &a, "B→A")] {
        let model = fit(train);
        let (strong, possible) = tune(train, model);
        let s = score_at(test, model, strong, possible);
        let st = score_at(test, model, strong, strong);
        println!(
            "cv {name}: strong {strong:.2} possible {possible:.2}  held-out P {:.3} R {:.3} F1 {:.3}  (strong alone P {:.3})",
            s.precision(),
            s.recall(),
            s.f1(),
            st.precision()
        );
        pooled.add(&s);
    }
    println!(
        "cv pooled: P {:.3} R {:.3} F1 {:.3}",
        pooled.precision(),
        pooled.recall(),
        pooled.f1()
    );
    let model = fit(&events);
    let (strong, possible) = tune(&events, model);
    let s = score_at(&events, model, strong, possible);
    println!(
        "all eight events: strong {strong:.2} possible {possible:.2}  P {:.3} R {:.3} F1 {:.3}",
        s.precision(),
        s.recall(),
        s.f1()
    );
    println!(
        "pub const MODEL: Model = Model {{\n    bias: {:.3},\n    weights: [",
        model.bias
    );
    for (w, name) in model.weights.iter().zip(FEATURE_NAMES) {
        println!("        {w:.3}, // {name}");
    }
    println!("    ],\n}};");
    println!(
        "pub const DEFAULT_THRESHOLD: f32 = {strong:.2};\npub const DEFAULT_POSSIBLE: f32 = {possible:.2};"
    );
}

/// Logistic regression by full-batch gradient descent with a light L2
/// penalty; features are standardised while fitting and the weights
/// mapped back, so the model applies to raw features.
fn fit(events: &[Event]) -> Model {
    let data = labelled(events);
    let n = data.len() as f32;
    let mut mean = [0f32; FEATURES];
    let mut sd = [0f32; FEATURES];
    for (f, _) in &data {
        for k in 0..FEATURES {
            mean[k] += f[k] / n;
        }
    }
    for (f, _) in &data {
        for k in 0..FEATURES {
            sd[k] += (f[k] - mean[k]).powi(2) / n;
        }
    }
    sd.iter_mut().for_each(|s| *s = s.sqrt().max(1e-6));
    let x: Vec<([f32; FEATURES], f32)> = data
        .iter()
        .map(|(f, y)| {
            let mut z = [0f32; FEATURES];
            for k in 0..FEATURES {
                z[k] = (f[k] - mean[k]) / sd[k];
            }
            (z, if *y { 1.0 } else { 0.0 })
        })
        .collect();
    let (mut w, mut b) = ([0f32; FEATURES], 0f32);
    let lambda = 1e-3;
    let rate = 0.5;
    for _ in 0..3000 {
        let (mut gw, mut gb) = ([0f32; FEATURES], 0f32);
        for (z, y) in &x {
            let p = 1.0 / (1.0 + (-(b + w.iter().zip(z).map(|(a, c)| a * c).sum::<f32>())).exp());
            let e = p - y;
            gb += e;
            for k in 0..FEATURES {
                gw[k] += e * z[k];
            }
        }
        b -= rate * gb / n;
        for k in 0..FEATURES {
            w[k] -= rate * (gw[k] / n + lambda * w[k]);
        }
    }
    let mut weights = [0f32; FEATURES];
    let mut bias = b;
    for k in 0..FEATURES {
        weights[k] = w[k] / sd[k];
        bias -= w[k] * mean[k] / sd[k];
    }
    eprintln!(
        "fitted on {} candidate pairs, {} acceptable",
        data.len(),
        data.iter().filter(|d| d.1).count()
    );
    Model { bias, weights }
}

/// Logistic model against a small gradient-boosted tree ensemble on the
/// same features, both scored offline (greedy one-to-one claim pairs, no
/// shared quotes) with the threshold tuned on the training events for the
/// best F1 at precision 0.80: 4 + 4 cross-validation and all eight.
fn compare_learners(events: &[Event], a: &[Event], b: &[Event]) {
    let grid: Vec<f32> = (5..=95).map(|t| t as f32 / 100.0).collect();
    let tune_t = |train: &[Event], f: &dyn Fn(&[f32; FEATURES]) -> f32| {
        let c = candidates_by_pair(train);
        grid.iter()
            .map(|&t| (t, offline_score(&c, f, t)))
            .filter(|(_, s)| s.precision() >= 0.80)
            .max_by(|x, y| x.1.f1().total_cmp(&y.1.f1()))
            .map_or(0.5, |(t, _)| t)
    };
    for (depth, rounds) in [(2, 100), (3, 100), (3, 200), (4, 100)] {
        let mut pooled = (Score::default(), Score::default());
        for (train, test) in [(a, b), (b, a)] {
            let logistic = fit(train);
            let trees = fit_trees(&labelled(train), depth, rounds);
            let fl = |f: &[f32; FEATURES]| logistic.score(f);
            let ft = |f: &[f32; FEATURES]| trees.score(f);
            let (tl, tt) = (tune_t(train, &fl), tune_t(train, &ft));
            let c = candidates_by_pair(test);
            pooled.0.add(&offline_score(&c, fl, tl));
            pooled.1.add(&offline_score(&c, ft, tt));
        }
        let logistic = fit(events);
        let trees = fit_trees(&labelled(events), depth, rounds);
        let fl = |f: &[f32; FEATURES]| logistic.score(f);
        let ft = |f: &[f32; FEATURES]| trees.score(f);
        let c = candidates_by_pair(events);
        let all = (
            offline_score(&c, fl, tune_t(events, &fl)),
            offline_score(&c, ft, tune_t(events, &ft)),
        );
        println!(
            "depth {depth} rounds {rounds}: logistic all {:.3} cv {:.3} (P {:.3} R {:.3}) | trees all {:.3} cv {:.3} (P {:.3} R {:.3})",
            all.0.f1(),
            pooled.0.f1(),
            pooled.0.precision(),
            pooled.0.recall(),
            all.1.f1(),
            pooled.1.f1(),
            pooled.1.precision(),
            pooled.1.recall()
        );
    }
}

/// A regression tree: a node splits on `feature < threshold`; leaves hold
/// a value.
enum Tree {
    Leaf(f32),
    Split(usize, f32, Box<Tree>, Box<Tree>),
}

impl Tree {
    fn eval(&self, f: &[f32; FEATURES]) -> f32 {
        match self {
            Tree::Leaf(v) => *v,
            Tree::Split(k, t, lo, hi) => {
                if f[*k] < *t {
                    lo.eval(f)
                } else {
                    hi.eval(f)
                }
            }
        }
    }
}

struct Trees {
    base: f32,
    rate: f32,
    trees: Vec<Tree>,
}

impl Trees {
    fn score(&self, f: &[f32; FEATURES]) -> f32 {
        let z = self.base + self.rate * self.trees.iter().map(|t| t.eval(f)).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// Gradient boosting with logistic loss: Newton leaf values, splits at
/// feature quantiles, leaves of at least 20 examples.
fn fit_trees(data: &[([f32; FEATURES], bool)], depth: usize, rounds: usize) -> Trees {
    let n = data.len();
    let pos = data.iter().filter(|d| d.1).count() as f32;
    let base = (pos / (n as f32 - pos)).ln();
    let rate = 0.1;
    let mut z = vec![base; n];
    let mut cuts: Vec<Vec<f32>> = Vec::new();
    for k in 0..FEATURES {
        let mut v: Vec<f32> = data.iter().map(|d| d.0[k]).collect();
        v.sort_by(f32::total_cmp);
        let mut c: Vec<f32> = (1..32).map(|q| v[q * (n - 1) / 32]).collect();
        c.dedup();
        cuts.push(c);
    }
    let mut trees = Vec::new();
    for _ in 0..rounds {
        let (g, h): (Vec<f32>, Vec<f32>) = data
            .iter()
            .zip(&z)
            .map(|(d, z)| {
                let p = 1.0 / (1.0 + (-z).exp());
                (f32::from(u8::from(d.1)) - p, (p * (1.0 - p)).max(1e-6))
            })
            .unzip();
        let idx: Vec<usize> = (0..n).collect();
        let tree = grow(data, &g, &h, &idx, &cuts, depth);
        for (i, d) in data.iter().enumerate() {
            z[i] += rate * tree.eval(&d.0);
        }
        trees.push(tree);
    }
    Trees { base, rate, trees }
}

fn grow(
    data: &[([f32; FEATURES], bool)],
    g: &[f32],
    h: &[f32],
    idx: &[usize],
    cuts: &[Vec<f32>],
    depth: usize,
) -> Tree {
    let lambda = 1.0;
    let (sg, sh): (f32, f32) = idx.iter().fold((0.0, 0.0), |(a, b), &i| (a + g[i], b + h[i]));
    let leaf = Tree::Leaf(sg / (sh + lambda));
    if depth == 0 || idx.len() < 40 {
        return leaf;
    }
    let gain = |gl: f32, hl: f32| {
        gl * gl / (hl + lambda) + (sg - gl).powi(2) / (sh - hl + lambda) - sg * sg / (sh + lambda)
    };
    let mut best: Option<(f32, usize, f32)> = None;
    for (k, ck) in cuts.iter().enumerate() {
        for &t in ck {
            let (mut gl, mut hl, mut nl) = (0.0, 0.0, 0);
            for &i in idx {
                if data[i].0[k] < t {
                    gl += g[i];
                    hl += h[i];
                    nl += 1;
                }
            }
            if nl < 20 || idx.len() - nl < 20 {
                continue;
            }
            let v = gain(gl, hl);
            if best.is_none_or(|b| v > b.0) {
                best = Some((v, k, t));
            }
        }
    }
    let Some((v, k, t)) = best else { return leaf };
    if v <= 1e-3 {
        return leaf;
    }
    let (lo, hi): (Vec<usize>, Vec<usize>) = idx.iter().partition(|&&i| data[i].0[k] < t);
    Tree::Split(
        k,
        t,
        Box::new(grow(data, g, h, &lo, cuts, depth - 1)),
        Box::new(grow(data, g, h, &hi, cuts, depth - 1)),
    )
}
