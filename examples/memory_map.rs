//! Where the memory of an opened corpus goes: loads a corpus, then builds
//! what the reader builds (library rows, related articles, stories,
//! full-text search, the speakers index with every analysis) one at a time,
//! printing the resident memory after each and the peak so far (Linux:
//! /proc/self/status). Put the corpus in /tmp, never in the repository:
//!
//! ```sh
//! cargo run --release --example gen_big -- corpus /tmp/px10k 10000 2500 100
//! cargo run --release --example memory_map -- /tmp/px10k
//! ```
//!
//! `--analyses-first` builds the speakers index (every analysis) right
//! after the library rows, so its figure is what the analyses hold, with
//! no freed memory of an earlier build to reuse.

use std::path::PathBuf;

use parallax::app::screens::library::LibraryState;
use parallax::corpus;
use parallax::index::{Related, SpeakerIndex, Stories, TextIndex};

/// VmRSS and VmHWM in MB.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn main() {
    let analyses_first = std::env::args().any(|a| a == "--analyses-first");
    let paths: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| a != "--analyses-first")
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        eprintln!("usage: memory_map DIR...");
        std::process::exit(2);
    }
    let mut last = memory().0;
    let mut report = |what: &str| {
        let (rss, peak) = memory();
        println!(
            "{what:<28} {rss:>6} MB resident ({:>+6} MB), peak {peak:>6} MB",
            rss as i64 - last as i64
        );
        last = rss;
    };
    report("start");
    let corpus = corpus::load(&paths);
    let text: usize = corpus.articles.iter().map(|a| a.body.len()).sum();
    println!(
        "{} articles, {} MB of body text",
        corpus.articles.len(),
        text >> 20
    );
    report("corpus loaded");
    let library = LibraryState::new(&corpus);
    report("library rows");
    let first = analyses_first.then(|| {
        let speakers = SpeakerIndex::build(&corpus);
        report("analyses + speakers");
        speakers
    });
    // In the order the reader builds them (`CorpusIndex::build_then`):
    // the related index (whose build needs more than it keeps), stories and
    // search first, the analyses last, so the peak is the reader's.
    let related = Related::build(&corpus.articles);
    report("related");
    let stories = Stories::build(&corpus.articles, related.index());
    report("stories");
    let search = TextIndex::build(&corpus.articles);
    report("full-text search");
    let speakers = first.unwrap_or_else(|| {
        let speakers = SpeakerIndex::build(&corpus);
        report("analyses + speakers");
        speakers
    });
    drop((library, speakers, related, stories, search));
    report("all dropped");
}
