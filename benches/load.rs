//! Loading 10,000 generated ~5 KB articles, against plainly reading the
//! same files (walk + read, one thread) as the floor; and the same for
//! 10,000 generated web pages (~5 KB of article text in ~8 KB of page).
//!
//! `PARALLAX_BENCH_HTML_DIR=DIR` writes the pages to DIR (kept) instead of
//! a temporary folder, for whole-process runs against `cat`.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};

const ARTICLES: usize = 10_000;
const BYTES: usize = 5_000;

fn read_all(dir: &Path) -> usize {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let mut entries: Vec<PathBuf> = fs::read_dir(&d).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
            } else {
                total += fs::read(&p).unwrap().len();
            }
        }
    }
    total
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let bytes = support::write_corpus(dir.path(), ARTICLES, BYTES);
    eprintln!("corpus: {ARTICLES} files, {:.1} MB", bytes as f64 / 1e6);
    let inputs = vec![dir.path().to_path_buf()];
    let loaded = parallax::corpus::load(&inputs);
    assert_eq!(
        loaded.articles.len(),
        ARTICLES,
        "{:?}",
        loaded.diagnostics.first()
    );

    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("plain_read_10k", |b| b.iter(|| read_all(dir.path())));
    group.bench_function("load_10k", |b| {
        b.iter(|| parallax::corpus::load(&inputs).articles.len())
    });
    group.finish();
    bench_html(c);
}

fn bench_html(c: &mut Criterion) {
    let temp = tempfile::tempdir().unwrap();
    let dir = std::env::var_os("PARALLAX_BENCH_HTML_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| temp.path().to_path_buf());
    let bytes = support::write_html_corpus(&dir, ARTICLES, BYTES);
    eprintln!("html corpus: {ARTICLES} pages, {:.1} MB", bytes as f64 / 1e6);
    let inputs = vec![dir.clone()];
    let loaded = parallax::corpus::load(&inputs);
    assert_eq!(
        loaded.articles.len(),
        ARTICLES,
        "{:?}",
        loaded.diagnostics.first()
    );
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("plain_read_html_10k", |b| b.iter(|| read_all(&dir)));
    group.bench_function("load_html_10k", |b| {
        b.iter(|| parallax::corpus::load(&inputs).articles.len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
