//! What the claim score is made of: term weights that know which words
//! are evidence in this pair of articles, the features of one sentence
//! pair, and the logistic model that turns them into a calibrated score.
//!
//! The model's weights are fitted on the BASIL development alignments by
//! `examples/train_claims.rs` (logistic regression; the thresholds of the
//! two tiers are chosen there too) and pasted into [`MODEL`].

use super::background;
use super::terms::{IDENTITY, TermKind, TermSet, Vocabulary, shared_quote_words};

/// How much a term of an identity description ("who chairs the forum")
/// weighs against the same term in what a sentence claims.
pub const IDENTITY_WEIGHT: f32 = 0.3;

/// How many features a pair has (the model's bias comes first, apart).
pub const FEATURES: usize = 12;

/// Names of the features, for the trainer's report.
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "dice",
    "containment",
    "log_shared",
    "numbers",
    "names",
    "bigrams",
    "quote",
    "lede",
    "position",
    "unshared_anchors",
    "clause_dice",
    "prefix_dice",
];

/// A logistic model: `score = 1 / (1 + exp(-(bias + Σ wᵢ fᵢ)))`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    pub bias: f32,
    pub weights: [f32; FEATURES],
}

/// Fitted by `examples/train_claims.rs` on the 24 BASIL development
/// article pairs (`../shared/data/basil/alignments`).
pub const MODEL: Model = Model {
    bias: -5.637,
    weights: [
        4.142, 0.573, 2.395, 0.284, -0.332, 0.257, 5.093, 0.864, 1.524, -0.007, 0.409, 1.450,
    ],
};

impl Model {
    pub fn score(&self, f: &[f32; FEATURES]) -> f32 {
        sigmoid(self.z(f))
    }

