//! Overlapping claims: sentences of two articles that assert the same
//! thing, in any order and any wording.
//!
//! Each sentence becomes a set of content terms (stemmed, stop words out,
//! entity spellings folded). A term's weight knows how common it is in
//! news at large ([`background`]) and in these two articles (a name in
//! every sentence of both is no evidence). Candidates come from an
//! inverted index over the right side's terms; each candidate's features
//! (weighted overlap, containment, shared names, numbers, dates, word
//! pairs, quotations, position) go through a logistic model fitted on
//! hand-aligned coverage of real events ([`features::MODEL`]), giving a
//! calibrated score. Pairs are taken greedily, best first, each sentence
//! once; pairs at or above [`DEFAULT_THRESHOLD`] are strong, those at or
//! above [`DEFAULT_POSSIBLE`] possible.

mod background;
pub mod features;
mod terms;

use std::collections::HashMap;

use serde::Serialize;

use super::words;
use features::{MODEL, Model, PairRef, Position, features, term_weights};
use terms::{TermKind, TermSet, Vocabulary};

/// Score at or above which two sentences are a strong claim pair. Tuned on
/// the BASIL development alignments for precision 0.90
/// (`examples/train_claims.rs`, `examples/eval_alignment.rs`).
pub const DEFAULT_THRESHOLD: f32 = 0.66;

/// Score at or above which a pair is shown as a possible claim pair
/// (dimmer, below the strong threshold).
pub const DEFAULT_POSSIBLE: f32 = 0.48;

/// Fewer shared content terms than this never make a pair (one shared
/// name is not a claim).
pub const MIN_SHARED_TERMS: usize = 2;

/// A pair whose weighted Dice overlap is below this is `partial`: one
/// sentence holds more than the other, or they share part of each. On the
/// BASIL development alignments' `same` and `partial` pairs this labels
/// 0.80 of them as the annotators did (the previous rule, Dice under both
/// 0.6 and three quarters of the containment: 0.47; all `partial`: 0.76).
pub const PARTIAL_DICE: f32 = 0.5;

/// The most partners one sentence may have by default.
pub const MAX_PARTNERS: usize = 1;

/// A term in more sentences than this on either side does not find
/// candidates (it still counts in the score): an article that repeats
/// itself cannot make the candidate search quadratic.
pub const MAX_TERM_SENTENCES: usize = 128;

/// A sentence longer than this (in bytes) is no claim: no real sentence is
/// this long, and one such run-on must not stall a comparison.
pub const MAX_SENTENCE_BYTES: usize = 8_000;

/// Sentences with the same words pair at 1.0; within a run of repeats on
/// both sides, only repeats this close in rank are candidates.
pub const REPEAT_BAND: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimOptions {
    /// Strong pairs score at least this.
    pub threshold: f32,
    /// Possible pairs score at least this (and less than `threshold`).
    pub possible: f32,
    pub min_shared_terms: usize,
    pub model: Model,
    /// The most partners one sentence may have (a lead sentence that
    /// several sentences of the other article each share a part of).
    pub partners: usize,
}

impl ClaimOptions {
    /// The lowest score that makes a pair of either tier.
    fn floor(&self) -> f32 {
        self.threshold.min(self.possible)
    }
}

impl Default for ClaimOptions {
    fn default() -> Self {
        ClaimOptions {
            threshold: DEFAULT_THRESHOLD,
            possible: DEFAULT_POSSIBLE,
            min_shared_terms: MIN_SHARED_TERMS,
            model: MODEL,
            partners: MAX_PARTNERS,
        }
    }
}

/// What a claim pair shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// The two sentences say about the same thing.
    Same,
    /// One sentence holds the other's claim plus more, or they share one
    /// clause of several.
    Partial,
    /// They carry the same quotation.
    Quote,
}

/// A chosen pair of sentence indices with its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub left: usize,
    pub right: usize,
    pub score: f32,
    pub kind: ClaimKind,
    /// What ties the pair: `number:…`, `date:…`, `name:…`, `quote:N words`.
    pub anchors: Vec<String>,
}

/// A candidate: sentence indices and score.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    left: usize,
    right: usize,
    score: f32,
}

/// At most this much is shared by a candidate pair (an upper bound).
#[derive(Debug, Clone, Copy)]
struct Shared {
    terms: usize,
    weight: u64,
}

/// Everything the aligner knows about two lists of sentences.
struct Sides {
    vocab: Vocabulary,
    left: Vec<TermSet>,
    right: Vec<TermSet>,
    /// Sentences holding each term on (left, right).
    df: Vec<(usize, usize)>,
    weights: Vec<u32>,
    /// The summed term weight of each sentence.
    totals: (Vec<u64>, Vec<u64>),
}

