//! Comparing two articles: 1,500- and 5,000-word pairs, related (one is a
//! reworded, reordered variant of the other) and unrelated. Measures the
//! compare step on analysed articles, and analysis + compare together.

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use parallax::analysis::{Analysis, analyze};
use parallax::compare::{CompareOptions, Comparison, Doc, compare};
use parallax::corpus::Article;

fn article(paragraphs: Vec<String>) -> Article {
    let mut a = Article::default();
    a.set_paragraphs(paragraphs);
    a
}

fn compare_pair(left: &Article, la: &Analysis, right: &Article, ra: &Analysis) -> Comparison {
    compare(
        Doc {
            article: left,
            analysis: la,
        },
        Doc {
            article: right,
            analysis: ra,
        },
        &CompareOptions::default(),
    )
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    for words in [1_500, 5_000] {
        let base = support::body_words(7, words);
        let pairs = [
            (
                "related",
                article(base.clone()),
                article(support::variant(&base, 11)),
            ),
            (
                "unrelated",
                article(base.clone()),
                article(support::body_words(99, words)),
            ),
        ];
        for (kind, left, right) in &pairs {
            let (la, ra): (Analysis, Analysis) = (analyze(left), analyze(right));
            let id = format!("{kind}_{words}w");
            let claims = compare_pair(left, &la, right, &ra).claims.len();
            eprintln!(
                "{id}: {} and {} words, {claims} claim pairs",
                left.word_count(),
                right.word_count()
            );
            group.bench_function(BenchmarkId::new("compare", &id), |b| {
                b.iter(|| compare_pair(left, &la, right, &ra))
            });
            group.bench_function(BenchmarkId::new("analyze_and_compare", &id), |b| {
                b.iter(|| {
                    let (la, ra) = (analyze(left), analyze(right));
                    compare_pair(left, &la, right, &ra).claims.len()
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
