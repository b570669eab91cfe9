//! The coverage of one story of 10 articles: every one of the 45 article
//! pairs through the compare engine (in parallel), then the sentences
//! grouped across outlets (what the TUI's coverage screen builds in the
//! background and `parallax story ID` prints). The articles are the demo
//! corpus's nine (real-length news, ~450 words) and a tenth rewritten from
//! one of them (its paragraphs in reverse order, as another outlet).
//! Analyses are built once, outside the timing, as the corpus index holds
//! them.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::analysis::{Analysis, analyze};
use parallax::compare::CompareOptions;
use parallax::corpus::{Article, demo_corpus};
use parallax::index::Story;
use parallax::index::coverage::Coverage;

fn story() -> (Vec<Article>, Vec<Analysis>, Story) {
    let mut articles = demo_corpus().articles;
    let mut rewritten = articles[6].clone();
    rewritten.id = "bench/rewritten.txt".into();
    rewritten.source = Some("Rewrite Weekly".into());
    let mut paragraphs = rewritten.paragraph_vec();
    paragraphs.reverse();
    rewritten.set_paragraphs(paragraphs);
    articles.push(rewritten);
    assert_eq!(articles.len(), 10);
    let analyses: Vec<Analysis> = articles.iter().map(analyze).collect();
    let story = Story::of("bench", "ten articles", (0..articles.len()).collect());
    (articles, analyses, story)
}

fn bench(c: &mut Criterion) {
    let (articles, analyses, story) = story();
    let options = CompareOptions::default();
    let once = Coverage::build_with(&story, &articles, &analyses, None, &options);
    assert!(
        once.rows.iter().any(|r| r.outlets() >= 3),
        "the rewritten article pairs with its original"
    );
    c.bench_function("coverage of a 10-article story (45 pairs)", |b| {
        b.iter(|| black_box(Coverage::build_with(&story, &articles, &analyses, None, &options)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
