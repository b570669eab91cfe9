//! The coverage matrix scored like pairs: on the annotated BASIL
//! development events (`../shared/data/basil/alignments/`), each event's
//! three articles go through `Coverage` (every pair compared, sentences
//! grouped across outlets by complete linkage), and the pairs the matrix
//! implies (two cells of one row) are scored with `eval_alignment`'s rules
//! (`eval_support/alignment.rs`) beside the pairwise engine's own pairs.
//!
//! ```sh
//! cargo run --release --example eval_coverage -- ../shared/data/basil [--errors]
//! ```

#[path = "eval_support/alignment.rs"]
#[allow(dead_code)] // shared with eval_alignment and the trainer
mod alignment;

#[path = "eval_support/coverage.rs"]
mod coverage;

use std::path::PathBuf;

use alignment::{Score, load_events, score_events};
use coverage::{chain_pairs, score_matrix};
use parallax::compare::claims::ClaimOptions;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(root) = args.iter().find(|a| !a.starts_with('-')) else {
        eprintln!("usage: eval_coverage <basil dir, e.g. ../shared/data/basil> [--errors]");
        std::process::exit(2);
    };
    let errors = args.iter().any(|a| a == "--errors");
    let events = load_events(&PathBuf::from(root)).unwrap_or_else(|e| {
        eprintln!("eval_coverage: {e}");
        std::process::exit(1);
    });
    let engine = score_events(&events, ClaimOptions::default(), false);
    let (matrix, shared, all) = score_matrix(&events, errors);
    println!(
        "events {}  article pairs {}  matrix rows carried by two outlets or more {}, by all three {}",
        events.len(),
        events.iter().map(|e| e.pairs.len()).sum::<usize>(),
        shared,
        all
    );
    report("pairwise engine", &engine);
    report("coverage matrix", &matrix);
    let (implied, right, full, full_right) = chain_pairs(&events);
    println!(
        "left out (a chain a-b-c without a-c): {implied} pairs a chain implies, {right} acceptable; \
         {full} through two full links, {full_right} acceptable"
    );
}

fn report(label: &str, s: &Score) {
    println!(
        "{label:<16} predicted {:>4}  precision {:.3}  recall {:.3}  F1 {:.3}",
        s.predicted,
        s.precision(),
        s.recall(),
        s.f1()
    );
}
