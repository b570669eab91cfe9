//! The first open's work before its first screen, in process (issue 17):
//! finding the files, reading and parsing them, and building the
//! library's rows, each timed RUNS times in wall-clock and CPU time (the
//! CPU time is steadier on a busy machine). Put the corpus in /tmp:
//!
//! ```sh
//! cargo run --release --example gen_big -- corpus /tmp/px10k 10000 2500 100
//! cargo run --release --example cold_open -- /tmp/px10k 3
//! ```

use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};

use parallax::app::screens::library::LibraryState;
use parallax::corpus::{self, LoadOptions};

/// The process's CPU time (user and system, every thread) so far.
fn cpu() -> Duration {
    // SAFETY: getrusage writes into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Runs `step`, printing its wall-clock and CPU time.
fn timed<T>(name: &str, step: impl FnOnce() -> T) -> T {
    let (wall, used) = (Instant::now(), cpu());
    let out = step();
    println!(
        "  {name:<8} {:>7.1} ms wall {:>7.1} ms CPU",
        wall.elapsed().as_secs_f64() * 1e3,
        (cpu() - used).as_secs_f64() * 1e3
    );
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: cold_open DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(3);
    for run in 1..=runs {
        println!("run {run}");
        let discovery = timed("find", || corpus::discover(std::slice::from_ref(&dir)));
        let corpus = timed("load", || {
            corpus::load_discovered(discovery, LoadOptions::default(), &AtomicUsize::new(0))
        });
        let library = timed("rows", || LibraryState::new(&corpus));
        println!(
            "  {} articles, {} rows",
            corpus.articles.len(),
            library.rows.len()
        );
    }
}