    fn z(&self, f: &[f32; FEATURES]) -> f32 {
        self.bias + self.weights.iter().zip(f).map(|(w, x)| w * x).sum::<f32>()
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Integer weight of each term in this comparison (fixed point, 1000 =
/// an ordinary content word found in one sentence on each side). Integer
/// sums make the score exactly the same whichever side is left.
pub fn term_weights(vocab: &Vocabulary, df: &[(usize, usize)]) -> Vec<u32> {
    (0..vocab.len())
        .map(|id| {
            let kind = match vocab.kinds[id] {
                TermKind::Word => 1.0,
                TermKind::Name => 1.3,
                TermKind::Number => 1.6,
                TermKind::Date => 1.0,
                TermKind::Prefix => 1.0,
                TermKind::Identity => IDENTITY_WEIGHT,
            };
            let (l, r) = df[id];
            (1000.0
                * kind
                * local_weight(l + r)
                * background::weight(vocab.keys[id].trim_start_matches(IDENTITY))) as u32
        })
        .collect()
}

/// A term found in many sentences of the two articles (the name the story
/// is about, the event's noun) is little evidence that two sentences make
/// the same claim: 1 for a term in two sentences, falling with more.
fn local_weight(sentences: usize) -> f32 {
    const K: f32 = 16.0;
    let s = sentences.max(2) as f32;
    ((1.0 + K / s).ln() / (1.0 + K / 2.0).ln()).clamp(0.05, 1.0)
}

/// Where a sentence stands in its article.
#[derive(Debug, Clone, Copy)]
pub struct Position {
    pub index: usize,
    pub count: usize,
}

/// One sentence pair and what its features need: the two term sets, the
/// comparison's term weights and kinds, and where each sentence stands.
pub struct PairRef<'a> {
    pub a: &'a TermSet,
    pub b: &'a TermSet,
    pub weights: &'a [u32],
    pub kinds: &'a [TermKind],
    pub at: (Position, Position),
}

/// The features of one sentence pair.
pub fn features(p: &PairRef) -> [f32; FEATURES] {
    let (mut f, shared_terms) = cheap_features(p);
    finish(&mut f, p, shared_terms);
    f
}

/// The score of a pair when it can reach `floor`, else `None`: the cheap
/// features (one merge of the two term lists) first, and the rest only
/// when their best case could lift the pair over the floor. Most
/// candidates of a long comparison stop there.
pub fn score_above(model: &Model, floor: f32, p: &PairRef) -> Option<f32> {
    let (a, b) = (p.a, p.b);
    let (mut f, shared_terms) = cheap_features(p);
    let best = |k: usize, max: f32| (model.weights[k] * max).max(0.0);
    let quote_max = if a.longest_quote >= 3 && b.longest_quote >= 3 {
        (a.longest_quote.min(b.longest_quote) as f32 / 5.0).min(2.0)
    } else {
        0.0
    };
    let upper = model.z(&f)
        + best(BIGRAMS, (shared_terms.saturating_sub(1) as f32).min(4.0))
        + best(QUOTE, quote_max)
        + best(CLAUSE, 1.0)
        + best(PREFIX, 1.0);
    if sigmoid(upper) < floor {
        return None;
    }
    finish(&mut f, p, shared_terms);
    Some(model.score(&f))
}

/// What the candidate search knows of a pair before any merge: at most
/// this much weight and this many terms shared, each side's total weight,
/// each side's longest quotation.
pub struct BoundInput {
    pub shared_weight: u64,
    pub shared_terms: usize,
    pub totals: (u64, u64),
    pub quotes: (usize, usize),
}

/// The highest score a pair could reach given what the candidate search
/// knows of it: a cheap test that skips most candidates of a long
/// comparison.
pub fn upper_bound(model: &Model, b: &BoundInput, pa: Position, pb: Position) -> f32 {
    let (ta, tb) = b.totals;
    let [dice, containment, log_shared] = overlap(b.shared_weight.min(ta).min(tb), ta, tb);
    let [lede, position] = place(pa, pb);
    let n = (b.shared_terms as f32).min(3.0);
    let quote_max = if b.quotes.0 >= 3 && b.quotes.1 >= 3 {
        (b.quotes.0.min(b.quotes.1) as f32 / 5.0).min(2.0)
    } else {
        0.0
    };
    let most = [
        dice,
        containment,
        log_shared,
        n,
        n,
        (b.shared_terms.saturating_sub(1) as f32).min(4.0),
        quote_max,
        lede,
        position,
        3.0,
        1.0,
        1.0,
    ];
    // Each term at its most helpful: a feature with a negative weight at 0,
    // except those known exactly (dice, containment and shared weight are
    // bounds that rise together; position and lede are exact).
    let mut z = model.bias;
    for (k, (&w, &x)) in model.weights.iter().zip(&most).enumerate() {
        z += match k {
            7 | 8 => w * x,
            _ => (w * x).max(0.0),
        };
    }
    sigmoid(z)
}

const BIGRAMS: usize = 5;
const QUOTE: usize = 6;
const CLAUSE: usize = 10;
const PREFIX: usize = 11;

/// Every feature but word pairs, quotation, clause and prefix overlap
/// (left at 0), and how many terms the two share.
fn cheap_features(p: &PairRef) -> ([f32; FEATURES], usize) {
    let (a, b, w, kinds) = (p.a, p.b, p.weights, p.kinds);
    let (mut shared, mut ta, mut tb, mut count) = (0u64, 0u64, 0u64, 0usize);
    let (mut numbers, mut names, mut anchors_a, mut anchors_b) = (0u32, 0u32, 0u32, 0u32);
    let (mut i, mut j) = (0, 0);
    let anchor = |id: u32| matches!(kinds[id as usize], TermKind::Number | TermKind::Date);
    while i < a.terms.len() || j < b.terms.len() {
        let x = a.terms.get(i).copied().unwrap_or(u32::MAX);
        let y = b.terms.get(j).copied().unwrap_or(u32::MAX);
        if x < y {
            ta += u64::from(w[x as usize]);
            anchors_a += u32::from(anchor(x));
            i += 1;
        } else if y < x {
            tb += u64::from(w[y as usize]);
            anchors_b += u32::from(anchor(y));
            j += 1;
        } else {
            let wx = u64::from(w[x as usize]);
            shared += wx;
            ta += wx;
            tb += wx;
            count += 1;
            match kinds[x as usize] {
                TermKind::Number | TermKind::Date => numbers += 1,
                TermKind::Name => names += 1,
                TermKind::Word | TermKind::Prefix | TermKind::Identity => {}
            }
            i += 1;
            j += 1;
        }
    }
    let [dice, containment, log_shared] = overlap(shared, ta, tb);
    let [lede, position] = place(p.at.0, p.at.1);
    let f = [
        dice,
        containment,
        log_shared,
        (numbers as f32).min(3.0),
        (names as f32).min(3.0),
        0.0,
        0.0,
        lede,
        position,
        (anchors_a.min(anchors_b) as f32).min(3.0),
        0.0,
        0.0,
    ];
    (f, count)
}

/// Weighted Dice overlap, containment (shared over the smaller side) and
/// the log of the shared weight.
fn overlap(shared: u64, ta: u64, tb: u64) -> [f32; 3] {
    let dice = if ta + tb == 0 {
        0.0
    } else {
        (2 * shared) as f32 / (ta + tb) as f32
    };
    let containment = if ta.min(tb) == 0 {
        0.0
    } else {
        shared as f32 / ta.min(tb) as f32
    };
    [dice, containment, (1.0 + shared as f32 / 1000.0).ln()]
}

/// Both sentences in their article's lede (1 or 0), and how close their
/// relative places are (1 at the same place).
fn place(pa: Position, pb: Position) -> [f32; 2] {
    let rel = |p: Position| p.index as f32 / p.count.max(1) as f32;
    [
        f32::from(pa.index < 2 && pb.index < 2),
        1.0 - (rel(pa) - rel(pb)).abs(),
    ]
}

/// Fills in the costlier features.
fn finish(f: &mut [f32; FEATURES], p: &PairRef, shared_terms: usize) {
    let (a, b, w) = (p.a, p.b, p.weights);
    if shared_terms >= 2 {
        f[BIGRAMS] = (count_shared(&a.bigrams, &b.bigrams) as f32).min(4.0);
    }
    let quote = shared_quote_words(a, b);
    // A two-word scare quote ("witch hunt") says little about the
    // sentences around it.
    f[QUOTE] = if quote >= 3 {
        (quote as f32 / 5.0).min(2.0)
    } else {
        0.0
    };
    f[CLAUSE] = clause_dice(a, b, w);
    f[PREFIX] = weighted_dice(&a.prefixes, &b.prefixes, w);
}

/// The best weighted Dice overlap of a clause of one sentence with a
/// clause (or the whole) of the other: two long sentences that share one
/// clause of several.
fn clause_dice(a: &TermSet, b: &TermSet, w: &[u32]) -> f32 {
    let whole_a = std::slice::from_ref(&a.terms);
    let whole_b = std::slice::from_ref(&b.terms);
    let ca = if a.clauses.is_empty() {
        whole_a
    } else {
        &a.clauses[..]
    };
    let cb = if b.clauses.is_empty() {
        whole_b
    } else {
        &b.clauses[..]
    };
    let mut best = 0f32;
    for x in ca.iter().take(8) {
        for y in cb.iter().take(8) {
            best = best.max(weighted_dice(x, y, w));
        }
    }
    best
}

/// Weighted Dice overlap of two sorted id lists.
fn weighted_dice(a: &[u32], b: &[u32], w: &[u32]) -> f32 {
    let (mut shared, mut total) = (0u64, 0u64);
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let x = a.get(i).copied().unwrap_or(u32::MAX);
        let y = b.get(j).copied().unwrap_or(u32::MAX);
        if x < y {
            total += u64::from(w[x as usize]);
            i += 1;
        } else if y < x {
            total += u64::from(w[y as usize]);
            j += 1;
        } else {
            shared += 2 * u64::from(w[x as usize]);
            total += 2 * u64::from(w[x as usize]);
            i += 1;
            j += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        shared as f32 / total as f32
    }
}

fn count_shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