impl Sides {
    fn new(left: &[&str], right: &[&str]) -> Sides {
        let mut vocab = Vocabulary::default();
        let mut set = |s: &&str| {
            if s.len() <= MAX_SENTENCE_BYTES {
                vocab.set(s)
            } else {
                TermSet::default()
            }
        };
        let lsets: Vec<TermSet> = left.iter().map(&mut set).collect();
        let rsets: Vec<TermSet> = right.iter().map(&mut set).collect();
        let mut df = vec![(0usize, 0usize); vocab.len()];
        for s in &lsets {
            s.terms
                .iter()
                .chain(&s.prefixes)
                .for_each(|&id| df[id as usize].0 += 1);
        }
        for s in &rsets {
            s.terms
                .iter()
                .chain(&s.prefixes)
                .for_each(|&id| df[id as usize].1 += 1);
        }
        let weights = term_weights(&vocab, &df);
        let total = |sets: &[TermSet]| -> Vec<u64> {
            sets.iter()
                .map(|s| s.terms.iter().map(|&id| u64::from(weights[id as usize])).sum())
                .collect()
        };
        let totals = (total(&lsets), total(&rsets));
        Sides {
            vocab,
            left: lsets,
            right: rsets,
            df,
            weights,
            totals,
        }
    }

    fn positions(&self, l: usize, r: usize) -> (Position, Position) {
        (
            Position {
                index: l,
                count: self.left.len(),
            },
            Position {
                index: r,
                count: self.right.len(),
            },
        )
    }

