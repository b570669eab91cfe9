//! Analyses the bench's 10,000 generated articles on one thread, for
//! profiling and CPU-time measurement (`perf stat`, `perf record`):
//! `cargo run --release --example analysis_cpu [ROUNDS] [--digest]`.

#[path = "../benches/support/generate.rs"]
mod generate;
#[path = "../benches/support/rng.rs"]
mod rng;

use std::hash::{Hash, Hasher};
use std::time::Instant;

use parallax::analysis::analyze_text;

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    let mut rng = generate::Rng::new(7);
    let bodies: Vec<String> = (0..10_000).map(|_| generate::article(&mut rng, 5_000)).collect();
    let total: usize = bodies.iter().map(String::len).sum();
    if std::env::args().any(|a| a == "--digest") {
        // A digest of every output, to check that an optimisation changes nothing.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for b in &bodies {
            // As `show --json` writes it (the quotes' words read from the
            // body): the same whatever the analysis model holds in memory.
            let analysis = analyze_text(b);
            serde_json::to_string(&analysis.json(b))
                .unwrap_or_default()
                .hash(&mut h);
        }
        println!("digest {:016x}", h.finish());
        return;
    }
    let start = Instant::now();
    let mut quotes = 0;
    for _ in 0..rounds {
        quotes += bodies.iter().map(|b| analyze_text(b).quotes.len()).sum::<usize>();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} bytes x {rounds}, {quotes} quotes, {:.1} MB/s wall (one thread)",
        total,
        (total * rounds) as f64 / secs / 1e6
    );
}
