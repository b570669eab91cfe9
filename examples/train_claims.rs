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

use alignment::{Event, Score, halves, labelled, load_events, score_at, tune};
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
