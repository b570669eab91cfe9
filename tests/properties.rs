//! Properties over generated text: offsets stay inside the body, compare
//! reads the same from either side and pairs an article with itself
//! sentence by sentence, and parsing keeps every visible body character.

use std::path::Path;

use parallax::analysis::{Analysis, analyze};
use parallax::compare::{CompareOptions, Comparison, Doc, SharedQuote, Span, compare};
use parallax::corpus::{Article, parse_bytes};
use proptest::prelude::*;

/// Text that exercises the analysis: words (some capitalised, names and
/// cue verbs), every quote style, terminal punctuation, abbreviations,
/// non-ASCII letters, and line and paragraph breaks.
fn prose() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "the",
        "council",
        "said",
        "Ana",
        "Ruiz",
        "told",
        "reporters",
        "he",
        "she",
        "plan",
        "would",
        "cost",
        "410",
        "million",
        "according",
        "to",
        "Mr.",
        "U.S.",
        "Kell",
        "that",
        "Café",
        "naïve",
        "über",
        "北京",
        "fees",
        "rose",
        "again",
        "today",
        "a",
        "deal",
    ];
    const MARKS: &[&str] = &[
        ".", ",", "!", "?", "…", ":", ";", "—", "\"", "'", "“", "”", "‘", "’", "«", "»", "„", "「", "」",
        "(", ")",
    ];
    const SPACES: &[&str] = &[" ", "\n", "\n\n", "  "];
    let owned = |list: &'static [&'static str]| prop::sample::select(list).prop_map(str::to_owned);
    let piece = prop_oneof![
        4 => owned(WORDS),
        2 => owned(MARKS),
        1 => owned(SPACES),
        1 => "[a-zA-Z'’]{1,8}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| {
        let mut out = String::new();
        for p in pieces {
            let glue = matches!(
                p.as_str(),
                "." | "," | "!" | "?" | ":" | ";" | "”" | "’" | "»" | ")"
            );
            if !out.is_empty() && !glue && !p.starts_with(char::is_whitespace) {
                out.push(' ');
            }
            out.push_str(&p);
        }
        out
    })
}

fn article(body: &str) -> Article {
    let mut a = Article::default();
    a.set_paragraphs(
        body.split("\n\n")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect(),
    );
    a
}

fn within(body: &str, start: usize, end: usize) -> bool {
    let chars = body.chars().count();
    start <= end && end <= chars
}

/// The char offset `at` as a byte offset, which must be a char boundary.
fn on_boundary(body: &str, at: usize) -> bool {
    let byte = body.char_indices().nth(at).map_or(body.len(), |(b, _)| b);
    body.is_char_boundary(byte)
}

fn slice(body: &str, start: usize, end: usize) -> String {
    body.chars().skip(start).take(end - start).collect()
}

fn run(a: (&Article, &Analysis), b: (&Article, &Analysis)) -> Comparison {
    compare(
        Doc {
            article: a.0,
            analysis: a.1,
        },
        Doc {
            article: b.0,
            analysis: b.1,
        },
        &CompareOptions::default(),
    )
}

fn span_ok(body: &str, s: &Span) -> bool {
    within(body, s.start, s.end) && on_boundary(body, s.start) && slice(body, s.start, s.end) == s.text
}