    fn pair(&self, l: usize, r: usize) -> PairRef<'_> {
        PairRef {
            a: &self.left[l],
            b: &self.right[r],
            weights: &self.weights,
            kinds: &self.vocab.kinds,
            at: self.positions(l, r),
        }
    }

    fn features(&self, l: usize, r: usize) -> [f32; features::FEATURES] {
        features(&self.pair(l, r))
    }

    /// Pairs that share at least `min_shared` content terms, found through
    /// an inverted index over the right side (terms too common on either
    /// side to discriminate are left out of the index but still counted).
    fn candidates(&self, min_shared: usize, mut visit: impl FnMut(usize, usize, Shared)) {
        let indexed = |id: u32| {
            let (l, r) = self.df[id as usize];
            l.max(r) <= MAX_TERM_SENTENCES
        };
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); self.vocab.len()];
        for (r, set) in self.right.iter().enumerate() {
            for &id in set.terms.iter().filter(|&&id| indexed(id)) {
                postings[id as usize].push(r as u32);
            }
        }
        let mut count = vec![0usize; self.right.len()];
        let mut weight = vec![0u64; self.right.len()];
        let mut touched = Vec::new();
        for (l, set) in self.left.iter().enumerate() {
            // Terms left out of the index may still be shared: the bound
            // counts them as shared.
            let (mut common, mut common_weight) = (0, 0u64);
            for &id in &set.terms {
                if !indexed(id) {
                    common += 1;
                    common_weight += u64::from(self.weights[id as usize]);
                    continue;
                }
                for &r in &postings[id as usize] {
                    let r = r as usize;
                    if count[r] == 0 {
                        touched.push(r);
                    }
                    count[r] += 1;
                    weight[r] += u64::from(self.weights[id as usize]);
                }
            }
            for r in touched.drain(..) {
                if count[r] + common >= min_shared.max(1) {
                    let shared = Shared {
                        terms: count[r] + common,
                        weight: weight[r] + common_weight,
                    };
                    visit(l, r, shared);
                }
                count[r] = 0;
                weight[r] = 0;
            }
        }
    }

    /// Kind and anchors of a chosen pair.
    fn describe(&self, l: usize, r: usize, f: &[f32; features::FEATURES]) -> (ClaimKind, Vec<String>) {
        let (a, b) = (&self.left[l], &self.right[r]);
        let mut anchors = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < a.terms.len() && j < b.terms.len() {
            match a.terms[i].cmp(&b.terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let id = a.terms[i] as usize;
                    let label = match self.vocab.kinds[id] {
                        TermKind::Number => Some("number"),
                        TermKind::Date => Some("date"),
                        TermKind::Name => Some("name"),
                        TermKind::Word | TermKind::Prefix | TermKind::Identity => None,
                    };
                    if let Some(label) = label {
                        anchors.push(format!("{label}:{}", self.vocab.keys[id]));
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        let quote = terms::shared_quote_words(a, b);
        if quote >= 2 {
            anchors.push(format!("quote:{quote} words"));
        }
        let dice = f[0];
        let kind = if quote >= 3 {
            ClaimKind::Quote
        } else if dice < PARTIAL_DICE {
            ClaimKind::Partial
        } else {
            ClaimKind::Same
        };
        (kind, anchors)
    }
}

/// The similarity of two sentences on their own (as the aligner scores a
/// pair at the top of two one-sentence articles) and the content terms
/// they share, for evaluation and tuning.
pub fn claim_score(left: &str, right: &str) -> (f32, usize) {
    let sides = Sides::new(&[left], &[right]);
    let shared = sides.left[0]
        .terms
        .iter()
        .filter(|id| sides.right[0].terms.binary_search(id).is_ok())
        .count();
    if left.split_whitespace().eq(right.split_whitespace()) {
        return (1.0, shared);
    }
    // Two sentences on their own stand nowhere in particular: no lede,
    // the same relative place.
    let at = Position { index: 5, count: 10 };
    let pair = PairRef {
        at: (at, at),
        ..sides.pair(0, 0)
    };
    (MODEL.score(&features(&pair)), shared)
}

/// The features of every candidate pair (sentences sharing at least
/// `min_shared` content terms), for the trainer.
pub fn candidate_features(
    left: &[&str],
    right: &[&str],
    min_shared: usize,
) -> Vec<(usize, usize, [f32; features::FEATURES])> {
    let sides = Sides::new(left, right);
    let mut out = Vec::new();
    sides.candidates(min_shared, |l, r, _| out.push((l, r, sides.features(l, r))));
    out
}

/// Pairs sentences of `left` with sentences of `right`, one to one, best
/// first; returns the chosen pairs sorted by left index.
pub fn align(left: &[&str], right: &[&str], options: ClaimOptions) -> Vec<Scored> {
    let sides = Sides::new(left, right);
    let mut candidates = Vec::new();
    sides.candidates(options.min_shared_terms, |l, r, shared| {
        let (pl, pr) = sides.positions(l, r);
        let bound = features::BoundInput {
            shared_weight: shared.weight,
            shared_terms: shared.terms,
            totals: (sides.totals.0[l], sides.totals.1[r]),
            quotes: (sides.left[l].longest_quote, sides.right[r].longest_quote),
        };
        if features::upper_bound(&options.model, &bound, pl, pr) < options.floor() {
            return;
        }
        if let Some(score) = features::score_above(&options.model, options.floor(), &sides.pair(l, r))
            && score >= options.floor()
        {
            candidates.push(Candidate {
                left: l,
                right: r,
                score,
            });
        }
    });
    // Sentences with the same words pair at 1.0 however short they are.
    let claim = |s: &&str| s.len() <= MAX_SENTENCE_BYTES;
    let key = |s: &str| {
        words::tokenize(s)
            .iter()
            .map(|t| words::fold(t.text))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut right_by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (r, s) in right.iter().enumerate().filter(|(_, s)| claim(s)) {
        right_by_key.entry(key(s)).or_default().push(r);
    }
    let mut left_rank: HashMap<String, usize> = HashMap::new();
    for (l, s) in left.iter().enumerate().filter(|(_, s)| claim(s)) {
        // A duplicate of a scored candidate is harmless: the greedy pass
        // skips pairs whose sentences are taken. The k-th repeat on the
        // left meets the repeats of about the same rank on the right.
        let key = key(s);
        let Some(rights) = right_by_key.get(&key) else {
            continue;
        };
        let rank = left_rank.entry(key).or_insert(0);
        let lo = rank.saturating_sub(REPEAT_BAND);
        for &r in rights.iter().skip(lo).take(*rank + REPEAT_BAND + 1 - lo) {
            candidates.push(Candidate {
                left: l,
                right: r,
                score: 1.0,
            });
        }
        *rank += 1;
    }
    // Best first; ties broken by position in a way that reads the same from
    // either side (pairs that conflict always differ in left + right).
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then((a.left + a.right).cmp(&(b.left + b.right)))
            .then(a.left.cmp(&b.left))
    });
    // First every sentence's best partner, one to one; then, where a
    // sentence may have more, further partners that are still free on
    // the other side or free on this one.
    let (mut used_l, mut used_r) = (vec![0usize; left.len()], vec![0usize; right.len()]);
    let mut taken = vec![false; candidates.len()];
    let mut order = Vec::new();
    for (k, c) in candidates.iter().enumerate() {
        if used_l[c.left] == 0 && used_r[c.right] == 0 {
            used_l[c.left] = 1;
            used_r[c.right] = 1;
            taken[k] = true;
            order.push(k);
        }
    }
    if options.partners > 1 {
        for (k, c) in candidates.iter().enumerate() {
            let (l, r) = (used_l[c.left], used_r[c.right]);
            if !taken[k] && (l == 0 || r == 0) && l < options.partners && r < options.partners {
                used_l[c.left] += 1;
                used_r[c.right] += 1;
                taken[k] = true;
                order.push(k);
            }
        }
    }
    let mut chosen: Vec<Scored> = Vec::new();
    for c in order.into_iter().map(|k| candidates[k]) {
        let f = sides.features(c.left, c.right);
        let (kind, anchors) = sides.describe(c.left, c.right, &f);
        chosen.push(Scored {
            left: c.left,
            right: c.right,
            score: c.score,
            kind,
            anchors,
        });
    }
    chosen.sort_by_key(|c| c.left);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrases_score_above_unrelated_sentences() {
        let (para, _) = claim_score(
            "The plant would cost 410 million crowns, the council said.",
            "The council put the plant's price tag at 410 million crowns.",
        );
        let (other, _) = claim_score(
            "The plant would cost 410 million crowns, the council said.",
            "Farmers blocked the capital with tractors on Tuesday.",
        );
        assert!(para >= DEFAULT_THRESHOLD, "{para}");
        assert!(other < 0.1, "{other}");
    }

    #[test]
    fn identical_sentences_score_one() {
        let s = "Rail services stopped across the eastern valley on Monday.";
        assert_eq!(claim_score(s, s).0, 1.0);
    }

    #[test]
    fn alignment_is_one_to_one_and_order_free() {
        let left = [
            "The union called a 72-hour strike on the eastern rail network.",
            "Minister Kell said the pay offer of 3.5 per cent was final.",
            "Commuters queued for buses in Dunmere.",
        ];
        let right = [
            "Kell insisted the 3.5 per cent pay offer was final.",
            "A 72-hour strike was called by the union on the eastern network.",
            "The weather was mild.",
        ];
        let pairs = align(&left, &right, ClaimOptions::default());
        let idx: Vec<(usize, usize)> = pairs.iter().map(|p| (p.left, p.right)).collect();
        assert_eq!(idx, [(0, 1), (1, 0)]);
    }

    #[test]
    fn alignment_mirrors() {
        let left = [
            "Water quotas were cut by 40 per cent this summer.",
            "Farmers drove tractors into the capital.",
        ];
        let right = [
            "Tractors were driven into the capital by farmers.",
            "The summer water quota cut was 40 per cent.",
        ];
        let ab: Vec<(usize, usize, f32)> = align(&left, &right, ClaimOptions::default())
            .iter()
            .map(|p| (p.left, p.right, p.score))
            .collect();
        let mut ba: Vec<(usize, usize, f32)> = align(&right, &left, ClaimOptions::default())
            .iter()
            .map(|p| (p.right, p.left, p.score))
            .collect();
        ba.sort_by_key(|p| p.0);
        assert_eq!(ab, ba);
        assert_eq!(ab.len(), 2);
    }

    #[test]
    fn a_shared_quotation_lifts_the_score() {
        let left = "The minister rejected the plan, saying the city keeps \u{201C}full control of the harbour\u{201D} for years.";
        let right = "Officials met on Tuesday after the mayor said the council would have \"full control of the harbour\" indefinitely.";
        let plain_left = left.replace(['\u{201C}', '\u{201D}'], "");
        let plain_right = right.replace('"', "");
        let (with, _) = claim_score(left, right);
        let (without, _) = claim_score(&plain_left, &plain_right);
        assert!(with >= DEFAULT_THRESHOLD && with > without, "{with} vs {without}");
    }

    #[test]
    fn identical_short_sentences_pair() {
        let pairs = align(
            &["He left.", "It rained."],
            &["It rained.", "He left."],
            ClaimOptions::default(),
        );
        let idx: Vec<(usize, usize, f32)> = pairs.iter().map(|p| (p.left, p.right, p.score)).collect();
        assert_eq!(idx, [(0, 1, 1.0), (1, 0, 1.0)]);
    }

    #[test]
    fn a_sentence_holding_the_other_plus_more_is_partial() {
        let short = "The council approved the new harbour bridge on Tuesday.";
        let long = "The council approved the new harbour bridge on Tuesday, after a decade of \
                    disputes over tolls, shipping lanes and the fate of the old ferry terminal.";
        let close = "On Tuesday the council approved the new harbour bridge.";
        let kind = |a: &str, b: &str| {
            let pairs = align(&[a], &[b], ClaimOptions::default());
            assert_eq!(pairs.len(), 1, "{a} / {b}");
            pairs[0].kind
        };
        assert_eq!(kind(short, long), ClaimKind::Partial);
        assert_eq!(kind(long, short), ClaimKind::Partial);
        assert_eq!(kind(short, close), ClaimKind::Same);
        // Each holds a part of the other (neither contains the other).
        let a = "The council approved the new harbour bridge on Tuesday and cut bus fares for pensioners.";
        let b =
            "Dunmere's mayor resigned over a tram contract as the council approved the new harbour bridge.";
        assert_eq!(kind(a, b), ClaimKind::Partial);
    }

    #[test]
    fn one_shared_name_is_not_a_claim() {
        let pairs = align(
            &["Kell spoke."],
            &["Kell left."],
            ClaimOptions {
                threshold: 0.0,
                ..Default::default()
            },
        );
        assert!(pairs.is_empty());
    }
}
