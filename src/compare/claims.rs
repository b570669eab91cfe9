//! Overlapping claims: sentences of two articles that assert the same
//! thing, paired one to one whatever their order.
//!
//! Each sentence becomes a set of weighted content terms (stemmed, stop
//! words out, entity spellings folded; numbers and names weigh more).
//! Candidates come from an inverted index over the right side's terms; a
//! pair's score is the weighted Dice overlap of the two sets, computed in
//! integers so it is exactly symmetric. Pairs at or above the threshold
//! are taken greedily, best first, each sentence at most once.

use std::collections::HashMap;

use super::words::{self, WEIGHT_STOP, content_terms};

/// Score at or above which two sentences count as the same claim. Tuned
/// on the MSRP training pairs (`examples/eval_claims.rs`).
pub const DEFAULT_THRESHOLD: f32 = 0.46;

/// Fewer shared content terms than this never make a pair (one shared
/// name is not a claim).
pub const MIN_SHARED_TERMS: usize = 3;

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
    pub threshold: f32,
    pub min_shared_terms: usize,
}

impl Default for ClaimOptions {
    fn default() -> Self {
        ClaimOptions {
            threshold: DEFAULT_THRESHOLD,
            min_shared_terms: MIN_SHARED_TERMS,
        }
    }
}

/// A sentence as a set of interned terms with weights, and the quoted
/// phrases it holds (folded words).
#[derive(Debug, Clone, Default)]
struct TermSet {
    terms: Vec<(u32, u32)>,
    total: u32,
    /// The weight of the function words alone.
    stop: u32,
    quotes: Vec<Vec<String>>,
    /// Words in the longest quoted phrase.
    longest_quote: usize,
}

impl TermSet {
    /// The content terms (function words left out).
    fn content(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.terms.iter().copied().filter(|&(_, w)| w > WEIGHT_STOP)
    }
}

#[derive(Default)]
struct Vocabulary(HashMap<String, u32>);

impl Vocabulary {
    fn set(&mut self, text: &str) -> TermSet {
        let mut by_id: HashMap<u32, u32> = HashMap::new();
        for term in content_terms(text) {
            let next = self.0.len() as u32;
            let id = *self.0.entry(term.key).or_insert(next);
            let w = by_id.entry(id).or_insert(0);
            *w = (*w).max(term.weight);
        }
        let mut terms: Vec<(u32, u32)> = by_id.into_iter().collect();
        terms.sort_unstable();
        let total = terms.iter().map(|&(_, w)| w).sum();
        let stop = terms
            .iter()
            .filter(|&&(_, w)| w <= WEIGHT_STOP)
            .map(|&(_, w)| w)
            .sum();
        let quotes = quoted_phrases(text);
        let longest_quote = quotes.iter().map(Vec::len).max().unwrap_or(0);
        TermSet {
            terms,
            total,
            stop,
            quotes,
            longest_quote,
        }
    }
}

/// A candidate or chosen pair of sentence indices with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub left: usize,
    pub right: usize,
    pub score: f32,
}

/// The score of two term sets and how many content terms (not function
/// words) they share.
fn score_sets(a: &TermSet, b: &TermSet) -> (f32, usize) {
    let (mut shared, mut content) = (0u32, 0usize);
    let (mut i, mut j) = (0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].0.cmp(&b.terms[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = a.terms[i].1.min(b.terms[j].1);
                shared += w;
                content += usize::from(w > WEIGHT_STOP);
                i += 1;
                j += 1;
            }
        }
    }
    let score = dice(shared, a.total + b.total);
    (with_quote_bonus(score, shared_quote_words(a, b)), content)
}

/// Quoted phrases of at least two words inside a sentence, folded.
fn quoted_phrases(text: &str) -> Vec<Vec<String>> {
    let mut phrases = Vec::new();
    let mut open: Option<usize> = None;
    let tokens = words::tokenize(text);
    for (i, t) in tokens.iter().enumerate() {
        let opens =
            matches!(t.text, "\u{201C}" | "\u{00AB}" | "\u{201E}") || (t.text == "\"" && open.is_none());
        let closes = matches!(t.text, "\u{201D}" | "\u{00BB}") || (t.text == "\"" && open.is_some());
        if closes && let Some(start) = open.take() {
            let words: Vec<String> = tokens[start..i]
                .iter()
                .filter(|t| t.is_word)
                .map(|t| words::fold(t.text))
                .collect();
            if words.len() >= 2 {
                phrases.push(words);
            }
        } else if opens {
            open = Some(i + 1);
        }
    }
    phrases
}

