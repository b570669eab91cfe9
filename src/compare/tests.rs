//! Engine tests on original articles with hand-made analyses (sentences
//! cut at ". ", quotes at curly or straight double quotes), so compare is
//! tested apart from the analysis layer.

use super::*;
use crate::analysis::{Analysis, Attribution, Quote, QuoteKind, QuoteText, Sentence};
use crate::corpus::Article;

fn article(body: &str) -> Article {
    let mut a = Article::default();
    a.set_paragraphs(body.split("\n\n").map(str::to_owned).collect());
    a
}

/// Sentences end after ". " (char offsets); quotes sit between double
/// quote marks; `speakers` gives the speaker of each quote in order.
fn analysis(body: &str, speakers: &[(&str, &str)]) -> Analysis {
    let chars: Vec<char> = body.chars().collect();
    let mut sentences = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let end_here = i + 1 == chars.len() || (chars[i] == '.' && chars.get(i + 1) == Some(&' '));
        if end_here {
            sentences.push(Sentence::new(start, i + 1, 0));
            start = i + 2;
        }
    }
    let mut quotes = Vec::new();
    let mut open = None;
    for (i, &c) in chars.iter().enumerate() {
        match (c, open) {
            ('“' | '"', None) => open = Some(i + 1),
            ('”' | '"', Some(s)) => {
                let (speaker, cue) = speakers.get(quotes.len()).copied().unwrap_or(("", ""));
                let byte = |c: usize| body.char_indices().nth(c).map_or(body.len(), |(b, _)| b);
                let (from, to) = (byte(s), byte(i));
                quotes.push(Quote {
                    text: QuoteText::in_body(from, from + body[from..to].trim_end_matches(',').len()),
                    kind: QuoteKind::Direct,
                    start: s,
                    end: i,
                    paragraph: 0,
                    attribution: (!speaker.is_empty()).then(|| Attribution {
                        speaker: speaker.into(),
                        name: Some(speaker.into()),
                        role: None,
                        cue: Some(cue.into()),
                        confidence: 0.9,
                        evidence: crate::analysis::Evidence::new(crate::analysis::Rule::CueBeforeNear),
                    }),
                });
                open = None;
            }
            _ => {}
        }
    }
    Analysis { sentences, quotes }
}

const LEFT: &str = "The council approved the desalination contract by seven votes to six. \
“The contract was checked line by line by people who do this for a living,” Mayor Ilse Marrow said. \
The plant would cost 410 million crowns. Opponents plan to challenge the vote in court.";
const RIGHT: &str = "Critics said the price was too high. \
The project's price tag of 410 million crowns would make the plant the costliest in the region. \
\"The contract was checked line by line by people who do this for a living,\" deputy mayor Bertil Sandhu claimed. \
Councillors approved the desalination contract by seven votes to six on Thursday.";

fn run(l: (&str, &[(&str, &str)]), r: (&str, &[(&str, &str)])) -> Comparison {
    let (la, ra) = (article(l.0), article(r.0));
    let (ln, rn) = (analysis(l.0, l.1), analysis(r.0, r.1));
    compare(
        Doc {
            article: &la,
            analysis: &ln,
        },
        Doc {
            article: &ra,
            analysis: &rn,
        },
        &CompareOptions::default(),
    )
}

#[test]
fn a_quote_given_to_different_speakers_is_flagged() {
    let c = run(
        (LEFT, &[("Ilse Marrow", "said")]),
        (RIGHT, &[("Bertil Sandhu", "claimed")]),
    );
    assert_eq!(c.shared_quotes.len(), 1, "{:#?}", c.shared_quotes);
    let q = &c.shared_quotes[0];
    assert_eq!(q.kind, SharedKind::Exact);
    assert!(q.speakers_differ && q.cues_differ);
    assert_eq!(q.left_speaker.as_deref(), Some("Ilse Marrow"));
    let left_chars: String = LEFT
        .chars()
        .skip(q.left_start)
        .take(q.left_end - q.left_start)
        .collect();
    assert!(left_chars.starts_with("The contract was checked"));
}

#[test]
fn the_same_speaker_and_cue_are_not_flagged() {
    let c = run((LEFT, &[("Ilse Marrow", "said")]), (RIGHT, &[("Marrow", "says")]));
    assert!(!c.shared_quotes[0].speakers_differ && !c.shared_quotes[0].cues_differ);
}

#[test]
fn claims_pair_paraphrases_out_of_order_and_list_the_rest() {
    let c = run((LEFT, &[]), (RIGHT, &[]));
    let pairs: Vec<(&str, &str)> = c
        .claims
        .iter()
        .map(|p| (p.left.text.as_str(), p.right.text.as_str()))
        .collect();
    assert!(pairs.contains(&(
        "The council approved the desalination contract by seven votes to six.",
        "Councillors approved the desalination contract by seven votes to six on Thursday."
    )));
    assert!(
        pairs
            .iter()
            .any(|(l, r)| l.starts_with("The plant would cost") && r.starts_with("The project's price tag"))
    );
    assert!(
        c.claims.iter().any(|p| p.moved),
        "the price sentence moved: {:#?}",
        c.claims
    );
    assert!(c.unique_left.iter().any(|s| s.text.starts_with("Opponents plan")));
    assert!(c.unique_right.iter().any(|s| s.text.starts_with("Critics said")));
    // The sentence holding the shared quote is shared, not unique.
    assert!(!c.unique_left.iter().any(|s| s.text.contains("line by line")));
    assert!(c.overlap > 0.0 && c.overlap < 1.0);
}

