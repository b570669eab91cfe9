//! Times analysis and compare on pathological articles (release mode):
//! `cargo run --release --example pathological [NAME]`.

use std::io::Write as _;
use std::time::Instant;

use parallax::analysis::analyze;
use parallax::compare::{CompareOptions, Doc, compare};
use parallax::corpus::Article;

fn article(body: String) -> Article {
    let mut a = Article::default();
    a.set_paragraphs(body.split("\n\n").map(str::to_owned).collect());
    a
}

fn cases() -> Vec<(&'static str, String)> {
    vec![
        ("1MB-no-spaces", "a".repeat(1 << 20)),
        ("200k-double-quotes", "\"".repeat(200_000)),
        ("200k-spaced-quotes", "\" ".repeat(200_000)),
        ("200k-single-quotes", "'a ".repeat(200_000)),
        ("200k-curly", "“a” ".repeat(100_000)),
        ("20k-curly", "“a” ".repeat(10_000)),
        ("possessive-closers", format!("'x {}", "s' ".repeat(200_000))),
        ("5MB-sentence", "word ".repeat(1 << 20)),
        ("100k-sentences", "It rained. ".repeat(100_000)),
        ("names", "Ann Smith said. Smith, ".repeat(50_000)),
        ("cues", "he said, ".repeat(100_000)),
        ("caps", "Ann ".repeat(200_000)),
        ("said-that", "Kell said that ".repeat(100_000)),
        (
            "repeated-quotes",
            "“harbour fees rise again today” she said. ".repeat(20_000),
        ),
        (
            "many-distinct-quotes",
            (0..20_000)
                .map(|i| format!("“the fee {i} rose again today,” she said. "))
                .collect(),
        ),
    ]
}

fn main() {
    let only = std::env::args().nth(1);
    for (name, body) in cases() {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let a = article(body);
        let t = Instant::now();
        let an = analyze(&a);
        let analysed = t.elapsed();
        print!(
            "{name:20} {:>8} bytes  analyze {:>9.1?} ({} sentences, {} quotes)",
            a.body.len(),
            analysed,
            an.sentences.len(),
            an.quotes.len(),
        );
        let _ = std::io::stdout().flush();
        let t = Instant::now();
        let doc = Doc {
            article: &a,
            analysis: &an,
        };
        let c = compare(doc, doc, &CompareOptions::default());
        println!("  compare-self {:>9.1?} ({} claims)", t.elapsed(), c.claims.len());
    }
}
