//! Stories over 10,000 generated ~5 KB articles with planted stories:
//! the related index and the grouping, together (what `parallax stories`
//! and the TUI's Stories screen compute once per corpus), and the
//! grouping alone on a built index.
//!
//! Story `k` is told by 1–5 outlets (cycling), each version sharing half
//! its paragraphs with the others, dated the same day; an article told
//! once is no story.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::compare::RelatedIndex;
use parallax::corpus::{Article, Published, When};
use parallax::index::Stories;

const ARTICLES: usize = 10_000;
const BYTES: usize = 5_000;

/// The articles, and per article its planted story.
fn planted() -> (Vec<Article>, Vec<usize>) {
    let mut articles = Vec::with_capacity(ARTICLES);
    let mut story_of = Vec::with_capacity(ARTICLES);
    let mut story = 0;
    while articles.len() < ARTICLES {
        let size = 1 + story % 5;
        for telling in 0..size.min(ARTICLES - articles.len()) {
            let i = articles.len();
            let shared = support::body(&mut support::Rng::new(1_000_000 + story as u64), BYTES / 2);
            let own = support::body(&mut support::Rng::new(i as u64 + 1), BYTES / 2);
            let paragraphs: Vec<String> = shared.into_iter().zip(own).flat_map(|(a, b)| [a, b]).collect();
            let raw = format!("2026-{:02}-{:02}", 1 + story % 12, 1 + story % 28);
            let mut article = Article {
                id: format!("story-{i:05}.txt"),
                title: Some(format!("Story {story} as told by outlet {telling}")),
                source: Some(format!("Outlet {telling}")),
                published: Some(Box::new(Published {
                    when: When::from_iso(&raw),
                    iso: Some(raw.clone()),
                    raw,
                })),
                ..Article::default()
            };
            article.set_paragraphs(paragraphs);
            articles.push(article);
            story_of.push(story);
        }
        story += 1;
    }
    (articles, story_of)
}

fn bench(c: &mut Criterion) {
    let (articles, story_of) = planted();
    let index = RelatedIndex::build(&articles);
    let stories = Stories::build(&articles, &index);
    let planted = story_of
        .iter()
        .enumerate()
        .filter(|&(i, &s)| (i == 0 || story_of[i - 1] != s) && story_of.get(i + 1) == Some(&s));
    assert_eq!(stories.len(), planted.count(), "every planted story is found");
    for s in &stories.stories {
        assert!(s.articles.iter().all(|&a| story_of[a] == story_of[s.articles[0]]));
    }
    let mut group = c.benchmark_group("stories");
    group.sample_size(10);
    group.bench_function("index_and_stories_10k", |b| {
        b.iter(|| {
            let index = RelatedIndex::build(black_box(&articles));
            Stories::build(&articles, &index)
        })
    });
    group.bench_function("stories_10k", |b| {
        b.iter(|| Stories::build(black_box(&articles), &index))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
