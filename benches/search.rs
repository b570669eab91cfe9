//! Full-text search over 100,000 generated articles of about 2.5 KB (the
//! scale issue's corpus, generated in memory): the index build time and
//! memory (printed once), then the time to the first page of results (the
//! query, its hit count, and the 20 first hits located with their match
//! spans) for a rare word, a common word and a three-word phrase.
//!
//! `cargo bench --bench search -- --warm-up-time 1 --measurement-time 3`

mod support;

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::corpus::Article;
use parallax::index::{Query, TextIndex};

const ARTICLES: usize = 100_000;
const BYTES: usize = 2_500;
/// One article in this many carries the rare word.
const RARE_EVERY: usize = 9_973;
const PAGE: usize = 20;

fn generate() -> Vec<Article> {
    (0..ARTICLES)
        .map(|i| {
            let mut rng = support::Rng::new(i as u64 + 1);
            let mut paragraphs = support::body(&mut rng, BYTES);
            if i % RARE_EVERY == 0 {
                paragraphs.push("The ferry pilot Zebulon Quarrie gave evidence on Monday.".into());
            }
            let mut article = Article {
                id: format!("gen-{i:06}.txt"),
                ..Article::default()
            };
            article.set_paragraphs(paragraphs);
            article
        })
        .collect()
}

/// The query, its hits and the first page located, as the results screen
/// shows them: `(hits, spans on the first page)`.
fn first_page(index: &TextIndex, articles: &[Article], query: &str) -> (usize, usize) {
    let query = Query::parse(query);
    let hits = index.search(articles, &query);
    let spans = hits
        .iter()
        .take(PAGE)
        .map(|&id| index.spans(articles, id, &query).len())
        .sum();
    (hits.len(), spans)
}

fn bench(c: &mut Criterion) {
    let started = Instant::now();
    let articles = generate();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    eprintln!(
        "generated {ARTICLES} articles, {:.0} MB of text, in {:.1} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let index = TextIndex::build(black_box(&articles));
    let build = started.elapsed().as_secs_f64();
    eprintln!(
        "index build: {build:.2} s; {} sentences, {} words; index memory {:.1} MB ({:.0} bytes per article, {:.2} bytes per text byte)",
        index.sentences(),
        index.words(),
        index.heap_bytes() as f64 / 1e6,
        index.heap_bytes() as f64 / ARTICLES as f64,
        index.heap_bytes() as f64 / bytes as f64,
    );
    let queries = [
        ("rare_word", "Quarrie"),
        ("common_word", "council"),
        ("phrase", "\"the harbour contract\""),
    ];
    for (name, q) in queries {
        let (hits, spans) = first_page(&index, &articles, q);
        // CPU time (every thread's) per query: an upper bound of the wall
        // time on an idle machine that other work on the machine barely
        // changes, unlike the wall times below.
        let (started, cpu) = (Instant::now(), cpu_seconds());
        let mut runs = 0u32;
        while runs < 5 || started.elapsed().as_secs_f64() < 2.0 {
            black_box(first_page(&index, &articles, black_box(q)));
            runs += 1;
        }
        let cpu = (cpu_seconds() - cpu) / f64::from(runs);
        eprintln!(
            "{name} {q}: {hits} sentences match; {spans} spans on the first page; {:.2} ms of CPU per query",
            cpu * 1e3
        );
        assert!(hits > 0, "{q} finds nothing");
    }
    let mut group = c.benchmark_group("search_100k");
    group.sample_size(20);
    for (name, q) in queries {
        group.bench_function(name, |b| b.iter(|| first_page(&index, &articles, black_box(q))));
    }
    group.finish();
}

/// CPU time of the process so far, every thread's, from `/proc/self/stat`
/// (Linux; 0 elsewhere), in clock ticks of 10 ms: callers run for a second.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // After the command name in parentheses: state is field 3, utime 14, stime 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i - 3)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(14) + ticks(15)) / 100.0
}

criterion_group!(benches, bench);
criterion_main!(benches);
