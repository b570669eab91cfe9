//! The related-article index over 10,000 generated ~5 KB articles: index
//! build, one related query, and the memory per article (article + index).
//! Two corpora: the load benchmark's articles (nothing in common beyond a
//! small vocabulary), and stories told three times, each version sharing
//! half its paragraphs with the other two (most postings survive).

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

/// Article `i` tells story `i / 3`: half its text is the story's, half its own.
fn story_articles() -> Vec<Article> {
    (0..ARTICLES)
        .map(|i| {
            let shared = support::body(&mut support::Rng::new(1_000_000 + (i / 3) as u64), BYTES / 2);
            let own = support::body(&mut support::Rng::new(i as u64 + 1), BYTES / 2);
            let mut paragraphs = Vec::with_capacity(shared.len() + own.len());
            for (a, b) in shared.into_iter().zip(own) {
                paragraphs.push(a);
                paragraphs.push(b);
            }
            let mut article = Article {
                id: format!("story-{i:05}.txt"),
                title: Some(format!("Story {} as told by outlet {}", i / 3, i % 3)),
                ..Article::default()
            };
            article.set_paragraphs(paragraphs);
            article
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
        + a.paragraph_count() * size_of::<usize>()
        + a.path.as_os_str().len()
        + a.published.as_ref().map_or(0, |p| p.raw.capacity() + 16)
        + extra
}

fn bench_corpus(c: &mut Criterion, name: &str, articles: &[Article]) {
    assert_eq!(articles.len(), ARTICLES);
    let index = RelatedIndex::build(articles);
    let article = articles.iter().map(article_bytes).sum::<usize>() as f64 / ARTICLES as f64;
    let idx = index.heap_bytes() as f64 / ARTICLES as f64;
    eprintln!(
        "{name}: memory per article: article {:.1} KB + index {:.1} KB = {:.1} KB",
        article / 1e3,
        idx / 1e3,
        (article + idx) / 1e3
    );
    let mut group = c.benchmark_group(format!("related_{name}"));
    group.sample_size(10);
    group.bench_function("build_10k", |b| {
        b.iter(|| RelatedIndex::build(black_box(articles)))
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

fn bench(c: &mut Criterion) {
    let stories = story_articles();
    let index = RelatedIndex::build(&stories);
    let top: Vec<usize> = index.related(3000, 2).iter().map(|r| r.0).collect();
    assert_eq!(top, [3001, 3002], "the other tellings of story 1000 come first");
    bench_corpus(c, "stories", &stories);
    bench_corpus(c, "generated", &generate());
}

criterion_group!(benches, bench);
criterion_main!(benches);