#[test]
fn an_altered_quote_carries_its_word_diff() {
    let l = "“We will not sign a deal that drains the aquifer,” Okafor said.";
    let r = "“We will never sign a deal that drains our aquifer,” Okafor said.";
    let c = run((l, &[("Okafor", "said")]), (r, &[("Okafor", "said")]));
    let q = &c.shared_quotes[0];
    assert_eq!(q.kind, SharedKind::Altered);
    assert!((q.similarity - 0.8).abs() < 1e-6);
    let changed: Vec<&str> = q
        .diff
        .iter()
        .filter(|d| d.op != diff::Op::Equal)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(changed, ["not", "never", "the", "our"]);
}

#[test]
fn a_quote_present_unquoted_on_the_other_side() {
    let l = "“The network will be back to normal by Friday morning,” the operator said.";
    let r = "The operator expects the network will be back to normal by Friday morning.";
    let c = run((l, &[("the operator", "said")]), (r, &[]));
    assert_eq!(c.shared_quotes.len(), 1);
    let q = &c.shared_quotes[0];
    assert_eq!(q.kind, SharedKind::QuotedInOne);
    assert_eq!(q.quoted_on, Some(Side::Left));
    assert_eq!(
        q.right_text,
        "the network will be back to normal by Friday morning"
    );
}

#[test]
fn compare_mirrors() {
    let ab = run(
        (LEFT, &[("Ilse Marrow", "said")]),
        (RIGHT, &[("Bertil Sandhu", "claimed")]),
    );
    let ba = run(
        (RIGHT, &[("Bertil Sandhu", "claimed")]),
        (LEFT, &[("Ilse Marrow", "said")]),
    );
    let flip = |c: &Claim| (c.right.clone(), c.left.clone(), c.score, c.moved);
    let mut ab_claims: Vec<_> = ab.claims.iter().map(flip).collect();
    let mut ba_claims: Vec<_> = ba
        .claims
        .iter()
        .map(|c| (c.left.clone(), c.right.clone(), c.score, c.moved))
        .collect();
    ab_claims.sort_by_key(|c| c.0.start);
    ba_claims.sort_by_key(|c| c.0.start);
    assert_eq!(ab_claims, ba_claims);
    assert_eq!(ab.unique_left, ba.unique_right);
    assert_eq!(ab.overlap, ba.overlap);
    assert_eq!(ab.shared_quotes.len(), ba.shared_quotes.len());
    assert_eq!(ab.shared_quotes[0].left_start, ba.shared_quotes[0].right_start);
}

#[test]
fn an_article_compared_with_itself_pairs_every_sentence_at_one() {
    let c = run((LEFT, &[]), (LEFT, &[]));
    let sentences = analysis(LEFT, &[]).sentences.len();
    assert_eq!(c.claims.len(), sentences);
    assert!(
        c.claims
            .iter()
            .all(|p| p.score == 1.0 && p.left == p.right && !p.moved)
    );
    assert!(c.unique_left.is_empty() && c.unique_right.is_empty());
    assert_eq!(c.overlap, 1.0);
}

#[test]
fn claims_carry_tier_kind_and_anchors() {
    let c = run(
        (LEFT, &[("Ilse Marrow", "said")]),
        (RIGHT, &[("Bertil Sandhu", "claimed")]),
    );
    assert!(!c.claims.is_empty());
    for claim in &c.claims {
        let strong = claim.score >= crate::compare::claims::DEFAULT_THRESHOLD;
        assert_eq!(claim.tier == crate::compare::Tier::Strong, strong, "{claim:?}");
    }
    let price = c
        .claims
        .iter()
        .find(|p| p.left.text.contains("410 million") || p.right.text.contains("410 million"))
        .expect("the price pair");
    assert!(
        price.anchors.iter().any(|a| a == "number:410"),
        "{:?}",
        price.anchors
    );
}

#[test]
fn a_shared_quote_inside_a_claim_pair_names_the_pair() {
    let c = run(
        (LEFT, &[("Ilse Marrow", "said")]),
        (RIGHT, &[("Bertil Sandhu", "claimed")]),
    );
    let q = &c.shared_quotes[0];
    let k = q.claim.expect("the quote's sentences pair");
    let pair = &c.claims[k];
    assert!(pair.left.start <= q.left_start && q.left_end <= pair.left.end + 1);
    assert_eq!(pair.kind, crate::compare::claims::ClaimKind::Quote);
}

#[test]
fn a_short_quote_alone_is_no_shared_item() {
    // "witch hunt"-like scare quotes: two words in unrelated sentences.
    let left = "Ferries ran late. Tolls rose. The harbour closed at noon. \
        The mayor called the audit a \u{201C}paper storm\u{201D} on Monday.";
    let right = "It rained all week. Grain prices fell. Tractors blocked the ring road. \
        Farmers said the new quota rules were a \u{201C}paper storm\u{201D} that nobody read.";
    let c = run((left, &[]), (right, &[]));
    assert!(c.shared_quotes.is_empty(), "{:?}", c.shared_quotes);
}
