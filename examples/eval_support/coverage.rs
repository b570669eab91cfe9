//! The coverage matrix scored like pairs (shared by `examples/eval_coverage.rs`
//! and `tests/coverage_real_data.rs`): each BASIL event's articles through
//! `Coverage`, the pairs its rows imply scored with `alignment`'s rules.

use std::collections::BTreeMap;

use parallax::analysis::Analysis;
use parallax::compare::CompareOptions;
use parallax::corpus::Article;
use parallax::index::Story;
use parallax::index::coverage::{Carried, Coverage, RowKind};

use super::alignment::{Event, Score, Side, score_predicted, sentence_of};

/// Every event scored: the total, the rows carried by two outlets or more,
/// and by all.
pub fn score_matrix(events: &[Event], errors: bool) -> (Score, usize, usize) {
    let mut matrix = Score::default();
    let mut rows = (0, 0);
    for event in events {
        let (score, shared, all) = score_event(event, errors);
        matrix.add(&score);
        rows.0 += shared;
        rows.1 += all;
    }
    (matrix, rows.0, rows.1)
}

/// The event's distinct articles (each pair names two of its three).
fn sides(event: &Event) -> Vec<&Side> {
    let mut out: Vec<&Side> = Vec::new();
    for p in &event.pairs {
        for s in [&p.left, &p.right] {
            if !out.iter().any(|o| o.article.id == s.article.id) {
                out.push(s);
            }
        }
    }
    out
}

/// Scores the pairs the event's matrix implies; also returns its rows
/// carried by two outlets or more, and by all.
pub fn score_event(event: &Event, errors: bool) -> (Score, usize, usize) {
    let sides = sides(event);
    let articles: Vec<Article> = sides.iter().map(|s| s.article.clone()).collect();
    let analyses: Vec<Analysis> = sides.iter().map(|s| s.analysis.clone()).collect();
    let story = Story::of(&event.id, &event.id, (0..articles.len()).collect());
    let coverage = Coverage::build_with(&story, &articles, &analyses, None, &CompareOptions::default());
    let shared = coverage.rows.iter().filter(|r| r.outlets() > 1).count();
    let all = coverage
        .rows
        .iter()
        .filter(|r| r.outlets() == coverage.columns.len())
        .count();
    let mut total = Score::default();
    for pair in &event.pairs {
        let at = |s: &Side| sides.iter().position(|x| x.article.id == s.article.id);
        let (Some(l), Some(r)) = (at(&pair.left), at(&pair.right)) else {
            continue;
        };
        let (lc, rc) = (coverage.column_of(l), coverage.column_of(r));
        let mut predicted: BTreeMap<(String, String), String> = BTreeMap::new();
        for row in &coverage.rows {
            let (Some(a), Some(b)) = (
                lc.and_then(|c| row.cell_member(c)),
                rc.and_then(|c| row.cell_member(c)),
            ) else {
                continue;
            };
            let (Some(x), Some(y)) = (
                sentence_of(&pair.left, a.start, a.end),
                sentence_of(&pair.right, b.start, b.end),
            ) else {
                continue;
            };
            let tier = match (row.kind, a.carried.min(b.carried)) {
                (RowKind::Quote, _) => "quote",
                (_, Carried::Full) => "strong",
                _ => "possible",
            };
            predicted.entry((x, y)).or_insert_with(|| tier.to_owned());
        }
        total.add(&score_predicted(pair, &predicted, errors));
    }
    (total, shared, all)
}

/// Pairs a chain would imply and the matrix leaves out (a–b and b–c
/// linked, a–c not): `(implied, acceptable, implied through two full
/// links, acceptable among those)`. What adding them (breaking complete
/// linkage) would buy.
pub fn chain_pairs(events: &[Event]) -> (usize, usize, usize, usize) {
    use parallax::compare::Doc;
    use parallax::index::coverage::links::{SentenceId, links};
    use std::collections::HashSet;

    let mut out = (0, 0, 0, 0);
    for event in events {
        let sides = sides(event);
        let docs: Vec<Doc> = sides
            .iter()
            .map(|s| Doc {
                article: &s.article,
                analysis: &s.analysis,
            })
            .collect();
        let found = links(&docs, &CompareOptions::default());
        let linked: HashSet<(SentenceId, SentenceId)> =
            found.iter().flat_map(|l| [(l.a, l.b), (l.b, l.a)]).collect();
        let mut seen = HashSet::new();
        for (i, x) in found.iter().enumerate() {
            for y in &found[i + 1..] {
                let ends = [(x.a, x.b), (x.b, x.a)]
                    .into_iter()
                    .flat_map(|(xs, xo)| [(y.a, y.b), (y.b, y.a)].map(|(ys, yo)| (xs == ys, xo, yo)))
                    .find(|&(shared, _, _)| shared);
                let Some((_, p, q)) = ends else { continue };
                if p.0 == q.0 || linked.contains(&(p, q)) || !seen.insert((p.min(q), p.max(q))) {
                    continue;
                }
                let full = x.carried == Carried::Full && y.carried == Carried::Full;
                let Some(ok) = acceptable(event, &sides, &docs, p, q) else {
                    continue;
                };
                out.0 += 1;
                out.1 += usize::from(ok);
                out.2 += usize::from(full);
                out.3 += usize::from(full && ok);
            }
        }
    }
    out
}

/// Whether the sentence pair `p`–`q` (document, sentence) is in the gold of
/// its article pair.
fn acceptable(
    event: &Event,
    sides: &[&Side],
    docs: &[parallax::compare::Doc],
    p: (usize, usize),
    q: (usize, usize),
) -> Option<bool> {
    let id = |d: usize| sides[d].article.id.as_str();
    let (pair, (l, r)) = event.pairs.iter().find_map(|ap| {
        let (left, right) = (ap.left.article.id.as_str(), ap.right.article.id.as_str());
        if (left, right) == (id(p.0), id(q.0)) {
            Some((ap, (p, q)))
        } else if (left, right) == (id(q.0), id(p.0)) {
            Some((ap, (q, p)))
        } else {
            None
        }
    })?;
    let span = |(d, s): (usize, usize)| {
        let sentence = &docs[d].analysis.sentences[s];
        (sentence.start(), sentence.end())
    };
    let a = sentence_of(&pair.left, span(l).0, span(l).1)?;
    let b = sentence_of(&pair.right, span(r).0, span(r).1)?;
    Some(pair.acceptable.contains(&(a, b)))
}
