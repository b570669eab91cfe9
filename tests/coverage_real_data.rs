//! The coverage matrix against the BASIL development alignments
//! (`../shared/data/basil`, read at run time): the pairs the matrix implies
//! (two cells of one row) score no worse than the pairwise engine's with
//! `eval_alignment`'s rules. Fails when the data is missing.

#[path = "../examples/eval_support/alignment.rs"]
#[allow(dead_code)]
mod alignment;
#[path = "../examples/eval_support/coverage.rs"]
#[allow(dead_code)] // `chain_pairs` is the example's
mod coverage;

use std::path::Path;

use parallax::compare::claims::ClaimOptions;

#[test]
#[ignore = "needs ../shared"]
fn the_matrix_implies_pairs_no_worse_than_the_engine() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/basil");
    assert!(root.exists(), "{} is missing", root.display());
    let events = alignment::load_events(&root).unwrap();
    assert_eq!(events.len(), 8);
    let engine = alignment::score_events(&events, ClaimOptions::default(), false);
    let (matrix, shared, all) = coverage::score_matrix(&events, false);
    assert!(matrix.predicted > 50 && shared > 50 && all > 0, "{shared} {all}");
    assert!(
        matrix.f1() >= engine.f1() - 1e-9,
        "matrix F1 {} < engine {}",
        matrix.f1(),
        engine.f1()
    );
    assert!(matrix.precision() >= engine.precision() - 1e-9);
    assert!(matrix.recall() >= engine.recall() - 1e-9);
}
