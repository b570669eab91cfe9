//! The related-article index over 10,000 generated ~5 KB articles: index
//! build, one related query, and the memory per article (article + index).

mod support;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::compare::RelatedIndex;
use parallax::corpus::{self, Article};

const ARTICLES: usize = 10_000;
const BYTES: usize = 5_000;

fn generate() -> Vec<Article> {
    (0..ARTICLES)
        .flat_map(|i| {
            let (name, text) = support::article_file(i, BYTES);
            corpus::parse_bytes(Path::new(&name), text.as_bytes()).articles
        })
        .collect()
}

/// Heap and inline bytes of one loaded article.
fn article_bytes(a: &Article) -> usize {
    let strings = [&a.id, &a.body]
        .into_iter()
        .chain(a.title.as_ref())
        .chain(a.source.as_ref())
        .chain(a.url.as_ref())
        .chain(&a.paragraphs)
        .chain(&a.authors)
        .chain(&a.categories)
        .map(String::capacity)
        .sum::<usize>();
    let extra: usize = a
        .extra
        .iter()
        .map(|(k, v)| k.capacity() + v.capacity() + 48)
        .sum();
    size_of::<Article>()
        + strings
        + a.paragraphs.capacity() * size_of::<String>()
        + a.path.as_os_str().len()
        + a.published.as_ref().map_or(0, |p| p.raw.capacity() + 16)
        + extra
}

fn bench(c: &mut Criterion) {
    let articles = generate();
    assert_eq!(articles.len(), ARTICLES);
    let index = RelatedIndex::build(&articles);
    let article = articles.iter().map(article_bytes).sum::<usize>() as f64 / ARTICLES as f64;
    let idx = index.heap_bytes() as f64 / ARTICLES as f64;
    eprintln!(
        "memory per article: article {:.1} KB + index {:.1} KB = {:.1} KB",
        article / 1e3,
        idx / 1e3,
        (article + idx) / 1e3
    );
    let mut group = c.benchmark_group("related");
    group.sample_size(10);
    group.bench_function("build_10k", |b| {
        b.iter(|| RelatedIndex::build(black_box(&articles)))
    });
    let mut doc = 0;
    group.bench_function("query_10k", |b| {
        b.iter(|| {
            doc = (doc + 7919) % ARTICLES;
            index.related(black_box(doc), 10)
        })
    });
    group.bench_function("overlap_pair", |b| {
        b.iter(|| index.overlap(black_box(17), black_box(4242)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
