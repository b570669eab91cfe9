//! The second open's first-screen work in process (issue 17): loads a
//! corpus from its files, writes its cache to a temporary folder (no
//! analyses), then times, RUNS times, reading the library from the cache
//! (`Cache::read_library`: head and metadata blocks) and building the
//! library's rows (`LibraryState::new`). Put the corpus in /tmp:
//!
//! ```sh
//! cargo run --release --example gen_big -- corpus /tmp/px10k 10000 2500 100
//! cargo run --release --example warm_open -- /tmp/px10k 5
//! ```

use std::path::PathBuf;
use std::time::Instant;

use parallax::app::screens::library::LibraryState;
use parallax::cache::{Cache, FileEntry, Files};
use parallax::corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: warm_open DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(3);
    let corpus = corpus::load(std::slice::from_ref(&dir));
    let work = std::env::temp_dir().join(format!("px-warm-open-{}", std::process::id()));
    let cache = Cache {
        dir: work.clone(),
        limit: u64::MAX,
    };
    std::fs::create_dir_all(&work).expect("a temporary folder");
    // One entry per article, as a corpus of one article per file has.
    let files = Files {
        entries: corpus
            .articles
            .iter()
            .map(|a| FileEntry {
                path: a.path.clone(),
                stamp: None,
                hash: 0,
                articles: 1,
                diagnostics: 0,
            })
            .collect(),
        discovery: 0,
    };
    cache.write("k", &corpus, &files, &[]).expect("the cache written");
    let count = corpus.articles.len();
    drop(corpus);
    println!("{count} articles");
    for _ in 0..runs {
        let t0 = Instant::now();
        let (snapshot, _, _text) = cache.read_library("k").expect("readable").expect("there");
        let t1 = Instant::now();
        let mut library = LibraryState::new(&snapshot.corpus);
        let t2 = Instant::now();
        // The sort alone (the rows' share is `rows` less this).
        library.refresh(&snapshot.corpus);
        let sort = t2.elapsed();
        let t2 = Instant::now();
        assert_eq!(library.rows.len(), count);
        drop((library, snapshot));
        let t3 = Instant::now();
        println!(
            "read_library {:>7.1} ms   rows {:>7.1} ms (sort again {:>6.1} ms)   drop {:>6.1} ms",
            (t1 - t0).as_secs_f64() * 1e3,
            (t2 - t1 - sort).as_secs_f64() * 1e3,
            sort.as_secs_f64() * 1e3,
            (t3 - t2).as_secs_f64() * 1e3
        );
    }
    let _ = std::fs::remove_dir_all(&work);
}
