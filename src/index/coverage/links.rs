//! The sentence links of a story: every pair of its articles through the
//! compare engine (in parallel), each claim pair and each shared quote
//! becoming a link between two sentences with how fully they agree. Only
//! the engine's public results are read (pairs, tier, kind, shared quotes).

use std::collections::HashMap;

use rayon::prelude::*;

use super::Carried;
use crate::analysis::Sentence;
use crate::compare::claims::ClaimKind;
use crate::compare::{CompareOptions, Comparison, Doc, SharedKind, Tier, compare};

/// A sentence of a story: (document position, sentence index).
pub type SentenceId = (usize, usize);

/// Two sentences of two documents that the engine pairs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub a: SentenceId,
    pub b: SentenceId,
    /// `Full`: a strong `same` or `quote` pair, or the same quotation;
    /// `Partial`: a `partial` or possible pair, or an altered quotation.
    pub carried: Carried,
    /// The two carry the same quotation.
    pub quote: bool,
    /// The engine's score (1 for an exact shared quote).
    pub score: f32,
}

impl Link {
    /// The clustering weight: full links before partial ones, then by score.
    pub fn weight(&self) -> f32 {
        let base = if self.carried == Carried::Full { 1.0 } else { 0.0 };
        base + self.score.clamp(0.01, 1.0)
    }
}

/// The links between every two of `docs`, each sentence pair once.
pub fn links(docs: &[Doc], options: &CompareOptions) -> Vec<Link> {
    let pairs: Vec<(usize, usize)> = (0..docs.len())
        .flat_map(|i| (i + 1..docs.len()).map(move |j| (i, j)))
        .collect();
    let found: Vec<Vec<Link>> = pairs
        .par_iter()
        .map(|&(i, j)| {
            let c = compare(docs[i], docs[j], options);
            of_comparison(&c, (i, j), docs)
        })
        .collect();
    found.into_iter().flatten().collect()
}

/// The links one comparison of documents `i` and `j` gives.
fn of_comparison(c: &Comparison, (i, j): (usize, usize), docs: &[Doc]) -> Vec<Link> {
    let mut by_pair: HashMap<(usize, usize), Link> = HashMap::new();
    let mut add = |link: Link| {
        let slot = by_pair.entry((link.a.1, link.b.1)).or_insert(link);
        if link.carried == Carried::Full {
            slot.carried = Carried::Full;
        }
        slot.quote |= link.quote;
        slot.score = slot.score.max(link.score);
    };
    for claim in &c.claims {
        let full = claim.tier == Tier::Strong && matches!(claim.kind, ClaimKind::Same | ClaimKind::Quote);
        add(Link {
            a: (i, claim.sentences.0),
            b: (j, claim.sentences.1),
            carried: if full { Carried::Full } else { Carried::Partial },
            quote: claim.kind == ClaimKind::Quote,
            score: claim.score,
        });
    }
    let (ls, rs) = (&docs[i].analysis.sentences, &docs[j].analysis.sentences);
    for q in c
        .shared_quotes
        .iter()
        .filter(|q| q.kind != SharedKind::QuotedInOne)
    {
        let (Some(a), Some(b)) = (
            holding(ls, q.left_start, q.left_end),
            holding(rs, q.right_start, q.right_end),
        ) else {
            continue;
        };
        let exact = q.kind == SharedKind::Exact;
        add(Link {
            a: (i, a),
            b: (j, b),
            carried: if exact { Carried::Full } else { Carried::Partial },
            quote: true,
            score: if exact { 1.0 } else { q.similarity },
        });
    }
    let mut out: Vec<Link> = by_pair.into_values().collect();
    out.sort_by_key(|l| (l.a.1, l.b.1));
    out
}

/// The sentence holding most of the char range `[start, end)`.
pub fn holding(sentences: &[Sentence], start: usize, end: usize) -> Option<usize> {
    let first = sentences.partition_point(|s| s.end() <= start);
    sentences[first..]
        .iter()
        .take_while(|s| s.start() < end.max(start + 1))
        .enumerate()
        .map(|(k, s)| (first + k, end.min(s.end()).saturating_sub(start.max(s.start()))))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k)
}
