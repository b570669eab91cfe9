#[path = "../benches/support/generate.rs"]
mod generate;
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}
fn main() {
    let mut rng = generate::Rng::new(7);
    let bodies: Vec<String> = (0..3000).map(|_| generate::article(&mut rng, 5000)).collect();
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();
    let c0 = cpu();
    let mut n = 0;
    for b in &bodies { n += parallax::analysis::analyze_text(b).quotes.len(); }
    let c = cpu() - c0;
    println!("{n} quotes; cpu {c:.2}s; {:.1} MB/s per core; 10k articles on 2 cores ≈ {:.2}s", bytes as f64 / c / 1e6, c / 3000.0 * 10000.0 / 2.0);
}
