//! As `memory_map`, with a counting allocator: after each step the bytes
//! live on the heap (and how many blocks), the heap's peak so far, and the
//! resident memory (which also holds freed memory the allocator keeps).
//!
//! ```sh
//! cargo run --release --example heap_map -- /tmp/px10k
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicIsize, AtomicUsize, Ordering};

use parallax::app::screens::library::LibraryState;
use parallax::corpus;
use parallax::index::{Related, SpeakerIndex, Stories, TextIndex};

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);
static BLOCKS: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: isize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now.max(0) as usize, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size() as isize);
        BLOCKS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        grew(-(layout.size() as isize));
        BLOCKS.fetch_sub(1, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size() as isize);
        BLOCKS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grew(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: heap_map DIR...");
        std::process::exit(2);
    }
    let mut last = 0isize;
    let mut report = |what: &str| {
        let live = LIVE.load(Ordering::Relaxed);
        println!(
            "{what:<22} heap {:>7.1} MB ({:>+7.1}) in {:>9} blocks, heap peak {:>7.1} MB, resident {:>5} MB",
            live as f64 / 1e6,
            (live - last) as f64 / 1e6,
            BLOCKS.load(Ordering::Relaxed),
            PEAK.load(Ordering::Relaxed) as f64 / 1e6,
            rss()
        );
        last = live;
        PEAK.store(live.max(0) as usize, Ordering::Relaxed);
    };
    report("start");
    let corpus = corpus::load(&paths);
    let text: usize = corpus.articles.iter().map(|a| a.body.len()).sum();
    println!(
        "{} articles, {:.1} MB of body text",
        corpus.articles.len(),
        text as f64 / 1e6
    );
    report("corpus loaded");
    {
        // The corpus's own heap beside the text, field by field.
        let a = &corpus.articles;
        let sum = |f: &dyn Fn(&corpus::Article) -> usize| a.iter().map(f).sum::<usize>() as f64 / 1e6;
        println!(
            "  struct {} B; id {:.1} path {:.1} title {:.1} source {:.1} published {:.1} authors {:.1} categories {:.1} url {:.1} extra {:.1} ends {:.1} MB",
            size_of::<corpus::Article>(),
            sum(&|x| x.id.capacity()),
            sum(&|x| x.path.capacity()),
            sum(&|x| x.title.as_ref().map_or(0, |t| t.capacity())),
            sum(&|x| x.source.as_ref().map_or(0, |t| t.capacity())),
            sum(
                &|x| x.published.as_ref().map_or(0, |p| size_of::<corpus::Published>()
                    + p.raw.capacity()
                    + p.iso.as_ref().map_or(0, |i| i.capacity()))
            ),
            sum(&|x| x.authors.capacity() * 24 + x.authors.iter().map(|s| s.capacity()).sum::<usize>()),
            sum(&|x| x.categories.capacity() * 24 + x.categories.iter().map(|s| s.capacity()).sum::<usize>()),
            sum(&|x| x.url.as_ref().map_or(0, |t| t.capacity())),
            sum(&|x| x.extra.len() * 48 + x.extra.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>()),
            sum(&|x| x.paragraph_ends.len() * 4),
        );
        println!(
            "  diagnostics {} duplicates {}",
            corpus.diagnostics.len(),
            corpus.duplicates.len()
        );
    }
    let library = LibraryState::new(&corpus);
    report("library rows");
    let related = Related::build(&corpus.articles);
    report("related");
    let stories = Stories::build(&corpus.articles, related.index());
    report("stories");
    let search = TextIndex::build(&corpus.articles);
    report("full-text search");
    println!("  (search heap_bytes {:.1} MB)", search.heap_bytes() as f64 / 1e6);
    let analyses: Vec<parallax::analysis::Analysis> = {
        use rayon::prelude::*;
        corpus
            .articles
            .par_iter()
            .map(parallax::analysis::analyze)
            .collect()
    };
    report("analyses");
    let speakers = SpeakerIndex::from_analyses(&corpus, analyses);
    report("speakers index");
    let ids: usize = speakers.speakers.iter().map(|s| s.articles.len()).sum();
    let quotes: usize = speakers.analyses.iter().map(|a| a.quotes.len()).sum();
    println!(
        "  ({} speakers, {ids} article ids in them, {quotes} quotes)",
        speakers.speakers.len()
    );
    drop((library, speakers, related, stories, search));
    report("all dropped");
}
