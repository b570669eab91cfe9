//! Regression tests for the bounds on work per article: each pins the
//! behaviour a bound must keep, and the fuzz or pathological input that
//! once made the step quadratic (timed generously: the quadratic versions
//! took minutes in debug builds).

use std::time::{Duration, Instant};

use super::analyze_text;

fn quote_speakers(body: &str) -> Vec<(String, Option<String>)> {
    analyze_text(body)
        .quotes
        .into_iter()
        .map(|q| {
            let text = q.text(body).to_owned();
            (text, q.attribution.and_then(|a| a.name).map(|n| n.to_string()))
        })
        .collect()
}

#[test]
fn an_earlier_quote_in_the_sentence_still_shares_its_cue() {
    let q = quote_speakers("Ana Ruiz said “the deal is dead” and “the talks are over for good”.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|(_, s)| s.as_deref() == Some("Ana Ruiz")), "{q:?}");
}

#[test]
fn a_sentence_of_many_quotes_analyses_in_linear_time() {
    // The look-back from each quote once stepped over every earlier quote
    // of the sentence, and `according to` was searched for once per quote.
    let body = "“a” ".repeat(40_000);
    let t = Instant::now();
    let a = analyze_text(&body);
    assert_eq!(a.quotes.len(), 40_000);
    assert!(t.elapsed() < Duration::from_secs(30), "{:?}", t.elapsed());
}

#[test]
fn a_surname_resolves_to_the_full_name_mentioned_most_before_it() {
    let body = "Ann Smith arrived. Mr. Bob Smith left. Ann Smith spoke. \
                “We will stay,” Smith said.";
    let q = quote_speakers(body);
    assert_eq!(q[0].1.as_deref(), Some("Ann Smith"), "{q:?}");
}

#[test]
fn many_mentions_of_one_surname_resolve_in_near_linear_time() {
    // Resolving each short name once counted every earlier mention.
    let body = "Ann Smith said. Smith, ".repeat(50_000);
    let t = Instant::now();
    let a = analyze_text(&body);
    assert_eq!(a.sentences.len(), 50_001);
    assert!(t.elapsed() < Duration::from_secs(60), "{:?}", t.elapsed());
}

#[test]
fn a_body_starting_with_a_comma_and_a_cue_has_no_reported_clause() {
    // Found by the property tests: the clause before ", said S" ended at
    // token -1 (an overflow, then an index out of bounds).
    for body in [", said Ana Mr.", ", he said.", ", Ana Ruiz said. Then."] {
        let a = analyze_text(body);
        assert!(a.quotes.iter().all(|q| q.start < q.end), "{body}: {a:?}");
    }
}