/// The length in words of the longest quoted phrase of one sentence that
/// stands inside a quoted phrase of the other.
fn shared_quote_words(a: &TermSet, b: &TermSet) -> usize {
    let within = |x: &[String], y: &[String]| y.windows(x.len()).any(|w| w == x);
    let mut best = 0;
    for qa in &a.quotes {
        for qb in &b.quotes {
            if within(qa, qb) || within(qb, qa) {
                best = best.max(qa.len().min(qb.len()));
            }
        }
    }
    best
}

/// Two sentences that carry the same quotation report the same statement
/// even when the rest is worded apart: the score moves toward 1 by a share
/// that grows with the quote's length (15% a word, at most half).
fn with_quote_bonus(score: f32, quote_words: usize) -> f32 {
    if quote_words < 2 {
        return score;
    }
    let share = (0.15 * quote_words as f32).min(0.5);
    score + (1.0 - score) * share
}

/// The similarity of two sentences on their own (as the aligner scores
/// them) and the content terms they share, for evaluation and tuning.
pub fn claim_score(left: &str, right: &str) -> (f32, usize) {
    let mut vocab = Vocabulary::default();
    score_sets(&vocab.set(left), &vocab.set(right))
}

fn dice(shared: u32, total: u32) -> f32 {
    if total == 0 {
        0.0
    } else {
        (2 * shared) as f32 / total as f32
    }
}

/// Pairs sentences of `left` with sentences of `right`, one to one, best
/// first; returns the chosen pairs sorted by left index.
pub fn align(left: &[&str], right: &[&str], options: ClaimOptions) -> Vec<Scored> {
    let mut vocab = Vocabulary::default();
    let claim = |s: &&str| s.len() <= MAX_SENTENCE_BYTES;
    let mut set = |s: &&str| {
        if claim(s) {
            vocab.set(s)
        } else {
            TermSet::default()
        }
    };
    let lsets: Vec<TermSet> = left.iter().map(&mut set).collect();
    let rsets: Vec<TermSet> = right.iter().map(&mut set).collect();
    // Candidates share content terms: an inverted index over the right
    // side's content terms (function words are left out of it, and so are
    // terms too common on either side to discriminate).
    let mut df = vec![(0usize, 0usize); vocab.0.len()];
    for set in &lsets {
        set.content().for_each(|(id, _)| df[id as usize].0 += 1);
    }
    for set in &rsets {
        set.content().for_each(|(id, _)| df[id as usize].1 += 1);
    }
    let indexed = |id: u32| {
        let (l, r) = df[id as usize];
        l.max(r) <= MAX_TERM_SENTENCES
    };
    let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); vocab.0.len()];
    for (r, set) in rsets.iter().enumerate() {
        for (id, w) in set.content().filter(|&(id, _)| indexed(id)) {
            postings[id as usize].push((r as u32, w));
        }
    }
    let mut candidates = Vec::new();
    let mut count = vec![0usize; right.len()];
    let mut content_shared = vec![0u32; right.len()];
    let mut touched = Vec::new();
    for (l, set) in lsets.iter().enumerate() {
        // Common terms left out of the index may still be shared: count
        // them as shared in the bound.
        let (mut common_terms, mut common_weight) = (0, 0);
        for (id, w) in set.content() {
            if !indexed(id) {
                common_terms += 1;
                common_weight += w;
                continue;
            }
            for &(r, rw) in &postings[id as usize] {
                let r = r as usize;
                if count[r] == 0 {
                    touched.push(r);
                }
                count[r] += 1;
                content_shared[r] += w.min(rw);
            }
        }
        for r in touched.drain(..) {
            let other = &rsets[r];
            // The best the pair could score: every function word shared and
            // the longest possible shared quotation. Most pairs stop here.
            let bound = with_quote_bonus(
                dice(
                    content_shared[r] + common_weight + set.stop.min(other.stop),
                    set.total + other.total,
                ),
                set.longest_quote.min(other.longest_quote),
            );
            if count[r] + common_terms >= options.min_shared_terms && bound >= options.threshold {
                let (score, content) = score_sets(set, other);
                if score >= options.threshold && content >= options.min_shared_terms {
                    candidates.push(Scored {
                        left: l,
                        right: r,
                        score,
                    });
                }
            }
            count[r] = 0;
            content_shared[r] = 0;
        }
    }
    // Sentences with the same words pair at 1.0 however short they are.
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
            candidates.push(Scored {
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
    let (mut used_l, mut used_r) = (vec![false; left.len()], vec![false; right.len()]);
    let mut chosen: Vec<Scored> = candidates
        .into_iter()
        .filter(|c| {
            let free = !used_l[c.left] && !used_r[c.right];
            if free {
                used_l[c.left] = true;
                used_r[c.right] = true;
            }
            free
        })
        .collect();
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
        assert!(without < DEFAULT_THRESHOLD, "{without}");
        assert!(with >= DEFAULT_THRESHOLD && with > without, "{with}");
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
