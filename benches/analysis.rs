//! Analysing 10,000 generated ~5 KB articles in parallel (rayon).

#[path = "support/generate.rs"]
mod generate;
#[path = "support/rng.rs"]
mod rng;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax::analysis::analyze_text;
use rayon::prelude::*;

const ARTICLES: usize = 10_000;
const BYTES: usize = 5_000;

fn corpus() -> Vec<String> {
    let mut rng = generate::Rng::new(7);
    (0..ARTICLES)
        .map(|_| generate::article(&mut rng, BYTES))
        .collect()
}

fn bench(c: &mut Criterion) {
    let bodies = corpus();
    let total: usize = bodies.iter().map(String::len).sum();
    let mut group = c.benchmark_group("analysis");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Bytes(total as u64));
    group.bench_function("analyze 10k articles (par_iter)", |b| {
        b.iter(|| {
            let quotes: usize = bodies
                .par_iter()
                .map(|body| analyze_text(black_box(body)).quotes.len())
                .sum();
            black_box(quotes)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