/// A shared quote seen from the other side.
fn flipped(q: &SharedQuote) -> SharedQuote {
    let mut f = q.clone();
    std::mem::swap(&mut f.left_text, &mut f.right_text);
    std::mem::swap(&mut f.left_speaker, &mut f.right_speaker);
    std::mem::swap(&mut f.left_cue, &mut f.right_cue);
    std::mem::swap(&mut f.left_start, &mut f.right_start);
    std::mem::swap(&mut f.left_end, &mut f.right_end);
    f.quoted_on = q.quoted_on.map(|s| s.other());
    f.diff = Vec::new();
    f
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn analysis_offsets_stay_inside_the_body(text in prose()) {
        let a = article(&text);
        let an = analyze(&a);
        for s in &an.sentences {
            prop_assert!(within(&a.body, s.start(), s.end()) && s.start() < s.end(), "{s:?}");
            prop_assert!(on_boundary(&a.body, s.start()) && on_boundary(&a.body, s.end()));
        }
        for q in &an.quotes {
            prop_assert!(within(&a.body, q.start, q.end) && q.start < q.end, "{q:?}");
            prop_assert!(on_boundary(&a.body, q.start) && on_boundary(&a.body, q.end));
        }
    }

    #[test]
    fn arbitrary_strings_analyse_inside_the_body(text in any::<String>()) {
        let a = article(&text);
        let an = analyze(&a);
        for q in &an.quotes {
            prop_assert!(within(&a.body, q.start, q.end), "{q:?}");
        }
        for s in &an.sentences {
            prop_assert!(within(&a.body, s.start(), s.end()), "{s:?}");
        }
    }

    #[test]
    fn compare_spans_are_inside_their_bodies(x in prose(), y in prose()) {
        let (a, b) = (article(&x), article(&y));
        let (aa, ba) = (analyze(&a), analyze(&b));
        let c = run((&a, &aa), (&b, &ba));
        for claim in &c.claims {
            prop_assert!(span_ok(&a.body, &claim.left), "{:?}", claim.left);
            prop_assert!(span_ok(&b.body, &claim.right), "{:?}", claim.right);
        }
        for s in &c.unique_left {
            prop_assert!(span_ok(&a.body, s));
        }
        for s in &c.unique_right {
            prop_assert!(span_ok(&b.body, s));
        }
        for q in &c.shared_quotes {
            prop_assert!(within(&a.body, q.left_start, q.left_end));
            prop_assert!(within(&b.body, q.right_start, q.right_end));
        }
    }

    #[test]
    fn compare_mirrors(x in prose(), y in prose()) {
        let (a, b) = (article(&x), article(&y));
        let (aa, ba) = (analyze(&a), analyze(&b));
        let ab = run((&a, &aa), (&b, &ba));
        let ba_ = run((&b, &ba), (&a, &aa));
        let key = |c: &parallax::compare::Claim, flip: bool| {
            let (l, r) = if flip { (&c.right, &c.left) } else { (&c.left, &c.right) };
            (l.start, r.start, l.text.clone(), r.text.clone(), c.score.to_bits(), c.moved)
        };
        let mut one: Vec<_> = ab.claims.iter().map(|c| key(c, false)).collect();
        let mut two: Vec<_> = ba_.claims.iter().map(|c| key(c, true)).collect();
        one.sort();
        two.sort();
        prop_assert_eq!(one, two);
        prop_assert_eq!(&ab.unique_left, &ba_.unique_right);
        prop_assert_eq!(&ab.unique_right, &ba_.unique_left);
        prop_assert_eq!(ab.overlap.to_bits(), ba_.overlap.to_bits());
        let mut q1: Vec<SharedQuote> = ab.shared_quotes.iter().map(|q| {
            let mut q = q.clone();
            q.diff = Vec::new();
            q
        }).collect();
        let mut q2: Vec<SharedQuote> = ba_.shared_quotes.iter().map(flipped).collect();
        q1.sort_by_key(|q| (q.left_start, q.right_start));
        q2.sort_by_key(|q| (q.left_start, q.right_start));
        prop_assert_eq!(q1, q2);
    }

    #[test]
    fn an_article_pairs_every_sentence_with_itself(x in prose()) {
        let a = article(&x);
        let an = analyze(&a);
        let c = run((&a, &an), (&a, &an));
        prop_assert_eq!(c.claims.len(), an.sentences.len());
        for claim in &c.claims {
            prop_assert_eq!(claim.sentences.0, claim.sentences.1);
            prop_assert_eq!(claim.score, 1.0);
            prop_assert!(!claim.moved);
        }
        prop_assert!(c.unique_left.is_empty() && c.unique_right.is_empty());
    }

    #[test]
    fn parsing_keeps_every_visible_body_character(
        body in "[a-zA-Z0-9éß北 .,;!?'\"“”()\n]{1,300}",
        title in "[A-Z][a-z]{1,10}( [a-z]{1,8}){0,4}",
        format in 0usize..4,
    ) {
        prop_assume!(body.chars().any(|c| !c.is_whitespace()));
        let (name, file) = match format {
            0 => ("a.txt", format!("{title}\n\n{body}")),
            1 => ("a.txt", format!("Title: {title}\nText:\n{body}")),
            2 => ("a.json", serde_json::json!({"title": title, "text": body}).to_string()),
            _ => ("a.txt", format!("{body}\nReference(s):\n{title}\nsite.example\n")),
        };
        let result = parse_bytes(Path::new(name), file.as_bytes());
        prop_assert_eq!(result.articles.len(), 1, "{:?}", result.diagnostics);
        let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let got = &result.articles[0];
        prop_assert_eq!(visible(&got.body), visible(&body), "{:?}", file);
    }
}
