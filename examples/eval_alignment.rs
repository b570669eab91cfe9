//! Claim pairs between outlets, scored against the hand-made BASIL
//! alignments (`../shared/data/basil/alignments/`, see its README):
//!
//! - every claim pair and every shared quote (not `quoted_in_one`) is
//!   mapped to the sentence of each article that holds most of it, giving
//!   a set of predicted sentence pairs;
//! - precision: predicted pairs that are in `pairs` or `also`;
//! - recall: primary pairs (a, b) found, where found means the prediction
//!   holds (a, b), or a pair sharing a or b that is itself in `pairs` or
//!   `also`.
//!
//! ```sh
//! cargo run --release --example eval_alignment -- ../shared/data/basil [--errors] [--strong] [--cv]
//! ```
//!
//! `--strong` scores strong pairs alone; `--cv` reports the 4 + 4 event
//! cross-validation of the two tier thresholds with the committed model
//! (tuned on four events, scored on the other four, both ways; the
//! trainer, `examples/train_claims.rs`, cross-validates the weights too); `--sweep` prints P/R/F1 over
//! thresholds; `--errors` lists missed and wrong pairs; `--kinds` compares the
//! kind (`same`, `partial`, `quote`) of the claim pairs that are primary
//! pairs with the annotators' kind.

#[path = "eval_support/alignment.rs"]
#[allow(dead_code)] // shared with the trainer, which uses the rest
mod alignment;

use std::path::PathBuf;

use alignment::{Event, Score, halves, load_events, score_at, score_events, tune};
use parallax::compare::claims::features::MODEL;
use parallax::compare::claims::{ClaimOptions, DEFAULT_POSSIBLE, DEFAULT_THRESHOLD};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    let Some(root) = args
        .iter()
        .find(|a| !a.starts_with('-') && a.parse::<usize>().is_err())
    else {
        eprintln!(
            "usage: eval_alignment <basil dir, e.g. ../shared/data/basil> [--errors] [--strong] [--cv] [--sweep] [--kinds]"
        );
        std::process::exit(2);
    };
    let events = load_events(&PathBuf::from(root)).unwrap_or_else(|e| {
        eprintln!("eval_alignment: {e}");
        std::process::exit(1);
    });
    let pairs: usize = events.iter().map(|e| e.pairs.len()).sum();
    let gold: usize = events
        .iter()
        .flat_map(|e| &e.pairs)
        .map(|p| p.primary.len())
        .sum();
    println!(
        "events {}  article pairs {pairs}  primary gold pairs {gold}",
        events.len()
    );
    if flag("--ceiling") {
        let (lost, sentences, found, gold) = alignment::ceiling(&events, flag("--errors"));
        println!(
            "ceiling: data-set sentences no sentence of ours maps to {lost} of {sentences}; recall reachable {found} of {gold} ({:.3})",
            found as f64 / gold.max(1) as f64
        );
    }
    if flag("--sweep") {
        sweep(&events);
    }
    if flag("--misses") {
        let missed = alignment::missed_scored(&events, ClaimOptions::default());
        for (file, a, b, score) in missed.iter().filter(|_| flag("--errors")) {
            println!("MISSED-SCORE {file} A{a} ⇄ B{b} {score:.3}");
        }
        let mut scores: Vec<f32> = missed.iter().map(|m| m.3).collect();
        scores.sort_by(f32::total_cmp);
        let bucket = |lo: f32, hi: f32| scores.iter().filter(|&&s| s >= lo && s < hi).count();
        println!(
            "missed primary pairs {}: not a candidate or score < 0.05: {}, 0.05-0.2: {}, 0.2-0.48: {}, >= 0.48 (lost to another partner): {}",
            scores.len(),
            bucket(-1.0, 0.05),
            bucket(0.05, 0.2),
            bucket(0.2, 0.48),
            bucket(0.48, 2.0)
        );
    }
    if flag("--kinds") {
        let table = alignment::kind_agreement(&events, ClaimOptions::default());
        println!("kind of the claim pairs that are primary pairs (annotators' kind → ours):");
        for ((gold, ours), n) in &table {
            println!("  {gold:<8} → {ours:<8} {n}");
        }
        let (same, total) = table
            .iter()
            .filter(|((g, _), _)| g == "same" || g == "partial")
            .fold((0, 0), |(s, t), ((g, o), n)| {
                (s + if g == o { *n } else { 0 }, t + n)
            });
        println!(
            "  same/partial labelled as the annotators did: {same} of {total} ({:.2})",
            same as f64 / total.max(1) as f64
        );
    }
    if flag("--cv") {
        cross_validate(&events);
    }
    let possible = if flag("--strong") {
        DEFAULT_THRESHOLD
    } else {
        DEFAULT_POSSIBLE
    };
    let partners = args
        .iter()
        .position(|a| a == "--partners")
        .and_then(|i| args.get(i + 1))
        .and_then(|p| p.parse().ok())
        .unwrap_or(parallax::compare::claims::MAX_PARTNERS);
    let options = ClaimOptions {
        possible,
        partners,
        ..ClaimOptions::default()
    };
    let score = score_events(&events, options, flag("--errors"));
    report("strong + possible", &score);
    let strong_only = score_at(&events, MODEL, DEFAULT_THRESHOLD, DEFAULT_THRESHOLD);
    report("strong alone", &strong_only);
}

fn report(label: &str, s: &Score) {
    println!(
        "{label}: predicted {}  precision {:.3}  recall {:.3}  F1 {:.3}",
        s.predicted,
        s.precision(),
        s.recall(),
        s.f1()
    );
    for (kind, (found, total)) in &s.by_kind {
        println!(
            "  recall {kind:<8} {:.3} ({found} of {total})",
            *found as f64 / (*total).max(1) as f64
        );
    }
    for (tier, (right, total)) in &s.by_tier {
        println!(
            "  precision {tier:<8} {:.3} ({right} of {total})",
            *right as f64 / (*total).max(1) as f64
        );
    }
}

fn sweep(events: &[Event]) {
    println!("threshold  precision  recall  F1   (one tier at the threshold)");
    for t in (10..=90).step_by(4) {
        let t = t as f32 / 100.0;
        let s = score_at(events, MODEL, t, t);
        println!(
            "{t:.2}       {:.3}      {:.3}   {:.3}",
            s.precision(),
            s.recall(),
            s.f1()
        );
    }
}

fn cross_validate(events: &[Event]) {
    let (ea, eb) = halves(events);
    let mut total = Score::default();
    for (train, test, name) in [(&ea, &eb, "A→B"), (&eb, &ea, "B→A")] {
        let (strong, possible) = tune(train, MODEL);
        let s = score_at(test, MODEL, strong, possible);
        println!(
            "cv {name}: tuned strong {strong:.2} possible {possible:.2}  held-out precision {:.3} recall {:.3} F1 {:.3}",
            s.precision(),
            s.recall(),
            s.f1()
        );
        total.add(&s);
    }
    println!(
        "cv pooled: precision {:.3}  recall {:.3}  F1 {:.3}",
        total.precision(),
        total.recall(),
        total.f1()
    );
}
