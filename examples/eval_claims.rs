//! Claim matching on the MSRP paraphrase pairs: decides same-claim or not
//! with the aligner's score and prints accuracy and F1 at the default
//! threshold, plus the best thresholds on this data (use the training
//! split to tune).
//!
//! cargo run --release --example eval_claims -- ../shared/data/msrp/msr_paraphrase_train.txt

use std::process::ExitCode;

use parallax::compare::claims::{DEFAULT_THRESHOLD, MIN_SHARED_TERMS, claim_score};

struct Counts {
    tp: usize,
    fp: usize,
    tn: usize,
    fneg: usize,
}

impl Counts {
    fn at(scored: &[(f32, usize, bool)], threshold: f32) -> Counts {
        Counts::with(scored, threshold, MIN_SHARED_TERMS)
    }

    fn with(scored: &[(f32, usize, bool)], threshold: f32, min_shared: usize) -> Counts {
        let mut c = Counts {
            tp: 0,
            fp: 0,
            tn: 0,
            fneg: 0,
        };
        for &(score, shared, gold) in scored {
            let predicted = score >= threshold && shared >= min_shared;
            match (predicted, gold) {
                (true, true) => c.tp += 1,
                (true, false) => c.fp += 1,
                (false, false) => c.tn += 1,
                (false, true) => c.fneg += 1,
            }
        }
        c
    }
    fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / (self.tp + self.tn + self.fp + self.fneg) as f64
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fneg).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!(
            "usage: eval_claims MSRP_FILE (tab-separated: Quality, #1 ID, #2 ID, #1 String, #2 String)"
        );
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("eval_claims: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let text = text.trim_start_matches('\u{FEFF}');
    let started = std::time::Instant::now();
    let scored: Vec<(f32, usize, bool)> = text
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (cols.len() >= 5).then(|| {
                let (score, shared) = claim_score(cols[3], cols[4]);
                (score, shared, cols[0] == "1")
            })
        })
        .collect();
    let elapsed = started.elapsed();
    let positives = scored.iter().filter(|s| s.2).count();
    println!(
        "pairs: {} ({} paraphrases), scored in {:.1} ms",
        scored.len(),
        positives,
        elapsed.as_secs_f64() * 1e3
    );
    let report = |name: &str, t: f32| {
        let c = Counts::at(&scored, t);
        println!(
            "{name:<22} threshold {t:.2}: accuracy {:.3}  precision {:.3}  recall {:.3}  F1 {:.3}",
            c.accuracy(),
            c.precision(),
            c.recall(),
            c.f1()
        );
    };
    report("default", DEFAULT_THRESHOLD);
    let all = Counts::with(&scored, 0.0, 0);
    println!(
        "all-positive baseline:  accuracy {:.3}  F1 {:.3}",
        all.accuracy(),
        all.f1()
    );
    let grid: Vec<f32> = (0..=100).map(|i| i as f32 / 100.0).collect();
    let best_acc = grid.iter().copied().max_by(|a, b| {
        Counts::at(&scored, *a)
            .accuracy()
            .total_cmp(&Counts::at(&scored, *b).accuracy())
    });
    let best_f1 = grid.iter().copied().max_by(|a, b| {
        Counts::at(&scored, *a)
            .f1()
            .total_cmp(&Counts::at(&scored, *b).f1())
    });
    if let (Some(a), Some(f)) = (best_acc, best_f1) {
        report("best accuracy here", a);
        report("best F1 here", f);
    }
    ExitCode::SUCCESS
}
