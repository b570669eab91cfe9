//! Regression tests for the bounds that keep one pathological article
//! from stalling a comparison: repeated sentences, very common terms,
//! run-on sentences, and long articles compared in full.

use std::time::{Duration, Instant};

use super::claims::{ClaimOptions, MAX_SENTENCE_BYTES, MAX_TERM_SENTENCES, align};
use super::*;
use crate::analysis::analyze;
use crate::corpus::Article;

fn article(body: &str) -> Article {
    let mut a = Article::default();
    a.set_paragraphs(body.split("\n\n").map(str::to_owned).collect());
    a
}

fn pairs(left: &[&str], right: &[&str]) -> Vec<(usize, usize, f32)> {
    align(left, right, ClaimOptions::default())
        .iter()
        .map(|p| (p.left, p.right, p.score))
        .collect()
}

#[test]
fn repeated_sentences_pair_in_order_without_quadratic_candidates() {
    // Every repeat once met every repeat on the other side: 10^8
    // candidates (gigabytes) for 10,000 repeats.
    let left = vec!["It rained."; 10_000];
    let t = Instant::now();
    let p = pairs(&left, &left);
    assert!(t.elapsed() < Duration::from_secs(30), "{:?}", t.elapsed());
    assert_eq!(p.len(), 10_000);
    assert!(
        p.iter()
            .enumerate()
            .all(|(i, &(l, r, s))| l == i && r == i && s == 1.0)
    );
}

#[test]
fn repeats_pair_across_sides_of_different_lengths() {
    let left = ["It rained.", "Kell left.", "It rained.", "It rained."];
    let right = ["It rained.", "It rained."];
    assert_eq!(pairs(&left, &right), [(0, 0, 1.0), (2, 1, 1.0)]);
}

#[test]
fn terms_too_common_to_index_still_count_in_the_score() {
    // Kell, inspected, harbour, crane and dawn stand in every sentence, so
    // only the number finds candidates; the pairs must still be found.
    let n = MAX_TERM_SENTENCES + 20;
    let left: Vec<String> = (0..n)
        .map(|i| format!("Kell inspected harbour crane {} at dawn.", 1000 + i))
        .collect();
    let right: Vec<String> = (0..n)
        .rev()
        .map(|i| format!("At dawn Kell inspected the harbour crane {}.", 1000 + i))
        .collect();
    let l: Vec<&str> = left.iter().map(String::as_str).collect();
    let r: Vec<&str> = right.iter().map(String::as_str).collect();
    let p = pairs(&l, &r);
    assert_eq!(p.len(), n);
    assert!(p.iter().all(|&(l, r, _)| r == n - 1 - l), "{:?}", &p[..3]);
}

#[test]
fn a_run_on_sentence_is_not_a_claim() {
    let long = "word ".repeat(MAX_SENTENCE_BYTES / 4);
    assert!(pairs(&[&long], &[&long]).is_empty());
    let short = "word ".repeat(MAX_SENTENCE_BYTES / 6);
    assert_eq!(pairs(&[&short], &[&short]), [(0, 0, 1.0)]);
}

#[test]
fn a_long_article_compared_with_itself_pairs_every_sentence() {
    // Sentences past 4,000 were once cut off and listed as unique.
    let n = 6_003;
    let body: String = (0..n).map(|i| format!("Item {i} was sold. ")).collect();
    let a = article(&body);
    let an = analyze(&a);
    assert_eq!(an.sentences.len(), n);
    let doc = Doc {
        article: &a,
        analysis: &an,
    };
    let t = Instant::now();
    let c = compare(doc, doc, &CompareOptions::default());
    assert!(t.elapsed() < Duration::from_secs(30), "{:?}", t.elapsed());
    assert_eq!(c.claims.len(), n);
    assert!(c.unique_left.is_empty() && c.unique_right.is_empty());
    assert_eq!(c.overlap, 1.0);
}

#[test]
fn repeated_quotes_pair_in_order_in_near_linear_time() {
    // Every repeat once met, and was diffed against, every repeat on the
    // other side.
    let body = "“harbour fees rise again today” she said. ".repeat(3_000);
    let a = article(&body);
    let an = analyze(&a);
    let doc = Doc {
        article: &a,
        analysis: &an,
    };
    let t = Instant::now();
    let c = compare(doc, doc, &CompareOptions::default());
    assert!(t.elapsed() < Duration::from_secs(30), "{:?}", t.elapsed());
    assert_eq!(c.shared_quotes.len(), 3_000);
    assert!(c.shared_quotes.iter().all(|q| q.left_start == q.right_start));
}

#[test]
fn a_quote_unquoted_on_the_other_side_is_found_among_common_words() {
    let quoted = format!(
        "{}“the fee rose again today,” she said.",
        "The fee rose. ".repeat(300)
    );
    let plain = format!(
        "{}She said the fee rose again today.",
        "The fee rose. ".repeat(300)
    );
    let (qa, pa) = (article(&quoted), article(&plain));
    let (qn, pn) = (analyze(&qa), analyze(&pa));
    let c = compare(
        Doc {
            article: &qa,
            analysis: &qn,
        },
        Doc {
            article: &pa,
            analysis: &pn,
        },
        &CompareOptions::default(),
    );
    let q = c.shared_quotes.iter().find(|q| q.kind == SharedKind::QuotedInOne);
    assert_eq!(q.map(|q| q.right_text.as_str()), Some("the fee rose again today"));
}
